"""Chart specs (plain data) and their renderers, shared by the deck and the desktop app."""

from briefing.charts.spec import NATIVE_KINDS, ChartKind, ChartSpec, LikertRow, Series, Span

__all__ = ["NATIVE_KINDS", "ChartKind", "ChartSpec", "LikertRow", "Series", "Span"]
