"""How long importing a 2,500-response Microsoft Forms workbook takes (a benchmark, not a test).

Run: .venv/bin/python tests/evidence/bench_import.py  — prints the median of a few runs per step.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from briefing.evidence.analysis import analyse  # noqa: E402
from briefing.evidence.readers import read_table  # noqa: E402
from briefing.evidence.surveys import import_survey  # noqa: E402
from evidence.files import forms_with, write_csv  # noqa: E402

SAMPLE = HERE.parents[2] / "shared" / "samples" / "surveys" / "msforms-videndeling-da.xlsx"
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


if __name__ == "__main__":
    main()
