"""Golo syntax: tokens, lexer, tree nodes and parser."""
