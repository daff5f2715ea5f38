"""``briefing preread``: the one-page pre-read (PDF or DOCX) to send ahead of a meeting."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from briefing.cli.common import command, read_store, say
from briefing.i18n import tr

EXIT_OK = 0


def register(subparsers: Any) -> None:
    parser = command(subparsers, "preread", "preread.cli.help", run_preread)
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.pdf|FILE.docx",
                        help=tr("preread.cli.out_help"))
    parser.add_argument("--lang", choices=("da", "en"), help=tr("preread.cli.lang_help"))
    parser.add_argument("--template", type=Path, metavar="FILE", help=tr("preread.cli.template_help"))
    parser.add_argument("--anonymize", action="store_true", default=None, help=tr("deck.cli.anonymize_help"))


def run_preread(args: argparse.Namespace) -> int:
    import dataclasses

    from briefing.preread import export_preread

    with read_store(args) as store:  # a pre-read never writes to the store
        workspace = store.workspace
        settings = dataclasses.replace(workspace.deck, anonymize=bool(args.anonymize or workspace.deck.anonymize))
        result = export_preread(workspace, args.out, settings, args.template, store.clock.today(), args.lang)
    if result.dropped:
        say(tr("preread.cli.dropped", count=len(result.dropped), items="; ".join(result.dropped)))
    say(tr("preread.cli.written", file=str(result.path)))
    return EXIT_OK
