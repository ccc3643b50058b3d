"""``python -m courseware``: see ``courseware.cli``."""

from __future__ import annotations

import sys

from courseware.cli import main

for stream in (sys.stdout, sys.stderr):
    if hasattr(stream, "reconfigure"):
        stream.reconfigure(encoding="utf-8")  # Chinese text, whatever the console's locale

raise SystemExit(main())
