"""``briefing present``, ``history``, ``objections``, ``answer``, ``readiness`` and ``overdue``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from briefing.cli.common import command, open_store, read_store, say, today_of
from briefing.guide.days import parse_day
from briefing.guide.objections import answer_edit, open_objections
from briefing.i18n import LANGUAGES, counted, format_date, term, tr
from briefing.model import codec
from briefing.model.entities import OUTCOMES, Workspace

if TYPE_CHECKING:  # (the guide's modules load when their command runs)
    from briefing.guide.cadence import CadenceStatus
    from briefing.guide.history import ArchiveProblem, Attempt
    from briefing.guide.objections import OpenObjection
    from briefing.guide.outlook import Outlook

EXIT_OK, EXIT_FINDINGS = 0, 1


def register(subparsers: Any) -> None:
    """Add the guide's subcommands to the ``briefing`` command."""
    _present_parser(command(subparsers, "present", "guide.cli.present_help", present_command))
    command(subparsers, "history", "guide.cli.history_help", history_command, json=True)
    command(subparsers, "objections", "guide.cli.objections_help", objections_command, json=True)
    answer = command(subparsers, "answer", "guide.cli.answer_help", answer_command)
    answer.add_argument("number", type=int, metavar="N", help=tr("guide.cli.answer_number_help"))
    answer.add_argument("text", metavar="TEXT", help=tr("guide.cli.answer_text_help"))
    command(subparsers, "readiness", "guide.cli.readiness_help", readiness_command, json=True, today=True)
    command(subparsers, "overdue", "guide.cli.overdue_help", overdue_command, json=True, today=True)


def _present_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--deck", required=True, metavar="FILE", help=tr("guide.cli.deck_help"))
    parser.add_argument("--date", required=True, metavar="D", help=tr("guide.cli.date_help"))
    parser.add_argument("--audience", required=True, metavar="TEXT", help=tr("guide.cli.audience_help"))
    parser.add_argument("--outcome", required=True, metavar="OUTCOME",
                        help=tr("guide.cli.outcome_help", choices=", ".join(OUTCOMES)))
    parser.add_argument("--objection", action="append", default=[], metavar="TEXT", help=tr("guide.cli.objection_help"))
    parser.add_argument("--attendee", action="append", default=[], metavar="ID", help=tr("guide.cli.attendee_help"))
    parser.add_argument("--feedback", default="", metavar="TEXT", help=tr("guide.cli.feedback_help"))
    parser.add_argument("--next-step", action="append", default=[], metavar="TEXT", help=tr("guide.cli.next_step_help"))
    parser.add_argument("--next-attempt", metavar="D", help=tr("guide.cli.next_attempt_help"))


OUTCOME_SYNONYMS = {"udskudt": "udsat"}
"""Words an outcome was called before the shared terms (``term.outcome.*``), still understood."""


def outcome_code(text: str) -> str:
    """An outcome as typed: its code (``partly_approved``) or its name in either language ("udsat";
    the older "udskudt" too)."""
    wanted = text.strip().casefold().replace("_", " ")
    wanted = OUTCOME_SYNONYMS.get(wanted, wanted)
    for code in OUTCOMES:
        names = {code.replace("_", " ")} | {term("outcome", code, lang).casefold() for lang in LANGUAGES}
        if wanted in names:
            return code
    return text


# -- present ---------------------------------------------------------------------------------


def present_command(args: argparse.Namespace) -> int:
    from briefing.deck.dating import deck_date
    from briefing.guide.history import history
    from briefing.guide.presenting import record_presentation

    date = parse_day(args.date, "--date")
    next_attempt = parse_day(args.next_attempt, "--next-attempt") if args.next_attempt else None
    with open_store(args) as store:
        open_before = _open_count(store.workspace)
        planned = {p.id for p in store.workspace.phases if p.status == "planned"}
        recorded = record_presentation(
            store, args.deck, date, args.audience, outcome_code(args.outcome), attendee_ids=args.attendee,
            objections=args.objection, feedback=args.feedback, next_steps=args.next_step, next_attempt=next_attempt,
        )
        number = next(a.number for a in history(store.workspace).attempts if a.presentation.id == recorded.id)
        answered = open_before - (_open_count(store.workspace) - len(recorded.objections))
        approved = [p.name for p in store.workspace.phases if p.id in planned and p.status == "approved"]
        dated = deck_date(store.workspace, None, store.clock.today())
    outcome = term("outcome", recorded.outcome, lower=True)
    say(tr("guide.cli.recorded", number=number, date=date.isoformat(), outcome=outcome))
    say(tr("guide.cli.archived", file=recorded.deck_file, sha=recorded.deck_sha256))
    say(tr("guide.cli.answered", count=answered))
    for name in approved:
        say(tr("guide.cli.phase_approved", phase=name))
    say(tr("guide.cli.next_deck", text=dated.explanation()))
    return EXIT_OK


def _open_count(workspace: Workspace) -> int:
    from briefing.guide.objections import open_objections

    return len(open_objections(workspace))


# -- history ---------------------------------------------------------------------------------


def history_command(args: argparse.Namespace) -> int:
    from briefing.guide.history import history, verify_archive

    with read_store(args) as store:
        attempts = history(store.workspace).attempts
        problems = {p.presentation_id: p for p in verify_archive(store)}
    if args.json:
        print(json.dumps([_attempt_json(a, problems) for a in attempts], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not attempts:
        say(tr("guide.cli.no_attempts"))
    for attempt in attempts:
        _print_attempt(attempt, problems.get(attempt.presentation.id))
    return EXIT_OK


def _print_attempt(attempt: Attempt, problem: ArchiveProblem | None) -> None:
    p = attempt.presentation
    say(tr("guide.cli.attempt_line", number=attempt.number, date=p.date.isoformat(),
           outcome=term("outcome", p.outcome, lower=True), audience=p.audience))
    if p.objections:
        say(tr("guide.cli.attempt_objections", raised=len(p.objections), open=attempt.still_open))
    if problem is not None:
        key = "guide.cli.archive_missing" if problem.actual is None else "guide.cli.archive_changed"
        say(tr(key, file=p.deck_file))


def _attempt_json(attempt: Attempt, problems: dict[str, ArchiveProblem]) -> dict[str, Any]:
    p, changes = attempt.presentation, attempt.changes
    problem = problems.get(p.id)
    archive = "none" if not p.deck_file else "ok" if problem is None else "changed" if problem.actual else "missing"
    return {
        "number": attempt.number, "id": p.id, "date": p.date.isoformat(), "outcome": p.outcome,
        "outcome_text": term("outcome", p.outcome, lower=True), "audience": p.audience, "attendee_ids": p.attendee_ids,
        "deck_file": p.deck_file, "deck_sha256": p.deck_sha256, "archive": archive,
        "objections": [{"text": o.text, "status": o.status, "answer": o.answer} for o in p.objections],
        "feedback": p.feedback, "next_steps": codec.dump(p.next_steps),
        "next_attempt": p.next_attempt.isoformat() if p.next_attempt else None,
        "changes": {
            "since": changes.since.isoformat() if changes.since else None,
            "objections_raised": list(changes.objections_raised),
            "objections_answered": list(changes.objections_answered),
            "allies_engaged": list(changes.allies_engaged),
            "allies_gained": list(changes.allies_gained),
            "kpis_moved": [{"initiative_id": m.initiative_id, "kpi_id": m.kpi.id, "name": m.kpi.name,
                            "unit": m.kpi.unit, "before": m.before.latest, "after": m.after.latest,
                            "improvement": m.after.improvement} for m in changes.kpis_moved],
        },
    }


# -- readiness -------------------------------------------------------------------------------


def readiness_command(args: argparse.Namespace) -> int:
    from briefing.guide.readiness import readiness

    today = today_of(args)
    with read_store(args) as store:
        result = readiness(store.workspace, today)
    if args.json:
        steps = [{"key": s.key, "status": s.status, "title": s.title.message(), "reason": s.reason.message(),
                  "next": s.next.message()} for s in result.steps]
        print(json.dumps({"today": result.today.isoformat(), "ready": result.ready, "steps": steps,
                          "outlook": _outlook_json(result.outlook)}, ensure_ascii=False, indent=2))
    else:
        for step in result.steps:
            say(tr("guide.cli.step_line", status=tr(f"guide.status.{step.status}"), title=step.title,
                   reason=step.reason, next=step.next))
        say(tr("guide.cli.ready") if result.ready else
            tr("guide.cli.not_ready", done=result.done, total=len(result.steps)))
        if result.outlook and result.outlook.lines:
            say(tr("guide.cli.outlook_head"))
            for line in result.outlook.lines:
                say(f"  {line.message()}")
    return EXIT_OK if result.ready else EXIT_FINDINGS


def _outlook_json(outlook: Outlook | None) -> dict[str, Any] | None:
    """The outlook after the latest meeting, for scripts (None before the first)."""
    if outlook is None or outlook.latest is None:
        return None
    return {"outcome": outlook.latest.outcome, "presented": outlook.latest.date.isoformat(),
            "next_attempt": outlook.next_attempt.isoformat() if outlook.next_attempt else None,
            "open_objections": list(outlook.objections),
            "approved_phase_id": outlook.approved.id if outlook.approved else None,
            "next_phase_id": outlook.next_phase.id if outlook.next_phase else None,
            "move": outlook.move, "lines": [line.message() for line in outlook.lines]}


# -- overdue ---------------------------------------------------------------------------------


def overdue_command(args: argparse.Namespace) -> int:
    from briefing.guide.cadence import due_today, overdue

    today = today_of(args)
    with read_store(args) as store:
        late, due = overdue(store.workspace, today), due_today(store.workspace, today)
    if args.json:
        print(json.dumps({"overdue": [_cadence_json(e) for e in late], "due_today": [_cadence_json(e) for e in due]},
                         ensure_ascii=False, indent=2))
    else:
        _print_overdue(late, due)
    return EXIT_FINDINGS if late else EXIT_OK


def _print_overdue(late: list[CadenceStatus], due: list[CadenceStatus]) -> None:
    if not late:
        say(tr("guide.cli.none_overdue"))
    for entry in late:
        say(_overdue_line(entry))
    if due:
        say(tr("guide.cli.due_today", names=", ".join(e.stakeholder.name for e in due)))


def _cadence_json(entry: CadenceStatus) -> dict[str, Any]:
    def iso(day: dt.date | None) -> str | None:
        return day.isoformat() if day else None

    return {"id": entry.stakeholder.id, "name": entry.stakeholder.name, "last_dialogue": iso(entry.last_dialogue),
            "due": iso(entry.due), "days_overdue": entry.days_overdue, "cadence_days": entry.stakeholder.cadence_days}


def _overdue_line(entry: CadenceStatus) -> str:
    person = entry.stakeholder
    params: dict[str, Any] = {"name": person.name, "count": entry.days_overdue,
                              "every": counted("every_days", person.cadence_days)}
    if entry.days_overdue is None:
        return tr("guide.cli.overdue_unknown", **params)
    if entry.last_dialogue is None:
        return tr("guide.cli.overdue_never", **params)
    return tr("guide.cli.overdue_line", last=format_date(entry.last_dialogue, short=True), **params)


def objections_command(args: argparse.Namespace) -> int:
    """The open objections, numbered as ``briefing answer`` takes them, with their answers."""
    with read_store(args) as store:
        entries = open_objections(store.workspace)
    if args.json:
        say(json.dumps([_objection_json(n, e) for n, e in enumerate(entries, start=1)], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not entries:
        say(tr("guide.cli.no_open_objections"))
    for number, entry in enumerate(entries, start=1):
        say(tr("guide.cli.objection_line", number=number, date=format_date(entry.presentation.date, short=True),
               text=entry.objection.text))
        say("    " + (tr("guide.cli.objection_answer", answer=entry.objection.answer) if entry.answered_in_deck
                      else tr("guide.cli.objection_unanswered")))
    return EXIT_OK


def answer_command(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        edit = answer_edit(store.workspace, args.number, args.text)
        edit.apply(store)
    say(tr("guide.cli.answer_saved", number=args.number))
    return EXIT_OK


def _objection_json(number: int, entry: OpenObjection) -> dict[str, Any]:
    return {"number": number, "presentation_id": entry.presentation.id, "date": entry.presentation.date.isoformat(),
            "text": entry.objection.text, "answer": entry.objection.answer}
