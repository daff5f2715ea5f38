"""``briefing log``: a contact logged as a dialogue from a script or a terminal.

Every option is checked before anything is written: an unknown or ambiguous ``--who``, a bad
date, channel or count exits 2 with a message naming the option, and the workspace is unchanged.
A workspace another app holds open is refused the same way (its lock).
"""

from __future__ import annotations

import argparse
from typing import Any

from briefing.cli.common import command, open_store, say
from briefing.errors import InputError
from briefing.guide.contacts import CHANNELS, log_dialogue
from briefing.guide.days import parse_day
from briefing.i18n import format_date, term, tr
from briefing.store.layout import store_path

EXIT_OK = 0


def register(subparsers: Any) -> None:
    parser = command(subparsers, "log", "contacts.cli.help", log_command)
    parser.add_argument("--who", required=True, metavar="ID|NAME", help=tr("contacts.cli.who_help"))
    parser.add_argument("--date", required=True, metavar="D", help=tr("contacts.cli.date_help"))
    parser.add_argument("--channel", required=True, metavar="C",
                        help=tr("contacts.cli.channel_help", choices=", ".join(CHANNELS)))
    parser.add_argument("--summary", required=True, metavar="TEXT", help=tr("contacts.cli.summary_help"))
    parser.add_argument("--follow-up", metavar="D", help=tr("contacts.cli.follow_up_help"))
    parser.add_argument("--references", type=int, default=0, metavar="N", help=tr("contacts.cli.references_help"))


def log_command(args: argparse.Namespace) -> int:
    date = parse_day(args.date, "--date")
    follow_up = parse_day(args.follow_up, "--follow-up") if args.follow_up else None
    if not store_path(args.workspace).is_file():  # (opening would make an empty workspace there)
        raise InputError("contacts.error.no_workspace", folder=str(args.workspace))
    with open_store(args) as store:
        dialogue = log_dialogue(store, args.who, date, args.channel, args.summary, follow_up, args.references)
        name = next(s.name for s in store.workspace.stakeholders if s.id == dialogue.stakeholder_id)
    say(tr("contacts.cli.logged", channel=term("channel", dialogue.channel, lower=True), name=name,
           date=format_date(date), id=dialogue.id))
    if follow_up is not None:
        say(tr("contacts.cli.follow_up", date=format_date(follow_up)))
    return EXIT_OK
