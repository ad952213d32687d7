"""Source documents."""
