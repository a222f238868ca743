"""Run state in SQLite: which revision of each page was checked, what was saved, which runs ran.

One database serves scheduled runs (skip pages whose latest revision was already
checked), ``--resume`` (finish an interrupted run, each page once) and undo (every
save with its run id and revision ids).

What a run decided about a page is kept per *scope*: a dry run's findings never make a page
"done" for ``--apply`` (scope ``apply``, shared by ``--interactive``, which saves too). Within a
scope a page is ``done`` (nothing left to do at that revision), ``held`` (the bot will not save
it at that revision: cosmetic-only, refused by the content guard or by the wiki, blocked; reported
again by every run until the page changes, or the obstacle the wiki put there does) or
``pending`` (a save failed: retried first by the next run).
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
    outcome TEXT NOT NULL,           -- saved | unchanged | no-fix | skipped:<reason> | failed | …
    findings TEXT,                   -- code -> count the run found on the page (NULL: not checked)
    PRIMARY KEY (run_id, page_id)
);
CREATE TABLE IF NOT EXISTS checks (
    page_id INTEGER NOT NULL,
    scope TEXT NOT NULL,             -- apply | dry-run
    title TEXT NOT NULL,
    rev INTEGER,
    status TEXT NOT NULL,            -- done | held | pending
    outcome TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    codes TEXT NOT NULL DEFAULT '[]',  -- the rules the held or failed edit would apply
    listed_rev INTEGER,              -- the exceptions page's revision the decision was made with
    run_id INTEGER NOT NULL,
    obstacle TEXT,                   -- held by the wiki: what held it and its mark (bot/wiki/obstacles.py)
    PRIMARY KEY (page_id, scope)
);
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
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
        columns = {r[1] for r in self.db.execute("PRAGMA table_info(run_pages)")}
        if "reason" not in columns:  # a state file from before reasons were kept
            self.db.execute("ALTER TABLE run_pages ADD COLUMN reason TEXT NOT NULL DEFAULT ''")
        if "findings" not in columns:  # from before the trend carried pages forward
            self.db.execute("ALTER TABLE run_pages ADD COLUMN findings TEXT")
        if "obstacle" not in {r[1] for r in self.db.execute("PRAGMA table_info(checks)")}:
            self.db.execute("ALTER TABLE checks ADD COLUMN obstacle TEXT")  # from before obstacles were kept

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

    def checked_rev(self, page_id: int, scope: str = "apply") -> int | None:
        """The revision this scope has nothing more to do with (done or held), else None."""
        row = self.db.execute("SELECT rev FROM checks WHERE page_id = ? AND scope = ? AND status != 'pending'",
                              (page_id, scope)).fetchone()
        return row[0] if row else None

    _CHECK = ("page_id", "title", "rev", "status", "outcome", "reason", "codes", "run_id", "listed_rev", "obstacle")

    def _check_row(self, row) -> dict:
        out = dict(zip(self._CHECK, row))
        out["codes"] = json.loads(out["codes"])
        out["obstacle"] = json.loads(out["obstacle"]) if out["obstacle"] else None
        return out

    def check(self, page_id: int, scope: str = "apply") -> dict | None:
        row = self.db.execute(f"SELECT {', '.join(self._CHECK)} FROM checks WHERE page_id = ? AND scope = ?",
                              (page_id, scope)).fetchone()
        return self._check_row(row) if row else None

    def checks(self, scope: str, status: str) -> list[dict]:
        """Every page of a scope in one status (``pending``: oldest first, the order to retry in)."""
        rows = self.db.execute(f"SELECT {', '.join(self._CHECK)} FROM checks WHERE scope = ? AND status = ? "
                               "ORDER BY run_id, rowid", (scope, status))
        return [self._check_row(r) for r in rows]

    def record(self, run_id: int, page_id: int, title: str, rev: int | None, outcome: str,
               findings: dict | None = None, saved_rev: int | None = None, *, scope: str | None = None,
               status: str | None = None, reason: str = "", codes: list | None = None,
               listed_rev: int | None = None, obstacle: dict | None = None) -> None:
        """What the run did with a page. With a ``scope`` and ``status`` the page's standing in that
        scope is updated; a save makes the saved revision the one known to be checked."""
        checked = saved_rev or rev
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute("INSERT OR REPLACE INTO run_pages (run_id, page_id, title, rev, outcome, reason, findings) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?)", (run_id, page_id, title, rev, outcome, reason,
                                                             None if findings is None else
                                                             json.dumps(findings, sort_keys=True)))
            if scope is not None and status is not None:
                self.db.execute("INSERT OR REPLACE INTO checks (page_id, scope, title, rev, status, outcome, "
                                "reason, codes, run_id, listed_rev, obstacle) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                (page_id, scope, title, checked, status, outcome, reason,
                                 json.dumps(codes or []), run_id, listed_rev,
                                 json.dumps(obstacle, ensure_ascii=False) if obstacle else None))
            if findings is not None:
                self.db.execute(
                    "INSERT INTO pages (page_id, title, last_checked_rev, findings, last_saved_rev, run_id, "
                    "checked_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(page_id) DO UPDATE SET "
                    "title = excluded.title, last_checked_rev = excluded.last_checked_rev, "
                    "findings = excluded.findings, run_id = excluded.run_id, checked_at = excluded.checked_at, "
                    "last_saved_rev = COALESCE(excluded.last_saved_rev, pages.last_saved_rev)",
                    (page_id, title, checked, json.dumps(findings, sort_keys=True), saved_rev, run_id,
                     time.time()))

    # -- small named values (the incremental run's timestamps and caches) -----------------------
    def get_meta(self, key: str, default=None):
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def set_meta(self, key: str, value) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                        (key, json.dumps(value, ensure_ascii=False)))

    def record_save(self, run_id: int, page_id: int, title: str, base_rev: int, new_rev: int,
                    summary: str) -> None:
        self.db.execute("INSERT INTO saves VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (run_id, page_id, title, base_rev, new_rev, summary, time.time()))

    def saves(self, run_id: int) -> list[dict]:
        keys = ("run_id", "page_id", "title", "base_rev", "new_rev", "summary", "saved_at")
        return [dict(zip(keys, r)) for r in self.db.execute("SELECT * FROM saves WHERE run_id = ? ORDER BY rowid",
                                                            (run_id,))]


def read_runs(path: str | Path) -> list[dict]:
    """Every run of a state database, oldest first, read without writing to it (``relbot lint
    --state``: the trend). Each run's ``open`` is the findings (code -> count) open on the wiki
    after it: every page at the revision last checked, pages the run did not read carried
    forward from earlier runs; None for a state file that kept no per-page findings then.
    Raises ``sqlite3.Error`` on a file that is not one."""
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    db = sqlite3.connect(uri, uri=True)
    try:
        rows = db.execute("SELECT id, started, ended, mode, status, counts FROM runs ORDER BY id").fetchall()
        columns = {r[1] for r in db.execute("PRAGMA table_info(run_pages)")}
        checked = (db.execute("SELECT run_id, page_id, findings FROM run_pages WHERE findings IS NOT NULL "
                              "ORDER BY run_id").fetchall() if "findings" in columns else [])
    finally:
        db.close()
    by_run: dict[int, list[tuple[int, dict]]] = {}
    for run_id, page_id, found in checked:
        by_run.setdefault(run_id, []).append((page_id, json.loads(found)))
    keys = ("id", "started", "ended", "mode", "status", "counts")
    out, now = [], {}  # page id -> its findings at the revision last checked
    for row in rows:
        run = dict(zip(keys, row[:5]), counts=json.loads(row[5] or "{}"))
        now.update(by_run.get(run["id"], ()))
        total: dict[str, int] = {}
        for found in now.values():
            for code, n in found.items():
                total[code] = total.get(code, 0) + int(n)
        run["open"] = total if now else None
        out.append(run)
    return out
