"""The ``briefing`` command: everything the app imports or exports, headless.

Each module of this package that defines ``register(subparsers)`` adds its subcommands;
a subcommand's handler returns the exit code. Bad input or usage exits 2 with one line
on stderr that names the file and the place.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence

from briefing import __version__
from briefing.errors import BriefingError
from briefing.i18n import set_language, tr

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="briefing", description=tr("cli.description"))
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in pkgutil.iter_modules(__path__):
        imported = importlib.import_module(f"{__name__}.{module.name}")
        register = getattr(imported, "register", None)
        if register is not None:
            register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    set_language(_language_from_environment())
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        code: int = args.handler(args)
    except BriefingError as error:
        print(f"briefing: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    return code


def _language_from_environment() -> str:
    wanted = os.environ.get("BRIEFING_LANG") or os.environ.get("LANG", "")
    return "da" if wanted.lower().startswith("da") else "en"
