"""Briefing Composer's Qt-free core: the workspace, its evidence, the method's rules and the deck."""

__version__ = "0.1.0"
