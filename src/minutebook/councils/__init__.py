"""Councils."""
