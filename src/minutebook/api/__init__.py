"""The read-only JSON API: Popolo people and organisations, Open Civic Data events."""
