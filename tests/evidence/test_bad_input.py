"""Bad files get an InputError naming the file and the place; nothing is half-imported."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from briefing.errors import InputError
from briefing.evidence import readers
from briefing.evidence.surveys import import_survey

HEADER = "Timestamp,Q1,Q2\r\n"


def refused(path: Path, lang: str = "en") -> str:
    with pytest.raises(InputError) as caught:
        import_survey(path)
    message = caught.value.message(lang)
    assert str(path) in message
    return message


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_an_unterminated_quote_is_named_not_swallowed(tmp_path: Path) -> None:
    rows = "".join(f'2026-04-07 08:{i:02d},Agree,Disagree\r\n' for i in range(40))
    path = write(tmp_path, "quote.csv", HEADER + '2026-04-07 07:00,"Agree,Disagree\r\n' + rows)
    message = refused(path)
    assert "line 2" in message and "quote" in message
    assert "linje 2" in refused(path, "da")


def test_a_stray_quote_names_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "stray.csv", HEADER + '2026-04-07 07:00,Agree,Disagree\r\n2026-04-07 08:00,"Ag"ree,x\r\n')
    assert "line 3" in refused(path)


def test_a_row_longer_than_the_header_names_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "long.csv", HEADER + "2026-04-07 07:00,Agree,Disagree\r\n2026-04-07 08:00,A,B,oops\r\n")
    message = refused(path)
    assert "line 3" in message and "column 4" in message and "4 cells" in message


def test_a_field_longer_than_pythons_default_limit_is_read(tmp_path: Path) -> None:
    long_answer = "x" * 150_000  # Python's csv refuses fields over 131,072 characters by default
    path = write(tmp_path, "long-field.csv", f'{HEADER}2026-04-07 07:00,Agree,"{long_answer}"\r\n')
    assert import_survey(path).survey.responses[0].answers["q2"] == long_answer


def test_a_field_over_our_limit_is_refused_with_its_line(tmp_path: Path) -> None:
    huge = "x" * (readers.MAX_FIELD_CHARS + 1)
    text = f'{HEADER}2026-04-07 07:00,Agree,Disagree\r\n2026-04-07 08:00,"{huge}",A\r\n'
    path = write(tmp_path, "huge-field.csv", text)
    message = refused(path)
    assert "line 3" in message and f"{readers.MAX_FIELD_CHARS}" in message


def test_a_few_nul_and_control_characters_are_removed_and_told(tmp_path: Path) -> None:
    text = HEADER + "2026-04-07 07:00,Ag\x00ree,Dis\x07agree\r\n" + "2026-04-07 08:00,Agree,A\r\n"
    path = write(tmp_path, "nul.csv", text)
    result = import_survey(path)
    assert result.survey.responses[0].answers == {"q1": "Agree", "q2": "Disagree"}
    notice = next(n for n in result.notices if n.key == "evidence.notice.controls_removed")
    assert "2" in str(notice) and "line 2" in str(notice)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("picture.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
        ("report.csv", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 8),
        ("program.csv", b"\x7fELF\x02\x01\x01" + b"\x00" * 400),
    ],
)
def test_a_renamed_binary_file_is_refused(tmp_path: Path, name: str, data: bytes) -> None:
    assert "not a text file" in refused(write(tmp_path, name, data))


def test_a_renamed_word_document_is_not_a_workbook(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    assert "not an Excel workbook" in refused(write(tmp_path, "letter.xlsx", buffer.getvalue()))


def test_an_old_xls_and_a_password_protected_workbook_are_told_apart(tmp_path: Path) -> None:
    ole = readers.OLE_MAGIC + b"\x00" * 504
    assert ".xls" in refused(write(tmp_path, "old.xls", ole + b"Workbook".decode().encode("utf-16-le")))
    encrypted = ole + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le")
    message = refused(write(tmp_path, "secret.xlsx", encrypted))
    assert "password" in message
    assert "adgangskode" in refused(write(tmp_path, "hemmelig.xlsx", encrypted), "da")


def test_a_truncated_workbook_is_refused(tmp_path: Path, msforms: Path) -> None:
    data = msforms.read_bytes()
    for cut in (len(data) // 2, len(data) - 30):
        assert "incomplete" in refused(write(tmp_path, f"cut-{cut}.xlsx", data[:cut]))


def test_a_damaged_sheet_inside_a_whole_zip_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook><sheets><sheet")
    assert "damaged" in refused(write(tmp_path, "broken.xlsx", buffer.getvalue()))


def zip_bomb(path: Path, megabytes: int) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            block = b" " * (1 << 20)
            for _ in range(megabytes):
                sheet.write(block)
    return path


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import openpyxl

    def must_not_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("openpyxl opened a zip bomb")

    monkeypatch.setattr(openpyxl, "load_workbook", must_not_open)
    bomb = zip_bomb(tmp_path / "bomb.xlsx", 30)
    assert bomb.stat().st_size < 100_000
    assert "refused" in refused(bomb)


def test_a_workbook_that_unpacks_too_large_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_XLSX_UNCOMPRESSED", 1_000_000)
    monkeypatch.setattr(readers, "MAX_XLSX_RATIO", 10_000)
    assert "MB" in refused(zip_bomb(tmp_path / "big.xlsx", 2))


def test_limits_on_size_rows_and_columns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forms_2500: Path) -> None:
    rows = "".join(f"2026-04-07 08:00,Agree,{i}\r\n" for i in range(30))
    path = write(tmp_path, "rows.csv", HEADER + rows)
    monkeypatch.setattr(readers, "MAX_ROWS", 20)
    assert "line 21" in refused(path) and "20" in refused(path)
    assert "row 21" in refused(forms_2500) and "Sheet1" in refused(forms_2500)
    monkeypatch.setattr(readers, "MAX_COLUMNS", 2)
    assert "more than 2 columns" in refused(path)
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 100)
    assert "MB" in refused(path)


def test_empty_header_only_missing_and_folder(tmp_path: Path) -> None:
    assert "empty" in refused(write(tmp_path, "empty.csv", b""))
    assert "no responses" in refused(write(tmp_path, "header.csv", HEADER))
    assert "cannot be read" in refused(tmp_path / "missing.csv")
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    assert "folder" in refused(folder)


def test_utf16_cut_in_the_middle_of_a_character(tmp_path: Path) -> None:
    data = (HEADER + "2026-04-07 08:00,Agree,B\r\n").encode("utf-16")
    assert "line 2" in refused(write(tmp_path, "cut16.csv", data[:-1]))


def test_garbled_danish_letters_are_pointed_out(tmp_path: Path) -> None:
    text = HEADER + "2026-04-07 08:00,Enig,HÃ¸jt niveau\r\n2026-04-07 09:00,Enig,x\r\n"
    result = import_survey(write(tmp_path, "mojibake.csv", text))
    assert any(n.key == "evidence.notice.mojibake" and "line 2" in str(n) for n in result.notices)


def test_python_csv_limit_is_put_back(tmp_path: Path, google: Path) -> None:
    import csv

    before = csv.field_size_limit()
    import_survey(google)
    assert csv.field_size_limit() == before


def test_a_damaged_utf8_file_is_not_silently_read_as_cp1252(tmp_path: Path) -> None:
    text = HEADER + "2026-04-07 08:00,Enig,Søgning på fildrev\r\n2026-04-07 09:00,Uenig,Blå bog\r\n"
    data = text.encode("utf-8").replace(b"Bl\xc3\xa5", b"Bl\xc3")
    message = refused(write(tmp_path, "damaged.csv", data))
    assert "line 3" in message and "UTF-8" in message
