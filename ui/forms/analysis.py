"""A survey's analysis as a short HTML text: n, the distribution, mean and top-2-box, free text."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from briefing.i18n import format_number, term, tr


def _pct(share: float | None) -> str:
    return "–" if share is None else f"{format_number(round(share * 100), decimals=0)} %"


def analysis_html(results: list[Any]) -> str:
    """One block per QuestionAnalysis."""
    return "".join(_block(r) for r in results) or f"<p>{escape(tr('pages.analysis.none'))}</p>"


def _block(result: Any) -> str:
    question = result.question
    kind = term("question_kind", question.kind)
    lines = [f"<p><b>{escape(question.text)}</b> <i>({escape(kind)})</i><br>"]
    lines.append(escape(tr("pages.analysis.n", n=result.n, skipped=result.skipped)))
    if result.small_sample:
        lines.append(" — " + escape(tr("pages.analysis.small")))
    lines.append("</p>")
    if result.mean is not None:
        summary = tr("pages.analysis.likert", mean=format_number(result.mean, decimals=1), top2=_pct(result.top2),
                     bottom2=_pct(result.bottom2))
        lines.append(f"<p>{escape(summary)}</p>")
    if result.numbers is not None:
        n = result.numbers
        summary = tr("pages.analysis.numbers", mean=format_number(n.mean), median=format_number(n.median),
                     low=format_number(n.min), high=format_number(n.max))
        lines.append(f"<p>{escape(summary)}</p>")
    if result.distribution:
        rows = "".join(
            f"<tr><td>{escape(str(label))}</td><td align='right'>{count}</td>"
            f"<td align='right'>{_pct(count / result.n if result.n else None)}</td></tr>"
            for label, count in result.distribution
        )
        lines.append(f"<table cellspacing='0' cellpadding='2'>{rows}</table>")
    if result.texts:
        shown = "".join(f"<li>{escape(t)}</li>" for t in result.texts[:20])
        more = len(result.texts) - 20
        rest = f"<p>{escape(tr('pages.analysis.more', count=more))}</p>" if more > 0 else ""
        lines.append(f"<ul>{shown}</ul>{rest}")
    return "".join(lines)


@dataclass(frozen=True)
class Analysed:
    """What the Evidence page shows for a survey: the analysis as HTML and the findings it suggests."""

    html: str
    suggestions: list[str]


def analysis_of(survey: Any, question_id: str | None) -> Analysed:
    """The analysis of ``survey`` (of one question, or of all when ``question_id`` is None) and the
    suggested findings it has not taken yet; made on a worker (no widget touched)."""
    if survey is None:
        return Analysed("", [])
    from briefing.evidence.analysis import analyse

    results = [r for r in analyse(survey) if question_id is None or r.question.id == question_id]
    taken = set(survey.findings)
    texts = [s.message() for r in results for s in r.suggestions]
    return Analysed(analysis_html(results), [t for t in dict.fromkeys(texts) if t not in taken])
