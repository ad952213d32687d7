"""The search index (owned by the search app)."""
