"""``python -m site_build.scaffold [root]``: rewrite the editor's guide's generated field tables
from the schema."""

from __future__ import annotations

import sys
from pathlib import Path

from site_build.scaffold.guide import refresh_guide

if __name__ == "__main__":
    for written in refresh_guide(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()):
        print(f"wrote {written}")
