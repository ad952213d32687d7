"""Publishing: front sheets, agenda packs and minutes as HTML and paginated PDF."""
