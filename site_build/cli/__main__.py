"""``python -m site_build.cli``: the same as the ``brobygger`` command."""

from site_build.cli import main

main()
