"""Councillors and officers."""
