"""``python -m site_build.schema [root]``: regenerate ``schemas/``, ``.vscode/settings.json`` and
``docs/CONTENT_SCHEMA.md`` from the schema definitions."""

from __future__ import annotations

import sys
from pathlib import Path

from site_build.schema.outputs import write_generated

if __name__ == "__main__":
    for written in write_generated(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()):
        print(f"wrote {written}")
