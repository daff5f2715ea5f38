"""``briefing import-survey``, ``surveys``, ``import-stakeholders``, ``export-survey`` and ``export-stakeholders``.

The exports write .xlsx or .csv (by the file's suffix), with every cell that a spreadsheet would
take for a formula neutralised.

``--mapping`` (for files whose layout is not recognised) takes a JSON file, inline JSON, or
a short spec; columns are named by header text, Excel letter or number::

    --mapping mapping.json
    --mapping '{"timestamp": "A", "questions": ["C", "D", "E"], "header_rows": 1, "multi_separator": ";"}'
    --mapping 'timestamp=A;questions=C,D,E;ignore=B'

For ``import-stakeholders`` the mapping names the column of each field:
``--mapping 'name=Fulde navn;role=Stilling;stance=Holdning'``.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from briefing import reading
from briefing.cli.common import command, open_store, read_store, say
from briefing.errors import InputError
from briefing.evidence.analysis import QuestionAnalysis, analyse
from briefing.evidence.layouts import ColumnMapping
from briefing.evidence.stakeholders import StakeholderMapping, import_stakeholders
from briefing.evidence.surveys import import_survey
from briefing.evidence.writing import export_stakeholders, export_survey
from briefing.i18n import counted, format_date, format_number, term, tr
from briefing.model.collections import STAKEHOLDERS, SURVEYS
from briefing.model.entities import Survey


def register(subparsers: Any) -> None:
    survey = command(subparsers, "import-survey", "evidence.cli.import_survey_help", run_import_survey)
    survey.add_argument("file", type=Path, metavar="FILE", help=tr("evidence.cli.file_help"))
    survey.add_argument("--title", help=tr("evidence.cli.title_help"))
    survey.add_argument("--mapping", metavar="MAPPING", help=tr("evidence.cli.mapping_help"))
    survey.add_argument("--again", action="store_true", help=tr("evidence.cli.again_help"))
    command(subparsers, "surveys", "evidence.cli.surveys_help", run_surveys, json=True)
    people = command(subparsers, "import-stakeholders", "evidence.cli.import_stakeholders_help",
                     run_import_stakeholders)
    people.add_argument("file", type=Path, metavar="FILE", help=tr("evidence.cli.file_help"))
    people.add_argument("--mapping", metavar="MAPPING", help=tr("evidence.cli.stakeholder_mapping_help"))
    people.add_argument("--update", action="store_true", help=tr("evidence.cli.update_help"))
    out_survey = command(subparsers, "export-survey", "evidence.cli.export_survey_help", run_export_survey)
    out_survey.add_argument("--survey", required=True, metavar="ID", help=tr("evidence.cli.survey_id_help"))
    out_survey.add_argument("--out", type=Path, required=True, metavar="FILE", help=tr("evidence.cli.export_out_help"))
    out_people = command(subparsers, "export-stakeholders", "evidence.cli.export_stakeholders_help",
                         run_export_stakeholders)
    out_people.add_argument("--out", type=Path, required=True, metavar="FILE", help=tr("evidence.cli.export_out_help"))


MAX_MAPPING_BYTES = 1024 * 1024


def mapping_text(value: str) -> tuple[str, str]:
    """The mapping's text and where it came from: a file's content, or the option's value itself.

    The value is a file when something exists at that path, or when it ends in ``.json`` and does not
    look like a mapping itself; a long inline mapping is never taken for a file name. A file that
    cannot be read is refused in one short line naming it (never the mapping echoed back).
    """
    inline = value.lstrip().startswith("{") or "=" in value
    if _exists(value) or (value.lower().endswith(".json") and not inline):
        data = reading.read_bytes(Path(value), MAX_MAPPING_BYTES)
        try:
            return data.decode("utf-8-sig"), value
        except UnicodeDecodeError as error:
            raise InputError("evidence.error.mapping_file", file=value, offset=error.start) from None
    return value, "--mapping"


def _exists(value: str) -> bool:
    """True if something is at the path ``value``; False also for a value that cannot be a path (too long, NUL)."""
    try:
        os.stat(value)
    except (OSError, ValueError):
        return False
    return True


# -- import-survey ---------------------------------------------------------------------------------


def run_import_survey(args: argparse.Namespace) -> int:
    mapping = ColumnMapping.parse(*mapping_text(args.mapping)) if args.mapping else None
    with open_store(args) as store:
        result = import_survey(
            args.file,
            title=args.title,
            mapping=mapping,
            today=store.clock.today(),
            existing=store.workspace.surveys,
            survey_id=store.new_id(SURVEYS),
        )
        if result.duplicate_of and not args.again:
            raise InputError("evidence.error.duplicate_survey", file=str(args.file), id=result.duplicate_of)
        store.add(SURVEYS, result.survey)
    survey = result.survey
    say(tr("evidence.cli.imported", title=survey.title, id=survey.id, layout=tr(f"evidence.layout.{result.layout}"),
           responses=counted("responses", len(survey.responses)),
           questions=counted("questions", len(survey.questions))))
    for question in survey.questions:
        say(f"  {question.id:<4} {term('question_kind', question.kind, lower=True):<16} {question.text}")
    for notice in result.notices:
        say(f"  ! {notice}")
    return 0


# -- surveys ---------------------------------------------------------------------------------------


def run_surveys(args: argparse.Namespace) -> int:
    with read_store(args) as store:
        surveys = list(store.workspace.surveys)
    if args.json:
        print(json.dumps([survey_json(s) for s in surveys], ensure_ascii=False, indent=2))
        return 0
    if not surveys:
        say(tr("evidence.cli.no_surveys"))
    for survey in surveys:
        _print_survey(survey)
    return 0


def survey_json(survey: Survey) -> dict[str, Any]:
    """A survey's analysis as plain JSON (texts in the current language)."""
    return {
        "id": survey.id,
        "title": survey.title,
        "date": survey.date.isoformat() if survey.date else None,
        "source": survey.source,
        "responses": len(survey.responses),
        "findings": list(survey.findings),
        "questions": [analysis_json(a) for a in analyse(survey)],
    }


def analysis_json(analysis: QuestionAnalysis) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": analysis.question.id,
        "text": analysis.question.text,
        "kind": analysis.kind,
        "n": analysis.n,
        "skipped": analysis.skipped,
        "small_sample": analysis.small_sample,
    }
    if analysis.distribution:
        data["distribution"] = [{"label": label, "count": count} for label, count in analysis.distribution]
    if analysis.kind == "likert":
        data |= {"mean": analysis.mean, "top2": analysis.top2, "bottom2": analysis.bottom2}
    if analysis.numbers:
        numbers = analysis.numbers
        data["numbers"] = {"n": numbers.n, "mean": numbers.mean, "median": numbers.median,
                           "min": numbers.min, "max": numbers.max}
    if analysis.kind == "text":
        data["texts"] = analysis.texts
    data["suggestions"] = [s.message() for s in analysis.suggestions]
    return data


def _print_survey(survey: Survey) -> None:
    day = format_date(survey.date, short=True) if survey.date else "–"
    say(tr("evidence.cli.survey_line", title=survey.title, id=survey.id, date=day,
           source=term("survey_source", survey.source, lower=True), count=len(survey.responses)))
    for analysis in analyse(survey):
        say(f"  {analysis.question.id} {analysis.question.text}")
        say(f"     {_summary(analysis)}")
        for label, count in analysis.distribution:
            share = tr("evidence.percent", value=format_number(round(100 * count / analysis.n) if analysis.n else 0))
            say(f"       {count:>5}  {share:>5}  {label}")
        for text in analysis.texts[:5]:
            say(f"       – {text}")
        if len(analysis.texts) > 5:
            say(f"       {tr('evidence.cli.more_texts', count=len(analysis.texts) - 5)}")
        for suggestion in analysis.suggestions[:1]:
            say(f"     → {suggestion}")
    for finding in survey.findings:
        say(f"  ✓ {finding}")
    say("")


def _summary(analysis: QuestionAnalysis) -> str:
    parts = [term("question_kind", analysis.kind, lower=True), f"n = {analysis.n}"]
    if analysis.kind == "likert" and analysis.mean is not None and analysis.top2 is not None:
        parts.append(tr("evidence.cli.likert_summary", mean=format_number(analysis.mean, None, 2),
                        top2=tr("evidence.percent", value=format_number(round(100 * analysis.top2)))))
    if analysis.numbers:
        n = analysis.numbers
        parts.append(tr("evidence.cli.number_summary", mean=format_number(n.mean, None, 2),
                        median=format_number(n.median, None, 2), min=format_number(n.min),
                        max=format_number(n.max)))
    if analysis.small_sample:
        parts.append(tr("evidence.cli.small_sample"))
    return " · ".join(parts)


# -- import-stakeholders ------------------------------------------------------------------------------


def run_import_stakeholders(args: argparse.Namespace) -> int:
    mapping = StakeholderMapping.parse(*mapping_text(args.mapping)) if args.mapping else None
    with open_store(args) as store:
        result = import_stakeholders(args.file, store.workspace.stakeholders, mapping=mapping,
                                     update=args.update)
        store.add_and_update(STAKEHOLDERS, result.added, result.updated)  # one check, one write
    say(tr("evidence.cli.stakeholders_imported", added=len(result.added), updated=len(result.updated),
           skipped=len(result.skipped)))
    for notice in result.notices:
        say(f"  ! {notice}")
    return 0


# -- exports ---------------------------------------------------------------------------------------


def run_export_survey(args: argparse.Namespace) -> int:
    _check_export_suffix(args.out)
    with read_store(args) as store:
        survey = SURVEYS.find(store.workspace, args.survey)
        if survey is None:
            known = ", ".join(s.id for s in store.workspace.surveys) or "—"
            raise InputError("evidence.error.no_survey", id=args.survey, known=known)
        export_survey(survey, args.out)
    say(tr("evidence.cli.exported", file=str(args.out)))
    return 0


def run_export_stakeholders(args: argparse.Namespace) -> int:
    _check_export_suffix(args.out)
    with read_store(args) as store:
        export_stakeholders(store.workspace.stakeholders, args.out)
    say(tr("evidence.cli.exported", file=str(args.out)))
    return 0


def _check_export_suffix(path: Path) -> None:
    if path.suffix.lower() not in (".xlsx", ".csv"):
        raise InputError("evidence.error.export_suffix", file=str(path))
