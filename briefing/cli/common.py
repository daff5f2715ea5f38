"""What the subcommands share: the ``--workspace``, ``--json`` and ``--today`` options, and opening the store."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from briefing.i18n import tr
from briefing.store import WorkspaceStore


def add_workspace(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--workspace", type=Path, required=True, metavar="DIR", help=tr("cli.workspace_help"))


def add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=tr("cli.json_help"))


def add_today(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--today", metavar="D", help=tr("cli.today_help"))


def open_store(args: argparse.Namespace, **options: Any) -> WorkspaceStore:
    """The store of ``--workspace``; a folder without a store opens as a new, empty workspace."""
    return WorkspaceStore.open(args.workspace, **options)


def say(text: str) -> None:
    print(text)
