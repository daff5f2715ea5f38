"""Decks the render tests read: the traps (hostile text, odd templates) and decks made to break the rules."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from lo_helpers import SAMPLES
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

from briefing.deck.template import DEFAULT_TEMPLATE
from briefing.model.entities import Deliverable, Phase, Problem, Workspace

HOSTILE = "Bell\x07 tab\tnull\x00 \ufffe\uffff lone\ud800 =cmd|' /C calc'!A0"
DARK = SAMPLES / "templates" / "reclamation-dark-16x9.pptx"
POTX = SAMPLES / "templates" / "purple-banner.potx"
NAVY = "1B2440"
PROBE_WORDS = ["Overboard", "Spillover", "Castaway"]
NARROW_WORD = "Kontraktarkivet"
REGIONS = ("North", "South", "West")


def hostile(workspace: Workspace) -> Workspace:
    """The demo with control characters, formula triggers, 10,000 characters and 200 bullets."""
    problems = [dataclasses.replace(p, title=f"{HOSTILE} {p.title}", impact="x" * 10_000 if i == 0 else p.impact,
                                    description="word " * 2_000)
                for i, p in enumerate(workspace.problems)]
    problems += [Problem(id=f"h{i}", title=f"Extra problem {i} {HOSTILE}", severity=1 + i % 5) for i in range(30)]
    phases = [dataclasses.replace(p, deliverables=[Deliverable(f"Deliverable {i} =SUM(A1)") for i in range(200)])
              for p in workspace.phases]
    phases.append(Phase(id="hx", name="=1+1", start=dt.date(2027, 1, 1), end=dt.date(2027, 2, 1)))
    surveys = [dataclasses.replace(s, findings=[f"Finding {i} \x0b" for i in range(200)]) for s in workspace.surveys]
    people = [dataclasses.replace(p, name=f"=HYPERLINK(\"http://x\") {p.name}\x1f") for p in workspace.stakeholders]
    deck = dataclasses.replace(workspace.deck, ask=f"=cmd {workspace.deck.ask}\x07", title=f"{HOSTILE} deck")
    campaign = dataclasses.replace(workspace.campaign, name="y" * 10_000)
    return dataclasses.replace(workspace, problems=problems, phases=phases, surveys=surveys, stakeholders=people,
                               deck=deck, campaign=campaign)


def four_three_template(folder: Path) -> Path:
    prs = Presentation()  # python-pptx's own template is 4:3
    return _saved(prs, folder / "four-three.pptx")


def dark_four_three_template(folder: Path) -> Path:
    """A 4:3 template whose master has a navy background but keeps its default dark text styles."""
    prs = Presentation()
    master = prs.slide_master
    background = master.background.fill
    background.solid()
    background.fore_color.rgb = RGBColor.from_string(NAVY)
    return _saved(prs, folder / "dark-four-three.pptx")


def coverless_template(folder: Path) -> Path:
    """The default template whose title layout has lost its title and subtitle placeholders."""
    prs = Presentation(str(DEFAULT_TEMPLATE))
    layout = prs.slide_layouts[0]
    for shape in list(layout.placeholders):
        if shape.placeholder_format.type is not None and shape.placeholder_format.idx in (0, 1):
            shape._element.getparent().remove(shape._element)
    return _saved(prs, folder / "coverless.pptx")


def off_slide_probe(folder: Path) -> Path:
    """A deck made to break the rule: one word beside the slide, one below it, one overflowing a box off the bottom."""
    prs, slide = _blank_slide()
    width, height = prs.slide_width, prs.slide_height
    seen = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(6), Inches(1))
    seen.text_frame.text = "Readable words stay"
    for left, top, text in ((width + Inches(1), Inches(2), PROBE_WORDS[0]), (Inches(1), height + Inches(1),
                                                                             PROBE_WORDS[1])):
        box = slide.shapes.add_textbox(Emu(left), Emu(top), Inches(3), Inches(1))
        box.text_frame.text = text
    overflow = slide.shapes.add_textbox(Inches(1), height - Inches(1), Inches(4), Inches(0.5))
    overflow.text_frame.word_wrap = True
    overflow.text_frame.text = "\n".join(["Filler line"] * 8 + [PROBE_WORDS[2]])
    for paragraph in overflow.text_frame.paragraphs:
        paragraph.font.size = Pt(24)
    return _saved(prs, folder / "probe-off-slide.pptx")


def narrow_column_probe(folder: Path) -> Path:
    """A deck made to break the rule: a table column narrower than its longest word at 18 pt."""
    prs, slide = _blank_slide()
    frame = slide.shapes.add_table(2, 3, Inches(1), Inches(1), Inches(6), Inches(2))
    table = frame.table
    table.columns[0].width = Inches(0.9)
    table.columns[1].width, table.columns[2].width = Inches(2.55), Inches(2.55)
    for row, texts in enumerate((("Arkiv", "Fase", "Ejer"), (NARROW_WORD, "Fase 2", "Juridisk"))):
        for column, text in enumerate(texts):
            cell = table.cell(row, column)
            cell.text = text
            cell.text_frame.paragraphs[0].font.size = Pt(18)
    return _saved(prs, folder / "probe-narrow-column.pptx")


CROWDED_MAP_BOX = (Inches(0.5), Inches(0.5), Inches(9), Inches(4.5))
"""Where the crowded map's chart lies on its probe slide (left, top, width, height)."""


def crowded_map_probe(folder: Path) -> Path:
    """The stakeholder map of 400 people as a native chart on a slide of its own."""
    from big_workspace import big_workspace

    from briefing.charts import build, native
    from briefing.charts.theme import ChartTheme

    prs, slide = _blank_slide()
    native.add_chart(slide, build.stakeholder_map(big_workspace(), "en"), *CROWDED_MAP_BOX, ChartTheme())
    return _saved(prs, folder / "probe-crowded-map.pptx")


@dataclasses.dataclass(frozen=True)
class Rendered:
    pptx: Path
    pdf: Path
    result: object | None
    """The ExportResult (None for a probe deck built by hand)."""


def long_matrix(workspace: Workspace) -> Workspace:
    """The demo with seven success factors of long titles: on the 10-inch dark template the matrix continues."""
    extra = [dataclasses.replace(workspace.csfs[i % len(workspace.csfs)], id=f"long{i}",
                                 title=f"Regional office {name} files its signed contracts within two days")
             for i, name in enumerate(REGIONS)]
    return dataclasses.replace(workspace, csfs=[*workspace.csfs, *extra])


def _saved(prs: Any, path: Path) -> Path:
    prs.save(str(path))
    return path


def _blank_slide() -> tuple[Any, Any]:
    """The default template with one slide on its last layout, for a probe to draw on."""
    prs = Presentation(str(DEFAULT_TEMPLATE))
    return prs, prs.slides.add_slide(prs.slide_layouts[-1])
