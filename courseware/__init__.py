"""The courseware engine: content loading, lesson parsing, UI strings, widgets and pages."""
