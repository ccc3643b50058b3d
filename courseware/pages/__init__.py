"""One thin module per page: they compose ui/ widgets and hold no logic of their own."""
