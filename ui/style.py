"""Light and dark, following the system: the Fusion style with a palette per colour scheme.

Qt 6 tells the system's scheme through ``QStyleHints.colorScheme()`` and signals its changes;
the app follows them live. ``apply(app, scheme)`` forces one scheme (tests, screenshots).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel

LIGHT = {
    "window": "#F4F5F7",
    "base": "#FFFFFF",
    "alternate": "#F0F2F5",
    "text": "#1D1F23",
    "muted": "#6B7078",
    "button": "#ECEEF1",
    "highlight": "#1F5FAD",
    "highlighted_text": "#FFFFFF",
    "link": "#1F5FAD",
    "tooltip": "#FFFFE1",
    "light": "#FFFFFF",
    "midlight": "#E4E6EA",
    "mid": "#C9CDD3",
    "dark": "#9AA0A8",
    "shadow": "#6B7078",
}
DARK = {
    "window": "#25272B",
    "base": "#1C1D20",
    "alternate": "#2A2C31",
    "text": "#E8E9EB",
    "muted": "#A2A7AF",
    "button": "#33363B",
    "highlight": "#3D7FD1",
    "highlighted_text": "#FFFFFF",
    "link": "#7FB0F0",
    "tooltip": "#33363B",
    "light": "#4A4E55",
    "midlight": "#3A3D43",
    "mid": "#3A3D43",
    "dark": "#18191C",
    "shadow": "#0E0F11",
}


def system_is_dark() -> bool:
    """True when the system asks for a dark colour scheme."""
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def palette(dark: bool) -> QPalette:
    """The app's palette for the light or the dark scheme."""
    colors = DARK if dark else LIGHT
    pal = QPalette()
    role = QPalette.ColorRole
    pairs = {
        role.Window: "window",
        role.WindowText: "text",
        role.Base: "base",
        role.AlternateBase: "alternate",
        role.Text: "text",
        role.Button: "button",
        role.ButtonText: "text",
        role.Highlight: "highlight",
        role.HighlightedText: "highlighted_text",
        role.Link: "link",
        role.ToolTipBase: "tooltip",
        role.ToolTipText: "text",
        role.PlaceholderText: "muted",
        role.BrightText: "highlighted_text",
        role.Light: "light",
        role.Midlight: "midlight",
        role.Mid: "mid",
        role.Dark: "dark",
        role.Shadow: "shadow",
    }
    for color_role, name in pairs.items():
        pal.setColor(color_role, QColor(colors[name]))
    disabled = QPalette.ColorGroup.Disabled
    for color_role in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(disabled, color_role, QColor(colors["muted"]))
    return pal


FUSION_ARGS = ("-style", "Fusion")
"""Qt's own command-line option: the app is made with the Fusion style (see ``ui.app.application``)
rather than asking for it afterwards, which would build Python's view of QStyle at start."""


class Theme(QObject):
    """Tells who draws their own colours (the overview's marks) that the palette was switched.

    Signals:
        changed(bool): after the app took the dark (True) or the light palette.
    """

    changed = Signal(bool)


theme = Theme()


def apply(app: QApplication, dark: bool | None = None) -> None:
    """Give ``app`` the light or dark palette (default: the system's scheme)."""
    dark = system_is_dark() if dark is None else dark
    app.setPalette(palette(dark))
    theme.changed.emit(dark)


def follow_system(app: QApplication) -> None:
    """Apply the system's scheme now and again whenever it changes."""
    apply(app)
    QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: apply(app))


def make_bold(label: QLabel) -> QLabel:
    """Make ``label`` bold through its font: a style sheet would pin its colours, and a switch
    between light and dark would leave it dark on dark."""
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def make_heading(label: QLabel, scale: float = 1.5) -> QLabel:
    """Make ``label`` a page heading: the app's font, bigger and semi-bold (no style sheet to parse)."""
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setWeight(font.Weight.DemiBold)
    label.setFont(font)
    return label


def is_dark(palette: QPalette) -> bool:
    """True when ``palette`` is a dark one (light text on a dark window)."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128
