"""Tables as users have them: .csv from any Excel or web tool, and .xlsx workbooks.

``read_table(path)`` returns a ``Table`` of cells (text, numbers, dates or None) and the
notices worth telling the user (the encoding guessed, characters removed …), or raises
``InputError`` naming the file and the line, row, column or sheet.

CSV: UTF-8, UTF-8 with BOM, UTF-16 (BOM or not) and Windows-1252 are told apart; the
separator (``,`` ``;`` or tab, or Excel's ``sep=`` line) is sniffed; quoting is strict, so an
unterminated quote is an error naming its line rather than a file swallowed into one cell.
XLSX: the zip directory is checked for bombs before openpyxl opens the file read-only;
encrypted (password-protected) workbooks, old .xls files and damaged zips are refused.
The limits below keep a wrong file from eating the machine.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import hashlib
import io
import re
import threading
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from briefing import reading
from briefing.errors import InputError
from briefing.i18n import Message, tr

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ROWS = 100_000
MAX_COLUMNS = 1_000
MAX_FIELD_CHARS = 200_000
"""Longer than Python's default CSV limit (131,072) and far above Excel's 32,767 per cell."""
MAX_XLSX_UNCOMPRESSED = 300 * 1024 * 1024
MAX_XLSX_RATIO = 200
MAX_XLSX_ENTRIES = 10_000
BINARY_SHARE = 0.02
"""A text with more than this share of control characters is not a text file."""

Cell = str | int | float | bool | dt.datetime | dt.date | dt.time | None

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
_DELIMITERS = (",", ";", "\t")
_field_limit_lock = threading.Lock()


# -- places, notices and errors -------------------------------------------------------------------


def column_letter(index: int) -> str:
    """``0`` → ``A``, ``26`` → ``AA``: how Excel names a column."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_index(letters: str) -> int:
    """``A`` → ``0``, ``AA`` → ``26``: the inverse of ``column_letter``."""
    index = 0
    for ch in letters.upper():
        index = index * 26 + ord(ch) - 64
    return index - 1


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """``text`` for comparing as a user means it: white space collapsed, case ignored (remembered:
    a survey's answers repeat the same few options thousands of times)."""
    return re.sub(r"\s+", " ", text).strip().casefold()


def shortened(text: str, limit: int = 40) -> str:
    """``text`` cut to ``limit`` characters (an ellipsis says so), for quoting the user's input back in a message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def cell_at(row: list[Cell], index: int) -> Cell:
    """The cell ``index`` of ``row``; None beyond its end (a ragged row)."""
    return row[index] if index < len(row) else None


@dataclass(frozen=True)
class Place:
    """Where in a file: a CSV line or a sheet's row, and optionally a column; translated when shown."""

    line: int | None = None
    row: int | None = None
    sheet: str | None = None
    column: int | None = None
    """0-based; shown as a number for CSV and as a letter for a sheet."""

    def message(self, lang: str | None = None) -> str:
        parts = []
        if self.sheet is not None:
            parts.append(tr("evidence.place.sheet", lang, sheet=self.sheet))
        if self.line is not None:
            parts.append(tr("evidence.place.line", lang, line=self.line))
        if self.row is not None:
            parts.append(tr("evidence.place.row", lang, row=self.row))
        if self.column is not None:
            name = column_letter(self.column) if self.sheet is not None else str(self.column + 1)
            parts.append(tr("evidence.place.column", lang, column=name))
        return ", ".join(parts)

    def __str__(self) -> str:
        return self.message()


Notice = Message
"""Something the user should know about an import that still went through."""


def input_error(file: str, key: str, place: Place | None = None, **params: Any) -> InputError:
    """An InputError whose message starts with the file and the place."""
    where = Place() if place is None else place
    return InputError("evidence.error.at", file=file, place=_Where(where), detail=Notice(key, params))


class _Where:
    def __init__(self, place: Place) -> None:
        self.place = place

    def message(self, lang: str | None = None) -> str:
        text = self.place.message(lang)
        return f", {text}" if text else ""


# -- the table -----------------------------------------------------------------------------------


@dataclass
class Table:
    """The cells of a file's first sheet (or its CSV text), with where each row came from."""

    file: str
    rows: list[list[Cell]]
    origins: list[int]
    """For each row: the CSV line it starts on, or its row number in the sheet."""
    sheet: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    notices: list[Notice] = field(default_factory=list)
    sha256: str = ""
    """The SHA-256 of the file's bytes, as read (so a second import of the same file is noticed)."""

    @property
    def is_sheet(self) -> bool:
        return self.sheet is not None

    def place(self, index: int, column: int | None = None) -> Place:
        """The place of row ``index`` (0-based in ``rows``), optionally of one of its cells."""
        origin = self.origins[index] if 0 <= index < len(self.origins) else None
        if self.is_sheet:
            return Place(row=origin, sheet=self.sheet, column=column)
        return Place(line=origin, column=column)

    def error(self, index: int, key: str, column: int | None = None, **params: Any) -> InputError:
        return input_error(self.file, key, self.place(index, column), **params)

    def header(self, index: int = 0) -> list[str]:
        """Row ``index`` as header texts ('' for blank cells)."""
        if index >= len(self.rows):
            return []
        return [text_of(cell) for cell in self.rows[index]]

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)


def text_of(cell: Cell) -> str:
    """A cell as trimmed text; numbers without a needless ``.0``."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


# -- reading -------------------------------------------------------------------------------------


def read_table(path: Path) -> Table:
    """The table in ``path`` (.csv or .xlsx, told apart by content); InputError when it cannot be read.

    A folder, a named pipe or a device is refused before it is opened, and so is a file over the limit.
    """
    file = str(path)
    data = reading.read_bytes(path, MAX_FILE_BYTES)
    if not data:
        raise input_error(file, "evidence.error.empty_file")
    if data.startswith(OLE_MAGIC):
        raise _ole_error(file, data)
    table = read_xlsx_bytes(data, file) if data.startswith(ZIP_MAGIC) else read_csv_bytes(data, file)
    table.sha256 = hashlib.sha256(data).hexdigest()
    return table


def _ole_error(file: str, data: bytes) -> InputError:
    """An OLE compound file: a password-protected .xlsx or an old .xls."""
    if "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data:
        return input_error(file, "evidence.error.encrypted")
    return input_error(file, "evidence.error.old_xls")


# -- CSV -----------------------------------------------------------------------------------------


def read_csv_bytes(data: bytes, file: str) -> Table:
    """A CSV file's bytes as a Table: encoding and separator detected, quoting strict."""
    notices: list[Notice] = []
    if _looks_binary(data):
        raise input_error(file, "evidence.error.binary")
    text, encoding = _decode(data, file, notices)
    text = _clean_text(text, file, notices)
    text, delimiter = _delimiter(text)
    rows, origins = _parse_csv(text, delimiter, file)
    return Table(file, rows, origins, encoding=encoding, delimiter=delimiter, notices=notices)


_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x7fELF", b"MZ", b"Rar!", b"7z\xbc\xaf", b"\x1f\x8b",
                 b"BM", b"II*\x00", b"MM\x00*", b"\x00\x00\x01\x00")


def _looks_binary(data: bytes) -> bool:
    """A known binary format, or bytes with too many control codes for a text (UTF-16 aside)."""
    if data.startswith(_BINARY_MAGIC):
        return True
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(data):
        return False
    sample = data[:65536]
    controls = sum(1 for byte in sample if (byte < 32 and byte not in (9, 10, 13)) or byte == 127)
    return controls > max(8, BINARY_SHARE * len(sample))


def _decode(data: bytes, file: str, notices: list[Notice]) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return _decoded(data[3:], "utf-8", file), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decoded(data, "utf-16", file), "utf-16"
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _decoded(data, utf16, file), utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        if _mostly_utf8(data):
            line = data[: error.start].count(b"\n") + 1
            raise input_error(file, "evidence.error.damaged_utf8", Place(line=line),
                              byte=f"0x{data[error.start]:02X}") from None
    text = _decoded(data, "cp1252", file)
    notices.append(Notice("evidence.notice.cp1252"))
    return text, "cp1252"


def _mostly_utf8(data: bytes) -> bool:
    """True when a text that is not valid UTF-8 still holds more good UTF-8 letters (æ as C3 A6) than bad bytes.

    Then it is a UTF-8 file with a damaged spot, not a Windows-1252 file, and reading it as
    Windows-1252 would silently garble every æ, ø and å.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    return good > bad


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or '-be' when every other byte of a mostly-ASCII text is zero."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _decoded(data: bytes, encoding: str, file: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        newline = "\n".encode(encoding if encoding != "utf-16" else "utf-16-le")
        line = data[: error.start].count(newline) + 1
        raise input_error(
            file, "evidence.error.encoding", Place(line=line), encoding=encoding, byte=f"0x{data[error.start]:02X}"
        ) from None


_MOJIBAKE = re.compile("Ã[¦¸¥†˜…]")


def _clean_text(text: str, file: str, notices: list[Notice]) -> str:
    """Refuse binary content; remove control characters and non-characters, saying where."""
    sample = text[:65536]
    controls = sum(1 for ch in sample if is_junk(ch))
    if controls > max(8, BINARY_SHARE * len(sample)):
        raise input_error(file, "evidence.error.binary")
    if controls or any(is_junk(ch) for ch in text[65536:]):
        first = next(i for i, ch in enumerate(text) if is_junk(ch))
        count = sum(1 for ch in text if is_junk(ch))
        line = text.count("\n", 0, first) + 1
        notices.append(Notice("evidence.notice.controls_removed", {"count": count, "place": Place(line=line)}))
        text = "".join(ch for ch in text if not is_junk(ch))
    match = _MOJIBAKE.search(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        notices.append(Notice("evidence.notice.mojibake", {"text": match.group(), "place": Place(line=line)}))
    return text


def is_junk(ch: str) -> bool:
    """A control character other than tab and line breaks, or a non-character such as U+FFFE."""
    if ch in "\t\r\n":
        return False
    if ch in "\ufffe\uffff":
        return True
    return unicodedata.category(ch) in ("Cc", "Cs")


def _delimiter(text: str) -> tuple[str, str]:
    """The separator (Excel's ``sep=;`` first line wins) and the text without that line."""
    match = re.match(r"\"?sep=(.)\"?\r?\n", text)
    if match:
        return text[match.end() :], match.group(1)
    sample = text[:65536]
    best = max(_DELIMITERS, key=lambda d: _delimiter_score(sample, d))
    return text, best


def _delimiter_score(sample: str, delimiter: str) -> tuple[bool, float, int]:
    """The columns most rows have, and how many rows agree with it (a title line above the header does not count)."""
    rows = [row for row in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter) if row][:50]
    if not rows:
        return (False, 0.0, 0)
    widths = [len(row) for row in rows]
    width = max(set(widths), key=lambda w: (widths.count(w), w))
    agreeing = widths.count(width) / len(rows)
    return (width > 1, round(agreeing, 1), width)


@contextlib.contextmanager
def _field_limit(limit: int) -> Iterator[None]:
    """Python's CSV field limit, raised to ours for the parse and put back afterwards."""
    with _field_limit_lock:
        previous = csv.field_size_limit(limit)
        try:
            yield
        finally:
            csv.field_size_limit(previous)


def _parse_csv(text: str, delimiter: str, file: str) -> tuple[list[list[Cell]], list[int]]:
    rows: list[list[Cell]] = []
    origins: list[int] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    with _field_limit(MAX_FIELD_CHARS):
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                raise _csv_error(file, str(error), start, reader.line_num) from None
            _check_row(row, file, start, len(rows))
            rows.append([cell.strip() or None for cell in row])
            origins.append(start)
            start = reader.line_num + 1
    return _trimmed(rows, origins)


def _check_row(row: list[str], file: str, line: int, count: int) -> None:
    if count >= MAX_ROWS:
        raise input_error(file, "evidence.error.too_many_rows", Place(line=line), limit=MAX_ROWS)
    if len(row) > MAX_COLUMNS:
        raise input_error(file, "evidence.error.too_many_columns", Place(line=line), limit=MAX_COLUMNS)


def _csv_error(file: str, reason: str, start: int, end: int) -> InputError:
    if "field larger than field limit" in reason:
        return input_error(file, "evidence.error.field_too_long", Place(line=start), limit=MAX_FIELD_CHARS)
    if "unexpected end of data" in reason:
        return input_error(file, "evidence.error.unclosed_quote", Place(line=start))
    if "expected after" in reason:
        return input_error(file, "evidence.error.stray_quote", Place(line=end), start=start)
    return input_error(file, "evidence.error.csv", Place(line=end), reason=reason)


def _trimmed(rows: list[list[Cell]], origins: list[int]) -> tuple[list[list[Cell]], list[int]]:
    """Without wholly blank rows at the end."""
    while rows and all(cell is None for cell in rows[-1]):
        rows.pop()
        origins.pop()
    return rows, origins


# -- XLSX ----------------------------------------------------------------------------------------


def read_xlsx_bytes(data: bytes, file: str) -> Table:
    """The first sheet with data of the workbook ``data`` (read from ``file``); bombs and damaged files refused.

    calamine (Rust) reads a workbook in a fraction of openpyxl's time; a workbook it cannot read is read
    again by openpyxl, whose refusal names what is damaged.
    """
    _check_zip(data, file)
    sheets = _calamine_sheets(data)
    if sheets is not None:
        return _read_sheets(sheets, file)
    import openpyxl  # only when calamine could not read the workbook

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises anything on a damaged file: KeyError, XML errors …
        raise input_error(file, "evidence.error.damaged_xlsx", reason=_reason(error)) from None
    try:
        return _read_sheets(_openpyxl_sheets(workbook), file)
    except InputError:
        raise
    except Exception as error:  # a damaged sheet surfaces only while its rows are read
        raise input_error(file, "evidence.error.damaged_xlsx", reason=_reason(error)) from None
    finally:
        workbook.close()


Sheet = tuple[str, Iterable[Sequence[Any]]]
"""A worksheet's title and its rows of values from row 1 and column A, as openpyxl gives them."""


def _openpyxl_sheets(workbook: Any) -> list[Sheet]:
    sheets = []
    for sheet in workbook.worksheets:
        if hasattr(sheet, "iter_rows"):  # not a chart sheet
            sheet.reset_dimensions()  # a declared A1:XFD1048576 must not make us pad rows
            sheets.append((sheet.title, sheet.iter_rows(values_only=True)))
    return sheets


def _calamine_sheets(data: bytes) -> list[Sheet] | None:
    """The worksheets as calamine reads them, their values as openpyxl gives them; None when it cannot, or
    when a cell lies beyond the rows and columns we read (calamine would fill the whole grid up to it)."""
    from python_calamine import CalamineWorkbook, SheetTypeEnum

    if not _within_grid(data):
        return None
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets: list[Sheet] = []
        for meta in workbook.sheets_metadata:
            if meta.typ == SheetTypeEnum.WorkSheet:
                sheet = workbook.get_sheet_by_name(meta.name)
                sheets.append((meta.name, _as_openpyxl(sheet.to_python(skip_empty_area=False))))
        return sheets
    except Exception:  # calamine raises its own errors on a damaged file: openpyxl names them
        return None


_CELL_REF = re.compile(rb'\sr="([A-Z]{0,3})([0-9]{1,8})"')


def _within_grid(data: bytes) -> bool:
    """True when no row or cell of any worksheet lies past MAX_ROWS + 1 rows or MAX_COLUMNS columns (False
    too for a sheet that cannot be unpacked: openpyxl then names what is damaged)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for name in archive.namelist():
                if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                    for letters, row in _CELL_REF.findall(archive.read(name)):
                        if int(row) > MAX_ROWS + 1 or (letters and column_index(letters.decode()) >= MAX_COLUMNS):
                            return False
    except Exception:  # a damaged entry: BadZipFile, zlib.error, EOFError …
        return False
    return True


def _as_openpyxl(rows: list[list[Any]]) -> list[tuple[Any, ...]]:
    """calamine's rows (from A1) as openpyxl gives them: empty cells None, whole numbers int, days as midnight."""
    return [tuple(_openpyxl_value(value) for value in row) for row in rows]


def _openpyxl_value(value: Any) -> Any:
    if value == "" and isinstance(value, str):
        return None
    if type(value) is float and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if type(value) is dt.date:
        return dt.datetime(value.year, value.month, value.day)
    return value


def _reason(error: Exception) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {text[:200]}" if text else type(error).__name__


def _check_zip(data: bytes, file: str) -> None:
    """Refuse a damaged zip, one that is not a workbook, and one that would unpack too large."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            names = {entry.filename for entry in entries}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):  # RuntimeError: NotImplementedError
        raise input_error(file, "evidence.error.truncated_zip") from None
    if "mimetype" in names and "xl/workbook.xml" not in names:
        raise input_error(file, "evidence.error.ods")
    if "xl/workbook.xml" not in names:
        raise input_error(file, "evidence.error.not_workbook")
    total = sum(entry.file_size for entry in entries)
    worst = max((e.file_size / max(e.compress_size, 1) for e in entries if e.file_size > 1_000_000), default=0)
    if len(entries) > MAX_XLSX_ENTRIES or total > MAX_XLSX_UNCOMPRESSED or worst > MAX_XLSX_RATIO:
        raise input_error(file, "evidence.error.zip_bomb", size=reading.megabytes(total))


def _read_sheets(sheets: list[Sheet], file: str) -> Table:
    notices: list[Notice] = []
    for number, (title, values) in enumerate(sheets):
        rows, origins = _sheet_rows(title, values, file, notices)
        if rows:
            if number or len(sheets) > 1:
                notices.append(Notice("evidence.notice.sheet_used", {"sheet": title}))
            return Table(file, rows, origins, sheet=title, notices=notices)
    raise input_error(file, "evidence.error.no_data")


def _sheet_rows(title: str, sheet: Iterable[Sequence[Any]], file: str,
                notices: list[Notice]) -> tuple[list[list[Cell]], list[int]]:
    rows: list[list[Cell]] = []
    origins: list[int] = []
    removed = 0
    for number, values in enumerate(sheet, start=1):
        if len(rows) >= MAX_ROWS:
            raise input_error(file, "evidence.error.too_many_rows", Place(row=number, sheet=title), limit=MAX_ROWS)
        if len(values) > MAX_COLUMNS and any(v is not None for v in values[MAX_COLUMNS:]):
            raise input_error(file, "evidence.error.too_many_columns", Place(row=number, sheet=title),
                              limit=MAX_COLUMNS)
        cells: list[Cell] = []
        for value in values[:MAX_COLUMNS]:
            cell, junk = _sheet_cell(value)
            removed += junk
            cells.append(cell)
        while cells and cells[-1] is None:
            cells.pop()
        rows.append(cells)
        origins.append(number)
    if removed:
        place = Place(sheet=title)
        notices.append(Notice("evidence.notice.controls_removed", {"count": removed, "place": place}))
    return _trimmed(rows, origins)


def _sheet_cell(value: Any) -> tuple[Cell, int]:
    """A cell value as a Cell, with how many junk characters were removed from its text."""
    if isinstance(value, str):
        if value.isprintable():  # the common case, checked in C: no junk (every junk character is unprintable)
            return (value.strip() or None), 0
        cleaned = "".join(ch for ch in value if not is_junk(ch))
        return (cleaned.strip() or None), len(value) - len(cleaned)
    if value is None or isinstance(value, bool | int | float | dt.datetime | dt.date | dt.time):
        return value, 0
    return str(value), 0
