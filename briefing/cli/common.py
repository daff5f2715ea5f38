"""What the subcommands share: the ``--workspace``, ``--json`` and ``--today`` options, and opening the store."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from briefing.clock import SystemClock
from briefing.guide.days import Today, parse_day
from briefing.i18n import tr
from briefing.store import WorkspaceStore


def command(
    subparsers: Any,
    name: str,
    help_key: str,
    handler: Callable[[argparse.Namespace], int],
    *,
    workspace: bool = True,
    json: bool = False,
    today: bool = False,
) -> argparse.ArgumentParser:
    """A subcommand ``name`` run by ``handler``, with the shared options it asks for; add its own after."""
    parser: argparse.ArgumentParser = subparsers.add_parser(name, help=tr(help_key))
    if workspace:
        parser.add_argument("--workspace", type=Path, required=True, metavar="DIR", help=tr("cli.workspace_help"))
    if json:
        parser.add_argument("--json", action="store_true", help=tr("cli.json_help"))
    if today:
        parser.add_argument("--today", metavar="D", help=tr("cli.today_help"))
    parser.set_defaults(handler=handler)
    return parser


@contextlib.contextmanager
def open_store(args: argparse.Namespace, **options: Any) -> Iterator[WorkspaceStore]:
    """The store of ``--workspace``, closed at the end; a folder without a store opens as a new, empty workspace.

    When the command fails, nothing is retried at the close: the process ends, and what the
    command did not save stays unsaved (its message says so).
    """
    store = WorkspaceStore.open(args.workspace, **options)
    try:
        yield store
    except BaseException:
        store.close(retry=False)
        raise
    store.close()


def read_store(args: argparse.Namespace) -> contextlib.AbstractContextManager[WorkspaceStore]:
    """The store of ``--workspace`` opened read-only: nothing is written, so reading works on a
    read-only workspace, on a full disk, and beside a running app."""
    return open_store(args, read_only=True)


def today_of(args: argparse.Namespace) -> Today:
    """The day ``--today`` names (exit 2 naming the option when it is not a date), else the system clock."""
    return parse_day(args.today, "--today") if args.today else SystemClock()


def say(text: str) -> None:
    print(text)
