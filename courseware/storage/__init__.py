"""The database: engine, tables, and the one guard around every call from a page."""
