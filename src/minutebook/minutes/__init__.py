"""Minutes and resolutions."""
