"""Search across agenda items, reports, minutes, resolutions and work programmes."""
