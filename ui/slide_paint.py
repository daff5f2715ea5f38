"""Paints a drawn slide (``briefing.deck.drawn``) with QPainter, and marks lint findings on it.

The painter works in hundredths of an inch, so text of any size keeps its proportions in a thumbnail
as in the large view; text is set in the font file the layout measured with.
"""

from __future__ import annotations

from functools import cache, lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase, QImage, QLinearGradient, QPainter, QPen, QPolygonF

from briefing.deck.drawn import Dot, DrawnSlide, Item, Line, Picture, Polygon, Rect, Text
from briefing.deck.template import Box

UNIT = 100.0
"""Painter units per inch."""
MARK = QColor("#E0245E")
"""The colour of a finding's mark: a strong pink-red that stands out on light and dark slides alike."""


def paint_slide(painter: QPainter, slide: DrawnSlide, target: QRectF) -> None:
    """Paint ``slide`` scaled into ``target`` (which should have the slide's aspect ratio)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.setClipRect(target)
    painter.translate(target.topLeft())
    painter.scale(target.width() / (slide.width * UNIT), target.height() / (slide.height * UNIT))
    for item in slide.items:
        _PAINT[type(item)](painter, item)
    painter.restore()


def slide_rect(slide: DrawnSlide, room: QRectF) -> QRectF:
    """The largest rectangle of the slide's aspect ratio centred in ``room``."""
    ratio = slide.width / slide.height if slide.height else 16 / 9
    width = min(room.width(), room.height() * ratio)
    height = width / ratio
    return QRectF(room.center().x() - width / 2, room.center().y() - height / 2, width, height)


def box_rect(slide: DrawnSlide, box: Box, target: QRectF) -> QRectF:
    """Where ``box`` (inches on the slide) lies in ``target``."""
    sx, sy = target.width() / slide.width, target.height() / slide.height
    return QRectF(target.left() + box.left * sx, target.top() + box.top * sy, box.width * sx, box.height * sy)


def paint_mark(painter: QPainter, rect: QRectF, number: int, chosen: bool = False) -> None:
    """A finding's mark: a frame around ``rect`` (solid and tinted when ``chosen``) and its number in a
    badge at the top-left corner."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(MARK, 4 if chosen else 3, Qt.PenStyle.SolidLine if chosen else Qt.PenStyle.DashLine))
    tint = QColor(MARK)
    tint.setAlpha(40)
    painter.setBrush(tint if chosen else Qt.BrushStyle.NoBrush)
    painter.drawRect(rect.adjusted(-2, -2, 2, 2))
    badge = QRectF(rect.left() - 12, rect.top() - 12, 24, 24)
    painter.setPen(QPen(QColor("#FFFFFF"), 2))
    painter.setBrush(MARK)
    painter.drawEllipse(badge)
    font = painter.font()
    font.setBold(True)
    font.setPixelSize(13)
    painter.setFont(font)
    painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(number))
    painter.restore()


def _inches(box: Box) -> QRectF:
    return QRectF(box.left * UNIT, box.top * UNIT, box.width * UNIT, box.height * UNIT)


def _rect(painter: QPainter, item: Item) -> None:
    assert isinstance(item, Rect)
    area = _inches(item.box)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(_brush(item, area))
    if item.rounded:
        radius = min(area.width(), area.height()) * 0.1
        painter.drawRoundedRect(area, radius, radius)
    else:
        painter.drawRect(area)


def _brush(item: Rect, area: QRectF) -> QBrush:
    if not item.stops:
        return QBrush(QColor(item.colour))
    vertical = 45 <= item.angle % 180 < 135
    end = area.bottomLeft() if vertical else area.topRight()
    gradient = QLinearGradient(area.topLeft(), end)
    for position, colour in item.stops:
        gradient.setColorAt(min(max(position, 0.0), 1.0), QColor(colour))
    return QBrush(gradient)


def _picture(painter: QPainter, item: Item) -> None:
    assert isinstance(item, Picture)
    image = _image(item.data, item.path)
    if not image.isNull():
        painter.drawImage(_inches(item.box), image)


@lru_cache(maxsize=64)
def _image(data: bytes, path: str) -> QImage:
    """A template's picture or a cached chart image, decoded once (Qt refuses oversized images)."""
    image = QImage()
    if data:
        image.loadFromData(data)
    elif path:
        image.load(path)
    return image


def _text(painter: QPainter, item: Item) -> None:
    assert isinstance(item, Text)
    font = QFont(_family(item.font_file, item.family))
    font.setPixelSize(max(round(item.size / 72 * UNIT), 1))
    font.setBold(item.bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    painter.setFont(font)
    painter.setPen(QColor(item.colour))
    painter.drawText(QPointF(item.x * UNIT, item.y * UNIT), item.text)


@cache
def _family(font_file: str, family: str) -> str:
    """The family of the font file the layout measured with (loaded into Qt once), else ``family``."""
    if font_file:
        loaded = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(font_file))
        if loaded:
            return str(loaded[0])
    return family


def _line(painter: QPainter, item: Item) -> None:
    assert isinstance(item, Line)
    pen = QPen(QColor(item.colour), item.width / 72 * UNIT)
    if item.dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPolyline(QPolygonF([QPointF(x * UNIT, y * UNIT) for x, y in item.points]))


def _polygon(painter: QPainter, item: Item) -> None:
    assert isinstance(item, Polygon)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(item.colour))
    painter.drawPolygon(QPolygonF([QPointF(x * UNIT, y * UNIT) for x, y in item.points]))


def _dot(painter: QPainter, item: Item) -> None:
    assert isinstance(item, Dot)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(item.colour))
    painter.drawEllipse(QPointF(item.x * UNIT, item.y * UNIT), item.radius * UNIT, item.radius * UNIT)


_PAINT = {Rect: _rect, Picture: _picture, Text: _text, Line: _line, Polygon: _polygon, Dot: _dot}
