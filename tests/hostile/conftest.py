"""The hostile suite: fuzzing, hostile guests, load and leaks, threads, sandbox.

Budgets, the hang guard and the front-end property live in hostile_support.py; the `impl`,
`engine`, `load` and `guest` fixtures come from tests/conftest.py, so every test runs on both
protocol implementations and every installed engine.
"""
import sys
from pathlib import Path

# hostile_support is imported by name, whether or not tests/ is a package
sys.path.insert(0, str(Path(__file__).resolve().parent))
