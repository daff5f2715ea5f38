"""Benchmark of the store at 10,000 dialogue entries, side by side with tinydb's default JSONStorage.

Run: .venv/bin/python tests/bench_store.py [--dialogues N] [--edits N]
(not collected by pytest; ``bench_ours`` and ``bench_tinydb`` can be called by other benchmarks).
Prints one table: save latency after an edit (median, p95: the whole ``update``/``add`` call,
checks and journal fsync included), open time, the close that folds the journal into the
snapshot, and a query after opening, for our crash-safe store and for tinydb's JSONStorage
doing the same inserts, open and query, with the budgets and pass/fail.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB

from briefing.clock import FixedClock
from briefing.model import codec
from briefing.model.collections import DIALOGUES
from briefing.model.entities import Dialogue, Stakeholder, Workspace
from briefing.store import WorkspaceStore

BUDGET_MS = {"save median": 15.0, "save p95": 30.0, "open": 150.0, "query": 5.0}
"""The budgets of issue #15 (saves of O(change), open at 10,000 dialogues) and of QUALITY.md (queries)."""
STAKEHOLDERS = 60
CLOCK = FixedClock.on("2026-11-27")


def dialogue(i: int) -> Dialogue:
    return Dialogue(
        f"d{i}",
        f"s{i % STAKEHOLDERS}",
        dt.date(2024, 1, 1) + dt.timedelta(days=i % 900),
        "meeting" if i % 3 else "email",
        f"Møde {i} om kontraktsøgning i Jura: næste skridt er en pilot med arkivet, aftalt opfølgning 🙂",
        ["Kontrakter findes ikke"] if i % 4 == 0 else [],
        i % 3,
        None,
    )


def workspace(dialogues: int) -> Workspace:
    return Workspace(
        stakeholders=[Stakeholder(f"s{i}", f"Person {i} Ødegård", role="Chef") for i in range(STAKEHOLDERS)],
        dialogues=[dialogue(i) for i in range(dialogues)],
    )


def ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def timed(action: Callable[[], Any], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(ms(start))
    return times


def timed_queries(query: Callable[[str], Any]) -> list[float]:
    """One query per stakeholder, each different (tinydb caches a repeated query's result)."""
    times = []
    for i in range(STAKEHOLDERS):
        start = time.perf_counter()
        found = query(f"s{i}")
        times.append(ms(start))
        assert found, f"the query for s{i} found nothing"
    return times


def bench_ours(folder: Path, dialogues: int, edits: int) -> dict[str, float]:
    with WorkspaceStore.open(folder, CLOCK) as store:
        store.replace(workspace(dialogues))
    size = (folder / "store.json").stat().st_size
    start = time.perf_counter()
    store = WorkspaceStore.open(folder, CLOCK)  # the first open of the day also writes the daily backup
    first_open = ms(start)
    store.close()
    opens, cpu = [], []
    for _ in range(5):
        start, started = time.perf_counter(), time.process_time()
        store = WorkspaceStore.open(folder, CLOCK)
        opens.append(ms(start))
        cpu.append((time.process_time() - started) * 1000)
        store.close()
    saves = []
    with WorkspaceStore.open(folder, CLOCK) as store:
        for n in range(edits):
            if n % 2:
                old = store.workspace.dialogues[n]
                new = Dialogue(**{**old.__dict__, "summary": old.summary + " (rettet)"})
                start = time.perf_counter()
                store.update(DIALOGUES, new)
            else:
                item = dialogue(dialogues + n)
                start = time.perf_counter()
                store.add(DIALOGUES, item)
            saves.append(ms(start))
        queries = timed_queries(
            lambda who: sorted((d for d in store.workspace.dialogues if d.stakeholder_id == who), key=lambda d: d.date)
        )
        start = time.perf_counter()
    close = ms(start)  # the journal folded into the snapshot
    return {
        "close (fold)": close,
        "save median": statistics.median(saves),
        "save p95": p95(saves),
        "open": statistics.median(opens),
        "open (CPU time)": statistics.median(cpu),
        "first open of the day": first_open,
        "query": statistics.median(queries),
        "file MB": size / 1e6,
    }


def bench_tinydb(folder: Path, dialogues: int, edits: int) -> dict[str, float]:
    path = folder / "tinydb.json"
    docs: list[dict[str, Any]] = [codec.dump(dialogue(i)) for i in range(dialogues)]
    with TinyDB(path) as db:
        db.insert_multiple(docs)
    saves = []
    with TinyDB(path) as db:
        table = db.table("_default")
        for n in range(edits):
            if n % 2:
                start = time.perf_counter()
                table.update({"summary": f"rettet {n}"}, doc_ids=[n])
            else:
                item = codec.dump(dialogue(dialogues + n))
                start = time.perf_counter()
                table.insert(item)
            saves.append(ms(start))
    size = path.stat().st_size

    def open_and_read() -> None:
        with TinyDB(path) as db:
            db.all()

    opens = timed(open_and_read, 5)
    started = time.process_time()
    for _ in range(5):
        open_and_read()
    cpu = (time.process_time() - started) * 1000 / 5
    with TinyDB(path) as db:
        queries = timed_queries(lambda who: db.search(Query().stakeholder_id == who))
    return {
        "save median": statistics.median(saves),
        "save p95": p95(saves),
        "open": statistics.median(opens),
        "open (CPU time)": cpu,
        "query": statistics.median(queries),
        "file MB": size / 1e6,
    }


def report(ours: dict[str, float], tiny: dict[str, float], dialogues: int, edits: int) -> bool:
    print(f"\nStore benchmark: {dialogues:,} dialogue entries, {edits} edits, Python {sys.version.split()[0]}")
    print("ours = WorkspaceStore (a save appends one fsync'd journal record; the snapshot is rewritten crash-safely")
    print("       on closing or past the journal's limit; queries from memory)")
    print("tinydb = TinyDB default JSONStorage (rewrites in place, no fsync, re-reads the file per query)\n")
    header = f"{'measure':<24}{'ours':>11}{'tinydb':>11}{'budget':>10}  result"
    print(header)
    print("-" * len(header))
    ok = True
    for key in ("save median", "save p95", "open", "open (CPU time)", "first open of the day", "close (fold)", "query"):
        budget = BUDGET_MS.get(key)
        mine = ours[key]
        theirs = f"{tiny[key]:>8.1f} ms" if key in tiny else f"{'—':>11}"
        limit = f"≤ {budget:>4.0f} ms" if budget else f"{'—':>10}"
        verdict = ("pass" if mine <= budget else "FAIL") if budget else ""
        ok = ok and verdict != "FAIL"
        print(f"{key:<24}{mine:>8.1f} ms{theirs}{limit:>10}  {verdict}")
    print(f"{'file size':<24}{ours['file MB']:>8.1f} MB{tiny['file MB']:>8.1f} MB")
    print("\nAll budgets met." if ok else "\nSome budgets are NOT met.")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dialogues", type=int, default=10_000)
    parser.add_argument("--edits", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        ours = bench_ours(Path(temp) / "ws", args.dialogues, args.edits)
        tiny = bench_tinydb(Path(temp), args.dialogues, args.edits)
    return 0 if report(ours, tiny, args.dialogues, args.edits) else 1


if __name__ == "__main__":
    sys.exit(main())
