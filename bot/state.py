"""Run state in SQLite: which revision of each page was checked, what was saved, which runs ran.

One database serves scheduled runs (skip pages whose latest revision was already
checked), ``--resume`` (finish an interrupted run, each page once) and undo (every
save with its run id and revision ids).
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started REAL NOT NULL,
    ended REAL,
    mode TEXT NOT NULL,
    status TEXT NOT NULL,            -- running | finished | stopped | failed
    args TEXT NOT NULL DEFAULT '[]',
    counts TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS pages (
    page_id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    last_checked_rev INTEGER,
    findings TEXT NOT NULL DEFAULT '{}', -- code -> count at that revision
    last_saved_rev INTEGER,
    run_id INTEGER,
    checked_at REAL
);
CREATE TABLE IF NOT EXISTS run_pages (
    run_id INTEGER NOT NULL,
    page_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    rev INTEGER,
    outcome TEXT NOT NULL,           -- saved | unchanged | no-fix | skipped:<reason> | conflict | …
    PRIMARY KEY (run_id, page_id)
);
CREATE TABLE IF NOT EXISTS saves (
    run_id INTEGER NOT NULL,
    page_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    base_rev INTEGER NOT NULL,
    new_rev INTEGER NOT NULL,
    summary TEXT NOT NULL,
    saved_at REAL NOT NULL
);
"""


class State:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, isolation_level=None)  # autocommit: a crash loses nothing
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    # -- runs ---------------------------------------------------------------------------------
    def start_run(self, mode: str, args: list[str]) -> int:
        cur = self.db.execute("INSERT INTO runs (started, mode, status, args) VALUES (?, ?, 'running', ?)",
                              (time.time(), mode, json.dumps(args, ensure_ascii=False)))
        return cur.lastrowid

    def interrupted_run(self) -> int | None:
        """The latest run that did not finish (running when it died, or stopped)."""
        row = self.db.execute("SELECT id FROM runs WHERE status IN ('running', 'stopped', 'failed') "
                              "AND id = (SELECT MAX(id) FROM runs)").fetchone()
        return row[0] if row else None

    def reopen_run(self, run_id: int) -> None:
        self.db.execute("UPDATE runs SET status = 'running', ended = NULL WHERE id = ?", (run_id,))

    def end_run(self, run_id: int, status: str, counts: dict) -> None:
        self.db.execute("UPDATE runs SET ended = ?, status = ?, counts = ? WHERE id = ?",
                        (time.time(), status, json.dumps(counts, ensure_ascii=False, sort_keys=True), run_id))

    def run(self, run_id: int) -> dict | None:
        row = self.db.execute("SELECT id, started, ended, mode, status, args, counts FROM runs WHERE id = ?",
                              (run_id,)).fetchone()
        if row is None:
            return None
        keys = ("id", "started", "ended", "mode", "status", "args", "counts")
        out = dict(zip(keys, row))
        out["args"], out["counts"] = json.loads(out["args"]), json.loads(out["counts"])
        return out

    # -- pages --------------------------------------------------------------------------------
    def processed(self, run_id: int) -> set[int]:
        return {r[0] for r in self.db.execute("SELECT page_id FROM run_pages WHERE run_id = ?", (run_id,))}

    def checked_rev(self, page_id: int) -> int | None:
        row = self.db.execute("SELECT last_checked_rev FROM pages WHERE page_id = ?", (page_id,)).fetchone()
        return row[0] if row else None

    def record(self, run_id: int, page_id: int, title: str, rev: int | None, outcome: str,
               findings: dict | None = None, saved_rev: int | None = None) -> None:
        """What the run did with a page; the page row remembers the revision now known to be checked."""
        checked = saved_rev or rev
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute("INSERT OR REPLACE INTO run_pages (run_id, page_id, title, rev, outcome) "
                            "VALUES (?, ?, ?, ?, ?)", (run_id, page_id, title, rev, outcome))
            if findings is not None:
                self.db.execute(
                    "INSERT INTO pages (page_id, title, last_checked_rev, findings, last_saved_rev, run_id, "
                    "checked_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(page_id) DO UPDATE SET "
                    "title = excluded.title, last_checked_rev = excluded.last_checked_rev, "
                    "findings = excluded.findings, run_id = excluded.run_id, checked_at = excluded.checked_at, "
                    "last_saved_rev = COALESCE(excluded.last_saved_rev, pages.last_saved_rev)",
                    (page_id, title, checked, json.dumps(findings, sort_keys=True), saved_rev, run_id,
                     time.time()))

    def record_save(self, run_id: int, page_id: int, title: str, base_rev: int, new_rev: int,
                    summary: str) -> None:
        self.db.execute("INSERT INTO saves VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (run_id, page_id, title, base_rev, new_rev, summary, time.time()))

    def saves(self, run_id: int) -> list[dict]:
        keys = ("run_id", "page_id", "title", "base_rev", "new_rev", "summary", "saved_at")
        return [dict(zip(keys, r)) for r in self.db.execute("SELECT * FROM saves WHERE run_id = ? ORDER BY rowid",
                                                            (run_id,))]
