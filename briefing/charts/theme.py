"""The colours and type a chart is drawn with, taken from the deck's template or the app's palette."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ChartTheme:
    """Colours as ``#RRGGBB``. ``ramp`` holds the ordered levels (low → high), lightness varying."""

    accent: str = "#1F5AA6"
    context: str = "#8FA9CC"
    muted: str = "#A6A6A6"
    target: str = "#C0392B"
    text: str = "#1A1A1A"
    background: str = "#FFFFFF"
    ramp: tuple[str, ...] = ("#CFE0F2", "#8FB5DD", "#4F86C0", "#23589A", "#0B2E5C")
    font_family: str = "Carlito"
    font_size: float = 14.0
    extra: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    @property
    def dark(self) -> bool:
        """True on a dark background, where labels and axes must be light."""
        return luminance(self.background) < 0.4


def luminance(colour: str) -> float:
    """Relative luminance (WCAG) of ``#RRGGBB``, 0 (black) … 1 (white)."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours, 1 … 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
