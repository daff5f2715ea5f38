"""Every message the guide shows exists in English and Danish, including the keys it builds at run time."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from briefing.guide.readiness import STEP_KEYS
from briefing.i18n import catalog
from briefing.model.entities import OUTCOMES, RISKS

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [*sorted((ROOT / "briefing" / "guide").glob("*.py")), ROOT / "briefing" / "cli" / "guide.py"]
LITERAL = re.compile(r"""["'](guide\.[a-z0-9_.]+[a-z0-9_])["']""")


def test_every_literal_key_in_the_guide_is_in_its_catalog() -> None:
    used = {key for path in SOURCES for key in LITERAL.findall(path.read_text(encoding="utf-8"))}
    assert len(used) > 30  # the scan works (the guide shows about 40 literal keys)
    assert sorted(used - set(catalog())) == []


def test_the_keys_built_at_run_time_exist() -> None:
    built = [f"term.outcome.{o}" for o in OUTCOMES] + [f"term.risk.{r}" for r in RISKS]
    built += [f"guide.step.{s}" for s in STEP_KEYS] + [f"guide.status.{s}" for s in ("done", "attention", "missing")]
    assert [key for key in built if key not in catalog()] == []


def test_every_reason_and_next_step_of_the_readiness_rules_is_in_the_catalog() -> None:
    tree = ast.parse((ROOT / "briefing" / "guide" / "readiness.py").read_text(encoding="utf-8"))
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "_step"]
    keys = set()
    for call in calls:
        step = call.args[0]
        assert isinstance(step, ast.Constant)
        for arg in (call.args[2], call.args[3]):
            options = [arg.body, arg.orelse] if isinstance(arg, ast.IfExp) else [arg]
            keys |= {f"guide.readiness.{step.value}.{o.value}" for o in options if isinstance(o, ast.Constant)}
    assert len(calls) > 15 and len(keys) > 35
    assert sorted(keys - set(catalog())) == []
