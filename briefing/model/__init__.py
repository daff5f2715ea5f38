"""The domain model: entities, their JSON form and the checks across them."""

from briefing.model import codec, integrity
from briefing.model.entities import *  # noqa: F403
from briefing.model.entities import COLLECTIONS, FORMAT, SINGLETONS, Workspace
from briefing.model.interchange import from_json_text, to_json_text, workspace_from_dict, workspace_to_dict

__all__ = [
    "COLLECTIONS",
    "FORMAT",
    "SINGLETONS",
    "Workspace",
    "codec",
    "from_json_text",
    "integrity",
    "to_json_text",
    "workspace_from_dict",
    "workspace_to_dict",
]
