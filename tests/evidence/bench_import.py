"""How long importing a 2,500-response Microsoft Forms workbook takes, and how the time of
``import-stakeholders`` grows with the list (a benchmark, not a test).

Run: .venv/bin/python tests/evidence/bench_import.py  — prints the median of a few runs per survey step,
then 2,000 and 20,000 stakeholder rows imported by the command side by side (about 10× apart when the
import is linear; before it checked the workspace for every row, 2,000 took 1.5 s and 20,000 took 248 s).
"""

from __future__ import annotations

import contextlib
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from briefing.cli import main as briefing  # noqa: E402
from briefing.evidence.analysis import analyse  # noqa: E402
from briefing.evidence.readers import read_table  # noqa: E402
from briefing.evidence.surveys import import_survey  # noqa: E402
from evidence.files import forms_with, write_csv  # noqa: E402

SAMPLE = HERE.parent / "data" / "surveys" / "msforms-videndeling-da.xlsx"
RUNS = 5


def timed(action) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        workbook = forms_with(SAMPLE, Path(folder) / "forms-2500.xlsx", 2500)
        table = read_table(workbook)
        as_csv = write_csv(Path(folder) / "forms-2500.csv", [[str(c or "") for c in r] for r in table.rows], ";",
                           "cp1252")
        survey = import_survey(workbook).survey
        print(f"2,500-response .xlsx ({workbook.stat().st_size / 1024:.0f} KB), median of {RUNS} runs:")
        print(f"  read the sheet (openpyxl, read-only)  {timed(lambda: read_table(workbook)):7.1f} ms")
        print(f"  import_survey (.xlsx, all steps)      {timed(lambda: import_survey(workbook)):7.1f} ms")
        print(f"  import_survey (same data as ;-CSV)    {timed(lambda: import_survey(as_csv)):7.1f} ms")
        print(f"  analyse (6 questions)                 {timed(lambda: analyse(survey)):7.1f} ms")
        stakeholder_rows(Path(folder))


def quietly(argv: list[str]) -> int:
    """The command's exit code; what it prints (a line per updated person) is not shown."""
    with contextlib.redirect_stdout(io.StringIO()):
        return briefing(argv)


STANCES = ("tilhænger", "skeptiker", "neutral", "forkæmper", "modstander")


def stakeholder_rows(folder: Path) -> None:
    """``briefing import-stakeholders`` of 2,000 and of 20,000 rows, each into a new workspace, then the same
    people with a new title each, with --update."""
    header = ["Navn", "Titel", "Afdeling", "Indflydelse", "Interesse", "Holdning", "Budgetansvarlig", "Noter"]
    print("import-stakeholders (the command: read, check, one write of the store):")
    times: dict[int, float] = {}
    for count in (2_000, 20_000):
        rows = [[f"Person {n:05d}", "Chef", f"Afdeling {n % 40}", str(1 + n % 5), str(1 + n % 3),
                 STANCES[n % 5], "ja" if n % 7 == 0 else "nej", "=en note" if n % 11 == 0 else ""]
                for n in range(count)]
        path = write_csv(folder / f"people-{count}.csv", [header, *rows], ";")
        workspace = folder / f"ws-{count}"
        start = time.perf_counter()
        assert quietly(["import-stakeholders", "--workspace", str(workspace), str(path)]) == 0
        times[count] = time.perf_counter() - start
        new_titles = [[row[0], "Direktør", *row[2:]] for row in rows]
        changed = write_csv(folder / f"people-{count}-b.csv", [header, *new_titles], ";")
        start = time.perf_counter()
        assert quietly(["import-stakeholders", "--workspace", str(workspace), "--update", str(changed)]) == 0
        again = time.perf_counter() - start
        print(f"  {count:>6,} rows: {times[count]:6.2f} s new, {again:6.2f} s with --update changing every one")
    print(f"  20,000 / 2,000 = {times[20_000] / times[2_000]:.1f}×")


if __name__ == "__main__":
    main()
