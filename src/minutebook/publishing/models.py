"""No tables of its own: published versions are documents.PublishedDocument."""
