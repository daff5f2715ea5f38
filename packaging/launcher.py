"""The packaged app's one program, built as two executables: ``briefing`` runs the command line,
``briefing-composer`` (any other name) the desktop app."""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> int:
    if Path(sys.executable).stem.lower() == "briefing":
        from briefing.cli import main as command_line

        return command_line()
    from ui.app import main as desktop_app

    return desktop_app()


if __name__ == "__main__":
    sys.exit(main())
