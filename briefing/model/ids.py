"""Ids for new items: a prefix and the first free number, never one already taken."""

from __future__ import annotations

from collections.abc import Collection


def fresh_id(prefix: str, taken: Collection[str]) -> str:
    """``prefix`` + a number not in ``taken``, counting on from how many are taken (``stakeholder4``)."""
    number = len(taken) + 1
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"
