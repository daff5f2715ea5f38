"""The domain model: entities, their collections, their JSON form and the checks across them."""

from briefing.model import codec, integrity
from briefing.model.collections import COLLECTIONS, SINGLETONS, Collection, Entity, Singleton
from briefing.model.entities import *  # noqa: F403
from briefing.model.entities import FORMAT, Workspace
from briefing.model.interchange import from_json_text, to_json_text, workspace_from_dict, workspace_to_dict

__all__ = [
    "COLLECTIONS",
    "FORMAT",
    "SINGLETONS",
    "Collection",
    "Entity",
    "Singleton",
    "Workspace",
    "codec",
    "from_json_text",
    "integrity",
    "to_json_text",
    "workspace_from_dict",
    "workspace_to_dict",
]
