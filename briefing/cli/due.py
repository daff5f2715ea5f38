"""``briefing due`` (what is due, soonest first) and ``briefing calendar`` (the same as an .ics file).

``briefing due --json`` prints one object::

    {"today": "2026-11-27",
     "items": [{"kind": "follow_up" | "next_step" | "cadence" | "next_attempt",
                "date": "2026-11-20" | null,          // null: a step without a due date, or an
                                                      // ally never talked to in a campaign without a start
                "overdue": true, "days_overdue": 7 | null,   // today − date
                "what": "…", "who": "…",              // the item's own text and person (or the step's owner)
                "stakeholder_id": "s1" | null,
                "source": {"collection": "dialogues" | "presentations" | "stakeholders",
                           "id": "d4", "index": 0 | null},   // index: a next step's place in its presentation
                "text": "Follow up with Anne: …",     // the item in words, in the language shown
                "when": "7 days overdue", "from": "Dialogue on 20 November 2026 (meeting)"}]}

Exit 1 when something is overdue, else 0; a bad ``--today`` exits 2 naming the option.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.cli.common import command, read_store, say, today_of
from briefing.guide.days import as_day, parse_day
from briefing.i18n import tr

if TYPE_CHECKING:
    from briefing.guide.due import DueItem
    from briefing.guide.due_wording import Sources

EXIT_OK, EXIT_FINDINGS = 0, 1
COLUMNS = ("date", "when", "what", "who", "where")
MAX_WIDTH = 48
"""The widest a text column grows in the table; longer texts are cut with an ellipsis."""


def register(subparsers: Any) -> None:
    command(subparsers, "due", "due.cli.help", due_command, json=True, today=True)
    calendar = command(subparsers, "calendar", "calendar.cli.help", calendar_command, today=True)
    calendar.add_argument("--out", required=True, metavar="FILE.ics", help=tr("calendar.cli.out_help"))


def due_command(args: argparse.Namespace) -> int:
    from briefing.guide.due import due
    from briefing.guide.due_wording import Sources

    today = as_day(today_of(args))
    with read_store(args) as store:
        workspace = store.workspace
        items = due(workspace, today)
        sources = Sources(workspace)
        rows = [_row(item, sources) for item in items]
    if args.json:
        say(json.dumps({"today": today.isoformat(), "items": rows}, ensure_ascii=False, indent=2))
    else:
        _print_table(rows)
    late = sum(row["overdue"] for row in rows)
    if late and not args.json:
        say(tr("due.cli.overdue_count", count=late))
    return EXIT_FINDINGS if late else EXIT_OK


def _row(item: DueItem, sources: Sources) -> dict[str, Any]:
    from briefing.guide.due_wording import what, when

    return {
        "kind": item.kind, "date": item.day.isoformat() if item.day else None, "overdue": item.overdue,
        "days_overdue": item.days_overdue, "what": item.what, "who": item.who, "stakeholder_id": item.stakeholder_id,
        "source": {"collection": item.source, "id": item.source_id, "index": item.index},
        "text": what(item).message(), "when": when(item).message(), "from": sources.where(item).message(),
    }


def _print_table(rows: list[dict[str, Any]]) -> None:
    if not rows:
        say(tr("due.cli.nothing"))
        return
    cells = [[tr(f"due.cli.header.{name}") for name in COLUMNS]]
    cells += [[row["date"] or "—", ("! " if row["overdue"] else "") + row["when"], row["text"], row["who"],
               row["from"]] for row in rows]
    cells = [[_cut(cell) for cell in line] for line in cells]
    widths = [max(len(line[n]) for line in cells) for n in range(len(COLUMNS))]
    for line in cells:
        say("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip())


def _cut(text: str) -> str:
    return text if len(text) <= MAX_WIDTH else text[: MAX_WIDTH - 1] + "…"


def calendar_command(args: argparse.Namespace) -> int:
    from briefing.guide.calendar import write_calendar

    today = parse_day(args.today, "--today") if args.today else None
    with read_store(args) as store:
        written = write_calendar(store.workspace, Path(args.out), store.clock, today)
    say(tr("calendar.cli.written", count=written, file=args.out))
    return EXIT_OK
