"""A child process for the crash tests: saves edits in a loop and acknowledges each one.

Usage: python crash_child.py WORKSPACE RUN

Each line on stdout is printed only after the save it names has returned, so it is a
promise that the edit is on disk: ``d:<id>`` for a dialogue, ``s:<id>`` for a stakeholder,
``c:<name>`` for the campaign's name. Every fifth step is a batch (a stakeholder and a
dialogue in one write) and every seventh an import over the workspace (a backup first).
The parent kills the process with SIGKILL at a random moment.
"""

from __future__ import annotations

import copy
import datetime as dt
import sys
from pathlib import Path

from briefing.model.collections import CAMPAIGN, DIALOGUES, STAKEHOLDERS
from briefing.model.entities import Dialogue, Stakeholder
from briefing.store import WorkspaceStore


def main() -> None:
    folder, run = Path(sys.argv[1]), sys.argv[2]
    store = WorkspaceStore.open(folder)
    if not store.workspace.stakeholders:
        store.add(STAKEHOLDERS, Stakeholder(id="base", name="Åse Ødegård"))
        ack("s:base")
    step = 0
    while True:
        step += 1
        key = f"r{run}-{step}"
        if step % 7 == 0:
            store.replace(copy.deepcopy(store.workspace))
            store.set(CAMPAIGN, type(store.workspace.campaign)(name=f"camp {key}"))
            ack(f"c:camp {key}")
        elif step % 5 == 0:
            with store.batch():
                store.add(STAKEHOLDERS, Stakeholder(id=f"s{key}", name=f"Søren {key} 🙂"))
                store.add(DIALOGUES, dialogue(f"d{key}", f"s{key}"))
            ack(f"s:s{key}")
            ack(f"d:d{key}")
        else:
            store.add(DIALOGUES, dialogue(f"d{key}", "base"))
            ack(f"d:d{key}")


def dialogue(item_id: str, stakeholder_id: str) -> Dialogue:
    return Dialogue(item_id, stakeholder_id, dt.date(2026, 3, 14), summary="Møde om kontrakter " * 20)


def ack(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
