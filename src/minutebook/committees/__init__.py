"""Committees."""
