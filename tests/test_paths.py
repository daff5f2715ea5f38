"""The app's own files (demo campaigns, the default template) are found through importlib.resources:
the package's own copy in a wheel or the packaged app, the top-level assets/ folder in a checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing import paths

ROOT = Path(__file__).resolve().parent.parent


def test_a_checkout_reads_the_top_level_assets_folder() -> None:
    assert paths.assets_folder() == ROOT / "assets"
    assert paths.DEFAULT_TEMPLATE.is_file()
    assert {p.name for p in paths.DEMO_FOLDER.glob("demo-*.json")} == {"demo-da.json", "demo-en.json"}


def test_an_installed_package_reads_its_own_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "_assets" / "templates").mkdir(parents=True)
    monkeypatch.setattr(paths, "files", lambda package: tmp_path if package == "briefing" else None)
    assert paths.assets_folder() == tmp_path / "_assets"
