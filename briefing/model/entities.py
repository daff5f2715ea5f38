"""The domain's vocabulary as plain dataclasses; field names follow ../shared/DATA-MODEL.md.

Constraints that the codec checks travel with each field as metadata: ``score`` (an integer 1–5),
``min`` (the lowest value; ``POSITIVE`` is ``min`` 1), ``required`` (a non-empty text). So does how a
field is presented, which ``schema`` reads for the app, the importers and the demo: ``max`` (the
highest value an editor offers — not checked, since an older store or an import may hold more),
``kind`` (``multiline`` text, comma-separated ``tags``, a ``ref`` to another item), ``help`` (a catalog key)
and ``label`` (the catalog key of its name, when ``term.field.<name>`` means something else elsewhere).
A ``pattern`` (a regular expression the whole text must match) is checked too, refused with the
message ``pattern_error``. A dataclass with a ``SHORTHAND`` field may be written as a plain text,
which is that field (a deliverable of format 1 was only its title).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

FORMAT = "briefing-composer/2"
FORMATS_READ = ("briefing-composer/1", FORMAT)
"""The interchange formats that import: format 1 is format 2 without its new fields (their defaults)."""

Language = Literal["da", "en"]
Stance = Literal["blocker", "skeptic", "neutral", "supporter", "champion"]
Channel = Literal["meeting", "call", "email", "workshop", "chat", "other"]
ReferenceKind = Literal["analyst", "article", "internal", "other"]
SurveySource = Literal["msforms", "googleforms", "surveymonkey", "manual"]
QuestionKind = Literal["likert", "single", "multi", "number", "text"]
InitiativeStatus = Literal["idea", "planned", "running", "done", "stopped"]
KpiCategory = Literal["productivity", "quality", "time_saved", "mindset", "culture", "leadership_support"]
Direction = Literal["up", "down"]
Risk = Literal["low", "medium", "high"]
Outcome = Literal["approved", "partly_approved", "postponed", "rejected", "no_decision"]
ObjectionStatus = Literal["open", "answered"]
PhaseStatus = Literal["planned", "approved", "running", "done", "stopped"]
BenefitKind = Literal["saving", "avoided_cost", "revenue", "other"]
Confidence = Literal["measured", "estimated"]
AnswerValue = str | int | float | list[str] | None

STANCES: tuple[Stance, ...] = ("blocker", "skeptic", "neutral", "supporter", "champion")
ALLY_STANCES: tuple[Stance, ...] = ("supporter", "champion")
RISKS: tuple[Risk, ...] = ("low", "medium", "high")
OUTCOMES: tuple[Outcome, ...] = ("approved", "partly_approved", "postponed", "rejected", "no_decision")

CHOICE_TERMS: dict[object, str] = {
    Language: "language", Stance: "stance", Channel: "channel", ReferenceKind: "reference_kind",
    SurveySource: "survey_source", QuestionKind: "question_kind", InitiativeStatus: "initiative_status",
    KpiCategory: "kpi_category", Direction: "direction", Risk: "risk", Outcome: "outcome",
    ObjectionStatus: "objection_status", PhaseStatus: "phase_status", BenefitKind: "benefit_kind",
    Confidence: "confidence",
}
"""The kind of shared term (``terms.json``) that names the values of each set of allowed values."""

POSITIVE = {"min": 1}
REQUIRED = {"required": True}
MULTILINE = {"kind": "multiline"}
REF = {"kind": "ref"}
CURRENCY = {"pattern": "[A-Z]{3}", "pattern_error": "error.currency_code", "help": "term.help.currency"}


def _score(default: int = 3, help_key: str = "") -> Any:
    return field(default=default, metadata={"score": True, "help": help_key} if help_key else {"score": True})


def _text(kind: str) -> Any:
    return field(default="", metadata={"kind": kind})


@dataclass
class Campaign:
    """The programme the briefing argues for: its name, goal, audience and owner."""

    name: str = ""
    goal: str = ""
    audience: str = ""
    language: Language = "en"
    owner: str = ""
    started: dt.date | None = None
    currency: str = field(default="DKK", metadata=CURRENCY)
    """ISO 4217-like code of the currency every amount is in (benefits, costs, budgets)."""


@dataclass
class Stakeholder:
    """A person whose support matters: influence, interest, drive and foresight (1–5) and stance."""

    id: str = field(metadata=REQUIRED)
    name: str = field(default="", metadata=REQUIRED)
    role: str = ""
    department: str = ""
    influence: int = _score(help_key="term.help.influence")
    interest: int = _score(help_key="term.help.interest")
    drive: int = _score(help_key="term.help.drive")
    foresight: int = _score(help_key="term.help.foresight")
    activities: str = _text("multiline")
    stance: Stance = "neutral"
    budget_holder: bool = False
    decision_maker: bool = False
    cadence_days: int = field(default=30, metadata={"min": 1, "max": 3650, "help": "term.help.cadence_days"})
    tags: list[str] = field(default_factory=list, metadata={"kind": "tags"})
    notes: str = _text("multiline")
    named_in_decks: bool = field(default=False, metadata={"help": "term.help.named_in_decks"})
    """The person's consent to be named in a deck or anything else meant for others."""

    @property
    def is_ally(self) -> bool:
        return self.stance in ALLY_STANCES


@dataclass
class Dialogue:
    """One contact with a stakeholder: when, how, what was learned, what was shared."""

    id: str = field(metadata=REQUIRED)
    stakeholder_id: str = field(metadata=REQUIRED)
    date: dt.date
    channel: Channel = "meeting"
    summary: str = _text("multiline")
    problems_learned: list[str] = field(default_factory=list)
    references_shared: int = field(default=0, metadata={"min": 0, "max": 999})
    follow_up: dt.date | None = None


@dataclass
class Reference:
    """An external source (analyst, article) to lend the briefing weight, used sparingly."""

    id: str = field(metadata=REQUIRED)
    title: str = field(default="", metadata=REQUIRED)
    publisher: str = ""
    url: str = ""
    year: int | None = None
    kind: ReferenceKind = "article"


@dataclass
class Question:
    """One question of a survey, with its kind and, for a Likert question, its scale."""

    id: str = field(metadata=REQUIRED)
    text: str = field(default="", metadata=REQUIRED)
    kind: QuestionKind = "text"
    scale: list[str] = field(default_factory=list)


@dataclass
class Response:
    """One respondent's answers to a survey, by question id; ``submitted`` is a moment, or only a day when the
    survey tool (or an imported file) gave no time: a day stays a day through the store and export-json."""

    submitted: dt.date | dt.datetime | None = None
    answers: dict[str, AnswerValue] = field(default_factory=dict)


@dataclass
class Survey:
    """A survey's questions, responses and the findings drawn from them."""

    id: str = field(metadata=REQUIRED)
    title: str = field(default="", metadata=REQUIRED)
    date: dt.date | None = None
    sponsor_id: str | None = None
    source: SurveySource = "manual"
    questions: list[Question] = field(default_factory=list)
    responses: list[Response] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    source_sha256: str = ""
    """The SHA-256 of the file it was imported from, so a second import of that file is noticed."""


@dataclass
class Measurement:
    """One measured value of a KPI on a date."""

    date: dt.date
    value: float


@dataclass
class Kpi:
    """A key performance indicator of a proof of concept: baseline, target, measurements."""

    id: str = field(metadata=REQUIRED)
    name: str = field(default="", metadata=REQUIRED)
    category: KpiCategory = "productivity"
    unit: str = ""
    direction: Direction = "up"
    baseline: float | None = None
    target: float | None = None
    measurements: list[Measurement] = field(default_factory=list)


@dataclass
class Initiative:
    """A proof of concept or activity, with the problems and CSFs it addresses and its KPIs."""

    id: str = field(metadata=REQUIRED)
    title: str = field(default="", metadata=REQUIRED)
    sponsor_id: str | None = None
    budget: float | None = None
    status: InitiativeStatus = "idea"
    start: dt.date | None = None
    end: dt.date | None = None
    problem_ids: list[str] = field(default_factory=list)
    csf_ids: list[str] = field(default_factory=list)
    kpis: list[Kpi] = field(default_factory=list)


@dataclass
class Problem:
    """A problem in a business process that the programme would solve, with its severity (1–5)."""

    id: str = field(metadata=REQUIRED)
    process: str = ""
    title: str = field(default="", metadata=REQUIRED)
    description: str = _text("multiline")
    impact: str = _text("multiline")
    severity: int = _score(help_key="term.help.severity")
    evidence: str = _text("multiline")


@dataclass
class Csf:
    """A critical success factor, tied to the problems it answers."""

    id: str = field(metadata=REQUIRED)
    title: str = field(default="", metadata=REQUIRED)
    description: str = _text("multiline")
    problem_ids: list[str] = field(default_factory=list)


@dataclass
class Benefit:
    """Money a year that an initiative saves or earns, measured in a pilot or estimated at scale."""

    id: str = field(metadata=REQUIRED)
    title: str = field(default="", metadata=REQUIRED)
    kind: BenefitKind = "saving"
    amount_per_year: float = field(default=0.0, metadata={"min": 0, "help": "term.help.amount_per_year"})
    kpi_id: str | None = None
    initiative_id: str | None = None
    confidence: Confidence = "estimated"
    basis: str = field(default="", metadata={"kind": "multiline", "help": "term.help.basis"})


@dataclass
class Deliverable:
    """What a phase delivers, who owns it and when it is due."""

    SHORTHAND: ClassVar[str] = "title"
    title: str = field(default="", metadata=REQUIRED)
    owner: str = ""
    due: dt.date | None = None


@dataclass
class Phase:
    """One phase of the roadmap: dates, objectives, deliverables, cost, risk, status and outcome."""

    id: str = field(metadata=REQUIRED)
    name: str = field(default="", metadata=REQUIRED)
    start: dt.date | None = None
    end: dt.date | None = None
    objectives: list[str] = field(default_factory=list)
    deliverables: list[Deliverable] = field(default_factory=list)
    cost: float | None = None
    risk: Risk = "low"
    csf_ids: list[str] = field(default_factory=list)
    status: PhaseStatus = "planned"
    outcome: str = field(default="", metadata={"kind": "multiline", "help": "term.help.phase_outcome",
                                               "label": "term.field.achieved"})
    """What the phase achieved (once it is done or stopped)."""


@dataclass
class NextStep:
    """A step agreed at a presentation: what, who, by when, and whether it is done."""

    SHORTHAND: ClassVar[str] = "text"
    text: str = field(default="", metadata={**REQUIRED, "label": "term.field.step"})
    owner: str = ""
    due: dt.date | None = None
    done: bool = False


@dataclass
class Objection:
    """An objection raised at a presentation, and the answer prepared for the next one."""

    text: str = field(default="", metadata=REQUIRED)
    status: ObjectionStatus = "open"
    answer: str = ""
    answered_in: str = ""
    """The id of the presentation whose deck answered it (set when that deck is recorded as presented)."""


@dataclass
class DeckSettings:
    """How the deck is composed: title, the ask, audience, template, slide budget, sections."""

    title: str = ""
    ask: str = ""
    audience: str = ""
    date: dt.date | None = None
    language: Language = "en"
    template: str = ""
    max_slides: int = field(default=10, metadata=POSITIVE)
    sections: list[str] = field(default_factory=list)
    anonymize: bool = False
    headline_kpi: str | None = field(default=None, metadata={**REF, "help": "term.help.headline_kpi"})
    """The KPI the deck leads with (None: the one with the largest effect against its baseline)."""
    ask_phase_id: str | None = field(default=None, metadata={"help": "term.help.ask_phase_id"})
    """The phase the ask is for (None: the first phase not yet done, approved, running or stopped)."""


@dataclass
class Presentation:
    """One time the briefing was presented: who attended, the outcome, the objections raised."""

    id: str = field(metadata=REQUIRED)
    date: dt.date
    audience: str = ""
    attendee_ids: list[str] = field(default_factory=list)
    deck_file: str = ""
    deck_sha256: str = ""
    outcome: Outcome = "no_decision"
    objections: list[Objection] = field(default_factory=list)
    feedback: str = ""
    next_steps: list[NextStep] = field(default_factory=list)
    next_attempt: dt.date | None = None
    deck_settings: DeckSettings | None = None


@dataclass
class GuideSettings:
    """Thresholds of the method's rules (readiness, ally cadence, leadership dosing)."""

    min_allies: int = field(default=3, metadata=POSITIVE)
    allies_within_cadence: float = 0.7
    leadership_window_days: int = field(default=42, metadata=POSITIVE)
    max_leadership_contacts: int = field(default=2, metadata={"min": 0})
    max_leadership_references: int = field(default=2, metadata={"min": 0})
    top_problems: int = field(default=3, metadata=POSITIVE)
    """How many problems, most severe first, must be traceable to a CSF and an activity."""
    min_phases: int = field(default=2, metadata=POSITIVE)
    """A plan "in phases" has at least this many."""


@dataclass
class Workspace:
    """Everything one campaign knows; the unit that is stored, imported and exported."""

    format: str = FORMAT
    campaign: Campaign = field(default_factory=Campaign)
    stakeholders: list[Stakeholder] = field(default_factory=list)
    dialogues: list[Dialogue] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    surveys: list[Survey] = field(default_factory=list)
    initiatives: list[Initiative] = field(default_factory=list)
    benefits: list[Benefit] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    csfs: list[Csf] = field(default_factory=list)
    phases: list[Phase] = field(default_factory=list)
    presentations: list[Presentation] = field(default_factory=list)
    deck: DeckSettings = field(default_factory=DeckSettings)
    guide: GuideSettings = field(default_factory=GuideSettings)

    def is_empty(self) -> bool:
        """True for a workspace nothing was put into yet (no campaign name, no people, no presentations)."""
        return not self.campaign.name and not self.stakeholders and not self.presentations
