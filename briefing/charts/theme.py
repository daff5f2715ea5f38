"""The colours and type a chart is drawn with, taken from the deck's template or the app's palette."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache


@dataclass(frozen=True)
class ChartTheme:
    """Colours as ``#RRGGBB``. ``ramp`` holds the ordered levels (low → high), lightness varying."""

    accent: str = "#1F5AA6"
    context: str = "#8FA9CC"
    muted: str = "#A6A6A6"
    target: str = "#C0392B"
    goal: str = ""
    """A target drawn as a reference line: a theme colour that is neither the accent nor red ("": the text's)."""
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
    channels = [value / 255 for value in _channels(colour)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours, 1 … 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def ordered_ramp(theme: ChartTheme) -> tuple[str, ...]:
    """The theme's ramp ordered so that a higher level stands out more against the background.

    On a light background the highest level is the darkest colour; on a dark background it is the
    lightest. Lightness (not only hue) carries the order, so it survives colour blindness and greyscale.
    Every level keeps at least ``MIN_LEVEL_CONTRAST`` (3:1, WCAG's bar for graphics) against the
    background, and each stands out clearly more than the one below it: a level too close to the
    background or to its neighbour is moved away from the background until it does.
    """
    return _ordered_ramp(tuple(theme.ramp), theme.background)


MIN_LEVEL_CONTRAST = 3.0
"""The least contrast of any ramp level against the background (WCAG 2.1, non-text contrast)."""


@cache
def _ordered_ramp(ramp: tuple[str, ...], background: str) -> tuple[str, ...]:
    far = "#FFFFFF" if luminance(background) < 0.4 else "#000000"
    levels: list[str] = []
    for colour in sorted(ramp, key=lambda c: contrast(c, background)):
        previous = levels[-1] if levels else None
        share, moved = 0.0, colour
        while share < 1.0 and not _stands_out(moved, previous, background):
            share = min(share + 0.04, 1.0)
            moved = blend(colour, far, share)
        levels.append(moved)
    return tuple(levels)


def _stands_out(colour: str, previous: str | None, background: str) -> bool:
    """3:1 against the background, and clearly apart from the level below (if any) in lightness."""
    own = contrast(colour, background)
    if own < MIN_LEVEL_CONTRAST:
        return False
    if previous is None:
        return True
    step = luminance(colour) - luminance(previous)
    away = step if luminance(background) < 0.4 else -step  # lighter on a dark background, darker on a light one
    if away <= 0:
        return False
    return away >= 0.055 or contrast(colour, previous) >= 1.4  # near black, a small step in luminance is a big one


def level_colour(theme: ChartTheme, level: int, levels: int) -> str:
    """The colour of ordered level ``level`` of ``levels`` (0 = lowest), spread over the whole ramp."""
    ramp = ordered_ramp(theme)
    if levels <= 1:
        return ramp[-1]
    position = min(max(level, 0), levels - 1) / (levels - 1)
    return ramp[round(position * (len(ramp) - 1))]


def role_colour(theme: ChartTheme, role: str) -> str:
    """The ``#RRGGBB`` colour of a role (see ``briefing.charts.spec``); unknown roles are muted."""
    if role.startswith("level:"):
        level, _, levels = role[len("level:") :].partition("/")
        try:
            return level_colour(theme, int(level), int(levels))
        except ValueError:
            return theme.muted
    named = {"accent": theme.accent, "context": theme.context, "muted": theme.muted, "target": theme.target,
             "goal": theme.goal or theme.text}
    return named.get(role, theme.extra.get(role, theme.muted))


def readable_on(fill: str, theme: ChartTheme) -> str:
    """Text colour for a label drawn on ``fill``: the theme's text or background, whichever contrasts more;
    pure black where neither reaches WCAG AA (4.5:1) on a mid-tone fill."""
    best = max((theme.text, theme.background, "#FFFFFF", "#1A1A1A"), key=lambda colour: contrast(colour, fill))
    return best if contrast(best, fill) >= 4.5 else max((best, "#000000"), key=lambda c: contrast(c, fill))


def level_role(level: int, levels: int) -> str:
    """The role string ``level:N/M``."""
    return f"level:{level}/{levels}"


def label_colour(theme: ChartTheme) -> str:
    """The colour of chart text: the theme's text if it reads on the background, else black or white."""
    if contrast(theme.text, theme.background) >= 4.5:
        return theme.text
    return max(("#FFFFFF", "#1A1A1A"), key=lambda colour: contrast(colour, theme.background))


def grid_colour(theme: ChartTheme, share: float = 0.25) -> str:
    """A faint line colour: ``share`` of the way from the background to the label colour."""
    return blend(theme.background, label_colour(theme), share)


def blend(a: str, b: str, share: float) -> str:
    """The colour ``share`` (0 … 1) of the way from ``a`` to ``b``."""
    pairs = zip(_channels(a), _channels(b), strict=True)
    return "#" + "".join(f"{round(x + (y - x) * share):02X}" for x, y in pairs)


def _channels(colour: str) -> list[int]:
    """The red, green and blue of ``#RRGGBB``, 0 … 255."""
    return [int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)]


def edge_colour(fill: str, theme: ChartTheme) -> str:
    """The outline of a filled shape: the background (a clean gap), or a visible line when the fill
    itself is too close to the background to be seen (contrast below 1.6)."""
    if contrast(fill, theme.background) < 1.6:
        return grid_colour(theme, 0.6)
    return theme.background
