"""Every message the evidence code names exists in English and Danish."""

from __future__ import annotations

import re
from pathlib import Path

from briefing.i18n import catalog

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [*sorted((ROOT / "briefing" / "evidence").glob("*.py")), ROOT / "briefing" / "cli" / "evidence.py"]
LITERAL = re.compile(r"[\"'](evidence\.[a-z0-9_.]+[a-z0-9_])[\"']")
PREFIX = re.compile(r"f[\"'](evidence\.[a-z0-9_.]+\.)\{")


def test_every_evidence_key_in_the_code_is_translated() -> None:
    used = {key for path in SOURCES for key in LITERAL.findall(path.read_text(encoding="utf-8"))}
    assert len(used) > 60
    missing = sorted(key for key in used if key not in catalog())
    assert not missing, missing
    for key in used:
        assert catalog()[key]["en"].strip() and catalog()[key]["da"].strip(), key


def test_every_family_of_keys_built_at_run_time_is_complete() -> None:
    families = {
        "evidence.layout.": ["msforms", "googleforms", "surveymonkey", "mapped"],
    }
    built = {p for path in SOURCES for p in PREFIX.findall(path.read_text(encoding="utf-8"))}
    assert set(families) <= built
    for prefix, names in families.items():
        assert all(prefix + name in catalog() for name in names), prefix
