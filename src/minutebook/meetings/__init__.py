"""Meetings and agendas."""
