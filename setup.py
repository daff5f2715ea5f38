"""The packages: briefing and ui, plus briefing._assets, the top-level assets/ folder as package data
(pyproject.toml maps the folder in; briefing/paths.py finds it)."""

from setuptools import find_packages, setup

ASSETS = ["briefing._assets", "briefing._assets.demo", "briefing._assets.templates"]
setup(packages=[*find_packages(include=["briefing", "briefing.*", "ui", "ui.*"]), *ASSETS])
