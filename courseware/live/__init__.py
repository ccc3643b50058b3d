"""The live class: the poll protocol in the database, and what serves the phones."""
