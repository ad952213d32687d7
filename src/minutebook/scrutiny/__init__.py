"""Scrutiny: work programmes and recommendations."""
