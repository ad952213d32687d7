"""Minutebook: committee meetings, minutes and decisions for UK local government."""
