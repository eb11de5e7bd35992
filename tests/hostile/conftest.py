"""The hostile suite: fuzzing, hostile guests, load and leaks, threads, sandbox.

Budgets and the hang guard live in hostile_support.py; the `impl`, `engine`, `load` and
`guest` fixtures come from tests/conftest.py, so every test runs on both protocol
implementations and every installed engine.
"""
