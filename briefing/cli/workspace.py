"""Workspace commands: demo, info, import-json, export-json, backups, restore."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from briefing import reading
from briefing.cli.common import command, open_store, read_store, say
from briefing.demo import demo_workspace
from briefing.errors import InputError
from briefing.files import write_or_refuse
from briefing.i18n import format_number, tr
from briefing.model import COLLECTIONS, Workspace
from briefing.model.interchange import from_json_text, to_json_text
from briefing.store import WorkspaceStore, restore, valid
from briefing.store import backups as backup_files


def register(subparsers: Any) -> None:
    demo = command(subparsers, "demo", "cli.demo_help", run_demo)
    demo.add_argument("--lang", choices=("da", "en"), default="en", help=tr("cli.lang_help"))
    command(subparsers, "info", "cli.info_help", run_info)
    imp = command(subparsers, "import-json", "cli.import_json_help", run_import_json)
    imp.add_argument("file", type=Path, metavar="FILE", help=tr("cli.import_file_help"))
    imp.add_argument("--replace", action="store_true", help=tr("cli.replace_help"))
    exp = command(subparsers, "export-json", "cli.export_json_help", run_export_json)
    exp.add_argument("--out", type=Path, required=True, metavar="FILE", help=tr("cli.out_help"))
    command(subparsers, "backups", "cli.backups_help", run_backups)
    back = command(subparsers, "restore", "cli.restore_help", run_restore)
    back.add_argument("--backup", metavar="NAME", help=tr("cli.backup_name_help"))


def run_demo(args: argparse.Namespace) -> int:
    workspace = demo_workspace(args.lang)
    with open_store(args) as store:
        _refuse_if_not_empty(store, args.workspace)
        store.replace(workspace, reason="import")
    say(tr("cli.demo_done", folder=str(args.workspace), name=workspace.campaign.name))
    return 0


def run_info(args: argparse.Namespace) -> int:
    with read_store(args) as store:
        ws = store.workspace
        say(tr("cli.info_name", name=ws.campaign.name or "—", folder=str(args.workspace)))
        for collection in COLLECTIONS:
            say(f"  {tr(f'collection.{collection.name}'):<16} {format_number(len(collection.items(ws)))}")
        say(tr("cli.info_backups", count=len(backup_files.listing(args.workspace))))
    return 0


def run_import_json(args: argparse.Namespace) -> int:
    workspace = _read_interchange(args.file)
    with open_store(args) as store:
        if not args.replace:
            _refuse_if_not_empty(store, args.workspace)
        store.replace(workspace, reason="import", checked=True)  # checked once, as it was read
    say(tr("cli.imported", file=str(args.file), summary=_summary(workspace)))
    return 0


def run_export_json(args: argparse.Namespace) -> int:
    with read_store(args) as store:
        text = to_json_text(store.workspace)
    write_or_refuse(args.out, text.encode("utf-8"))
    say(tr("cli.exported", file=str(args.out)))
    return 0


def run_backups(args: argparse.Namespace) -> int:
    listed = backup_files.listing(args.workspace)
    if not listed:
        say(tr("cli.no_backups", folder=str(args.workspace)))
    for backup in listed:
        state = tr("cli.backup_valid") if valid(backup) else tr("cli.backup_damaged")
        reason = tr(f"backup.reason.{backup.reason}")
        say(f"{backup.name}  {backup.taken:%Y-%m-%d %H:%M:%S}  {reason:<14} {format_number(backup.size)} B  {state}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    chosen = restore(args.workspace, args.backup)
    reason = tr(f"backup.reason.{chosen.reason}")
    say(tr("cli.restored", name=chosen.name, taken=f"{chosen.taken:%Y-%m-%d %H:%M:%S}", reason=reason,
           folder=str(args.workspace)))
    return 0


MAX_INTERCHANGE_BYTES = 100 * 1024 * 1024
"""Far above a large workspace (20,000 stakeholders with a dialogue each take about 15 MB)."""


def _read_interchange(path: Path) -> Workspace:
    raw = reading.read_bytes(path, MAX_INTERCHANGE_BYTES)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError("error.not_utf8", file=str(path), offset=error.start) from None
    return from_json_text(text, str(path))


def _refuse_if_not_empty(store: WorkspaceStore, folder: Path) -> None:
    ws = store.workspace
    if any(collection.items(ws) for collection in COLLECTIONS) or ws.campaign.name:
        raise InputError("error.workspace_not_empty", folder=str(folder))


def _summary(workspace: Workspace) -> str:
    return ", ".join(f"{len(c.items(workspace))} {tr(f'collection.{c.name}')}" for c in COLLECTIONS)
