"""Decks that could expose people: the demo with names typed into every kind of free text, and a scan that
reads every part of an exported .pptx (slides, notes, charts, their embedded workbooks, document
properties, comments) for the names that may not be there and for the private feedback."""

from __future__ import annotations

import dataclasses
import html
import io
import re
import zipfile
from collections import Counter
from pathlib import Path

import openpyxl

from briefing.model.entities import Deliverable, NextStep, Objection, Stakeholder, Workspace

CEO, CFO, BLOCKER, CONSENTING = "s1", "s2", "s10", "s3"
"""Demo people: the chief executive (neutral), the finance director (skeptic) and the IT security officer
(blocker) have not agreed to be named; the chief operating officer has."""
WATCH = "looked at his watch during the pilot figures"
"""The private feedback of the last meeting (after the chief executive's name)."""


def person(workspace: Workspace, person_id: str) -> Stakeholder:
    return next(p for p in workspace.stakeholders if p.id == person_id)


def exposed(workspace: Workspace) -> Workspace:
    """The demo with the names of people who have not consented typed into objections, answers, problems,
    owners, titles, KPIs, surveys, sources, dialogue summaries and the feedback."""
    ceo, cfo, blocker = (person(workspace, i).name for i in (CEO, CFO, BLOCKER))
    first = cfo.split()[0]
    last_presentation = workspace.presentations[-1]
    presentation = dataclasses.replace(
        last_presentation,
        audience=f"{ceo}, {cfo} and the board",
        feedback=f"{ceo} {WATCH}.",
        objections=[Objection(text=f"{cfo} asked what it gives in kroner", status="open",
                              answer=f"{first}'s team got the business case from {blocker}."),
                    *last_presentation.objections],
        next_steps=[NextStep(text=f"Send the figures to {ceo}", owner=ceo), *last_presentation.next_steps],
    )
    problems = [dataclasses.replace(workspace.problems[0], title=f"{blocker.split()[0]}'s team loses contracts",
                                    impact=f"{blocker} says: {workspace.problems[0].impact}"),
                dataclasses.replace(workspace.problems[1], evidence=f"Interview with {cfo}"),
                *workspace.problems[2:]]
    phase = workspace.phases[1]
    phase = dataclasses.replace(
        phase, objectives=[f"{ceo.split()[-1]} sees results", *phase.objectives],
        deliverables=[Deliverable(title=f"Sign-off by {blocker}", owner=cfo, due=phase.start),
                      *(dataclasses.replace(d, owner=ceo) for d in phase.deliverables)])
    initiatives = [dataclasses.replace(i, kpis=[dataclasses.replace(k, name=f"{k.name} for {first}") for k in i.kpis])
                   for i in workspace.initiatives]
    survey = workspace.surveys[0]
    question = dataclasses.replace(survey.questions[0], text=f"{ceo} supports the repository")
    return dataclasses.replace(
        workspace,
        campaign=dataclasses.replace(workspace.campaign, goal=f"Convince {ceo} and {cfo}. {workspace.campaign.goal}"),
        deck=dataclasses.replace(workspace.deck, title=f"Contracts for {ceo}", audience=f"{ceo} and the board",
                                 ask=f"{workspace.deck.ask} with {cfo}"),
        presentations=[*workspace.presentations[:-1], presentation],
        problems=problems,
        phases=[workspace.phases[0], phase, *workspace.phases[2:]],
        initiatives=initiatives,
        surveys=[dataclasses.replace(survey, title=f"{cfo}'s survey", questions=[question, *survey.questions[1:]]),
                 *workspace.surveys[1:]],
        references=[dataclasses.replace(workspace.references[0], title=f"Memo by {cfo}"), *workspace.references[1:]],
        csfs=[dataclasses.replace(workspace.csfs[0], title=f"{workspace.csfs[0].title} for {ceo}"),
              *workspace.csfs[1:]],
        dialogues=[dataclasses.replace(d, summary=f"{ceo} wants numbers. {d.summary}") for d in workspace.dialogues],
    )


# -- the scan -------------------------------------------------------------------------------------------


def hidden_names(workspace: Workspace, anonymized: bool) -> list[str]:
    """What may not be in the deck: the full name of everyone who has not consented (everyone, anonymized, and
    the programme owner too), and each first or last name of theirs that no one else's name shares."""
    people = workspace.stakeholders
    parts = Counter(part.casefold() for p in people for part in set(p.name.split()))
    hidden = [" ".join(p.name.split()) for p in people if anonymized or not p.named_in_decks]
    if anonymized and workspace.campaign.owner:
        hidden.append(workspace.campaign.owner.split(",")[0].strip())
    unique = [part for name in hidden for part in name.split()
              if len(part) >= 3 and part[:1].isupper() and parts[part.casefold()] <= 1]
    return [*hidden, *unique]


def private_texts(workspace: Workspace) -> list[str]:
    """Every presentation's feedback (whitespace folded): it never leaves the app."""
    return [" ".join(p.feedback.split()) for p in workspace.presentations if p.feedback.strip()]


def package_texts(data: bytes, prefix: str = "") -> dict[str, str]:
    """Every text of a zip package by part name: each XML part (its markup, and its text with the markup gone),
    each embedded workbook's cells as openpyxl reads them (and its own parts), and every part's name."""
    texts: dict[str, str] = {f"{prefix}[part names]": "\n".join(zipfile.ZipFile(io.BytesIO(data)).namelist())}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            blob = archive.read(name)
            if name.endswith((".xml", ".rels")):
                xml = blob.decode("utf-8")
                texts[prefix + name] = html.unescape(xml) + "\n" + html.unescape(re.sub(r"<[^>]+>", " ", xml))
            elif name.endswith(".xlsx"):
                book = openpyxl.load_workbook(io.BytesIO(blob))
                cells = [str(cell) for sheet in book for row in sheet.iter_rows(values_only=True)
                         for cell in row if cell is not None]
                texts[f"{prefix}{name} (cells)"] = "\n".join([*book.sheetnames, *cells])
                texts.update(package_texts(blob, f"{prefix}{name}!"))
    return texts


def exposures(path: Path, workspace: Workspace, anonymized: bool) -> list[tuple[str, str]]:
    """(part, what was found) for every hidden name and every private text in the deck at ``path``."""
    names = hidden_names(workspace, anonymized)
    patterns = [(name, re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", re.IGNORECASE)) for name in names]
    private = [text.casefold() for text in private_texts(workspace)]
    found = []
    for part, text in package_texts(path.read_bytes()).items():
        joined = " ".join(text.split())  # a name broken over two lines (a chart's category) is found too
        found += [(part, name) for name, pattern in patterns if pattern.search(joined)]
        found += [(part, "feedback: " + text[:30]) for text in private if text in joined.casefold()]
    return found


def notes_parts(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return [name for name in archive.namelist() if name.startswith("ppt/notesSlides/")]
