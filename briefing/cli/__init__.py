"""The ``briefing`` command: everything the app imports or exports, headless.

Each module of this package that defines ``register(subparsers)`` adds its subcommands;
a subcommand's handler returns the exit code. Bad input or usage exits 2 with one line
on stderr that names the file and the place.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import pkgutil
import sys
from collections.abc import Iterator, Sequence

from briefing import __version__
from briefing.errors import BriefingError
from briefing.i18n import language_from_environment, set_language, tr
from briefing.store.errors import StoreWriteError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: {message}\n")


# argparse's own words (usage, option groups, its error messages), as the catalog says them
_ARGPARSE_KEYS = {
    "usage: ": "cli.argparse.usage",
    "positional arguments": "cli.argparse.positional",
    "options": "cli.argparse.options",
    "show this help message and exit": "cli.argparse.help",
    "the following arguments are required: %s": "cli.argparse.required",
    "unrecognized arguments: %s": "cli.argparse.unrecognized",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli.argparse.invalid_choice",
    "argument %(argument_name)s: %(message)s": "cli.argparse.argument",
    "expected one argument": "cli.argparse.expected_one",
    "ambiguous option: %(option)s could match %(matches)s": "cli.argparse.ambiguous",
    "invalid %(type)s value: %(value)r": "cli.argparse.invalid_value",
}


def _argparse_text(text: str) -> str:
    key = _ARGPARSE_KEYS.get(text)
    return tr(key) if key else text


@contextlib.contextmanager
def _argparse_translated() -> Iterator[None]:
    """argparse asks its module-level ``_`` (gettext) for its words; answer from the catalog meanwhile."""
    original = argparse._  # type: ignore[attr-defined]
    argparse._ = _argparse_text  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]


def build_parser() -> argparse.ArgumentParser:
    """The ``briefing`` parser with every subcommand, its texts in the current language."""
    with _argparse_translated():
        return _build_parser()


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="briefing", description=tr("cli.description"))
    parser.add_argument("--version", action="version", version=f"briefing {__version__}", help=tr("cli.version_help"))
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in pkgutil.iter_modules(__path__):
        imported = importlib.import_module(f"{__name__}.{module.name}")
        register = getattr(imported, "register", None)
        if register is not None:
            register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    set_language(language_from_environment(os.environ))
    parser = build_parser()
    with _argparse_translated():
        args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        code: int = args.handler(args)
    except StoreWriteError as error:
        print(f"briefing: {_not_saved(error)}", file=sys.stderr)
        return EXIT_USAGE
    except BriefingError as error:
        print(f"briefing: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (``briefing surveys … | head``): no traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    return code


def _not_saved(error: StoreWriteError) -> str:
    """A failed save as the command line says it: the process ends, so nothing is kept for a retry."""
    if error.key != "error.save_failed":
        return str(error)
    return tr("cli.not_saved", file=error.params["file"], reason=error.params["reason"])
