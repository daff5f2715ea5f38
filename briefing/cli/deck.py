"""``briefing export``, ``briefing check`` and ``briefing template-check``: the deck, headless."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any

from briefing.cli.common import command, read_store, say
from briefing.deck.model import Finding
from briefing.guide.days import parse_day
from briefing.i18n import format_number, tr
from briefing.model.entities import DeckSettings, Workspace

EXIT_OK, EXIT_FINDINGS = 0, 1


def register(subparsers: Any) -> None:
    export = command(subparsers, "export", "deck.cli.export_help", run_export)
    export.add_argument("--out", type=Path, required=True, metavar="FILE.pptx", help=tr("deck.cli.out_help"))
    export.add_argument("--no-notes", dest="notes", action="store_false", help=tr("deck.cli.no_notes_help"))
    _deck_options(export)
    _deck_options(command(subparsers, "check", "deck.cli.check_help", run_check))
    template = command(subparsers, "template-check", "deck.cli.template_help", run_template_check, workspace=False)
    template.add_argument("file", type=Path, metavar="FILE", help=tr("deck.cli.template_file_help"))


def _deck_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--template", type=Path, metavar="FILE", help=tr("deck.cli.template_option_help"))
    parser.add_argument("--lang", choices=("da", "en"), help=tr("deck.cli.lang_help"))
    parser.add_argument("--anonymize", action="store_true", default=None, help=tr("deck.cli.anonymize_help"))
    parser.add_argument("--max-slides", type=int, metavar="N", help=tr("deck.cli.max_slides_help"))
    parser.add_argument("--sections", nargs="+", metavar="SECTION", help=tr("deck.cli.sections_help"))
    parser.add_argument("--date", metavar="YYYY-MM-DD", help=tr("deck.cli.date_help"))
    parser.add_argument("--show-attempt", action="store_true", help=tr("deck.cli.show_attempt_help"))


def _settings(workspace: Workspace, args: argparse.Namespace) -> DeckSettings:
    settings = dataclasses.replace(workspace.deck)
    if args.lang:
        settings.language = args.lang
    if args.anonymize:
        settings.anonymize = True
    if args.max_slides is not None:
        settings.max_slides = args.max_slides
    if args.sections:
        settings.sections = [part for item in args.sections for part in item.replace(",", " ").split()]
    if args.date:
        settings.date = parse_day(args.date, "--date")
    return settings


def _print_findings(findings: list[Finding], lang: str | None) -> None:
    if not findings:
        say(tr("deck.lint.clean", lang))
        return
    say(tr("deck.lint.count", lang, count=len(findings)))
    for finding in findings:
        say(f"  {finding.message(lang)}")


def run_export(args: argparse.Namespace) -> int:
    from briefing.deck import export

    with read_store(args) as store:  # an export never writes to the store
        workspace = store.workspace
        settings = _settings(workspace, args)
        result = export(workspace, args.out, settings=settings, template=args.template, today=store.clock.today(),
                        notes=args.notes, show_attempt=args.show_attempt)
    _print_findings(result.findings, None)
    say(tr("deck.cli.written", file=str(result.path), count=result.slides,
           sha256=result.sha256[:12]))
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    from briefing.deck import check

    with read_store(args) as store:  # a check never writes to the store
        workspace = store.workspace
        settings = _settings(workspace, args)
        findings = check(workspace, settings=settings, template=args.template, today=store.clock.today(),
                         show_attempt=args.show_attempt)
    _print_findings(findings, None)
    return EXIT_FINDINGS if any(finding.severity == "error" for finding in findings) else EXIT_OK


def run_template_check(args: argparse.Namespace) -> int:
    from briefing.deck import template_check

    report = template_check(args.file)
    size = {"width": f"{report.width_in:.2f}", "height": f"{report.height_in:.2f}"}
    say(tr("deck.cli.report.head", file=str(report.path), aspect=report.aspect, **size))
    say(tr("deck.cli.report.theme", major=report.fonts[0], minor=report.fonts[1], background=report.background,
           text=report.text, accent=report.accent))
    if report.dark:
        say(tr("deck.cli.report.dark"))
    say(tr("deck.cli.report.layouts", count=len(report.layouts)))
    for layout in report.layouts:
        say(f"  - {layout.name}: {', '.join(layout.placeholders) or '—'}")
    say(tr("deck.cli.report.mapping"))
    for kind, name in report.mapping.items():
        say(f"  {tr(f'deck.cli.kind.{kind}')}: {name}")
    for kind in report.missing:
        say(tr("deck.cli.report.missing", kind=tr(f"deck.cli.kind.{kind}")))
    if report.example_slides:
        say(tr("deck.cli.report.examples", count=report.example_slides))
    for note in report.notes:
        say(f"  {tr(note)}")
    if report.dropped_links:
        say(tr("deck.cli.report.dropped_links", count=len(report.dropped_links)))
    for link in report.dropped_links:
        say(f"  - {link}")
    for role, own, own_ratio, colour, ratio, limit in report.contrast:
        say("  " + tr("deck.cli.report.contrast", role=tr(f"deck.role.{role}"), own=own, colour=colour,
                      own_ratio=format_number(own_ratio), ratio=format_number(ratio), limit=format_number(limit)))
    return EXIT_OK
