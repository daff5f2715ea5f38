"""The JSON interchange format (``briefing-composer/2``): whole workspaces in and out.

Format 1 still imports: it is format 2 without the new fields, which take their defaults, and
with a phase's deliverables and a presentation's next steps as plain texts (the codec reads a
text as the item's ``SHORTHAND``: its title, its text). What is written is always format 2.
"""

from __future__ import annotations

import json
from typing import Any

from briefing.errors import ValidationError
from briefing.model import codec, integrity
from briefing.model.entities import FORMAT, FORMATS_READ, Workspace
from briefing.reading import load_json


def workspace_from_dict(data: Any) -> Workspace:
    """A checked Workspace from interchange JSON values (links and plausibility); ValidationError names the path."""
    if not isinstance(data, dict):
        raise ValidationError("$", "error.expected_object", found=codec.kind_of(data))
    fmt = data.get("format")
    if fmt not in FORMATS_READ:
        if isinstance(fmt, str) and fmt.startswith("briefing-composer/"):
            raise ValidationError("format", "error.newer_format", value=fmt, supported=FORMAT)
        raise ValidationError("format", "error.not_interchange", value=str(fmt), supported=FORMAT)
    workspace = codec.load(Workspace, {**data, "format": FORMAT}, "")
    integrity.check(workspace)
    integrity.check_plausible(workspace)
    return workspace


def workspace_to_dict(workspace: Workspace) -> dict[str, Any]:
    data: dict[str, Any] = codec.dump(workspace)
    return data


def to_json_text(workspace: Workspace) -> str:
    return json.dumps(workspace_to_dict(workspace), ensure_ascii=False, indent=2) + "\n"


def from_json_text(text: str, file: str) -> Workspace:
    """A checked Workspace from interchange text; every error names ``file`` and the place."""
    data = load_json(text, file)  # a syntax error names the file, line and column; too deep a nesting is refused
    try:
        return workspace_from_dict(data)
    except ValidationError as error:
        raise error.in_file(file) from None

