"""Dump scans: lint (or propose fixes for) the bilateral-relations pages of a MediaWiki XML dump.

The reading process streams the dump with mwxml (plain XML, bzip2, gzip or xz, told by the
file's magic bytes, or ``-`` for standard input) and keeps only the latest revision of each
page. A page goes to the workers when it is in namespace 0 and its title has the bilateral
pattern (the profile's suffix and a separator with text on both sides: the same test as
``bot.article.split_title``, without the gazetteer) or its text calls the bilateral infobox
(a case-insensitive regex over the profile's infobox names); every other page costs the
title test and that regex. Finished ``<page>`` elements are dropped from the XML tree as the
scan goes, so memory does not grow with the dump.

Workers are processes of our own: fresh interpreters (``python -c``, so nothing of the reading
process is forked: no threads, pipes or memory, and no re-import of ``__main__``) talking over
two pipes, each holding the profile and the gazetteer loaded once, and warmed up on a tiny page,
before it takes a page. The reader hands one page at a time to an idle worker (a worker never
has a page queued behind the one it works on, so sending never blocks on a busy worker) and
keeps ``2 × jobs`` pages read ahead. A worker that has not answered ``page_timeout`` seconds
after it got its page is killed (mwparserfromhell's C tokenizer cannot be interrupted from
inside the process) and replaced, and the page is reported as skipped (``unparseable``, "took
longer than N s"); so is a page whose worker died, or on which relbot raised. Results come back
in dump order, whatever the number of workers. ``jobs=1`` also runs in one worker process, so
the timeout holds there too.

A dump that ends early or is corrupt (cut in the middle, bad XML, bad compressed data) ends
the scan with :class:`DumpError` after every page read until then has been yielded.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import os
import pickle
import re
import signal
import sys
import time
import unicodedata
import zlib
from collections import deque
from xml.etree.ElementTree import ParseError

from .profile import Profile, load_profile, nfc
from .sources import InputError

TASKS = ("lint", "propose")
#: How long the reader reads between two looks at the workers (seconds).
_TICK = 0.002
#: Result bytes waiting for an earlier page before no new page is handed out.
_REORDER_BYTES = 64 * 1024 * 1024
#: Seconds a new worker may take to load the profile and the gazetteer.
_START_TIMEOUT = 120.0


class DumpError(Exception):
    """A dump that ends early or cannot be read as XML (one-line message)."""


# ------------------------------------------------------------------ opening and reading

_MAGIC = ((b"BZh", "bzip2"), (b"\x1f\x8b", "gzip"), (b"\xfd7zXZ\x00", "xz"), (b"7z\xbc\xaf\x27\x1c", "7z"))


def open_dump(path: str):
    """A binary file object with the dump's XML, decompressed by magic bytes."""
    try:
        raw = sys.stdin.buffer if path == "-" else open(path, "rb")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a dump file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    head = raw.peek(6)[:6] if hasattr(raw, "peek") else b""
    kind = next((k for magic, k in _MAGIC if head.startswith(magic)), "xml")
    if kind == "bzip2":
        return bz2.open(raw, "rb")
    if kind == "gzip":
        return gzip.open(raw, "rb")
    if kind == "xz":
        return lzma.open(raw, "rb")
    if kind == "7z":
        raw.close()
        raise InputError(f"{path}: a 7z archive; decompress it into relbot: "
                         f"7z e -so {path} | relbot lint --dump -")
    return raw


#: What a cut or damaged dump raises while it is read (XML, mwxml, the decompressors).
_READ_ERRORS = (ParseError, EOFError, OSError, lzma.LZMAError, zlib.error, ValueError, AssertionError,
                KeyError, TypeError, AttributeError)


def _error_text(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    if isinstance(exc, EOFError) or "end-of-stream" in text:
        return f"the file ends early ({text})"
    return f"{type(exc).__name__}: {text}"[:300]


class _Reader:
    """Streams a dump: (namespace, title, text, revision id, model) of each page's latest revision.

    ``pages``/``last_title`` count completely read pages (every namespace); ``error`` is set when
    the dump breaks off, and iteration then simply ends.
    """

    def __init__(self, fh):
        self.fh = fh
        self.pages = 0
        self.last_title: str | None = None
        self.error: BaseException | None = None

    def __iter__(self):
        import mwxml
        from mwxml.element_iterator import ElementIterator, EventPointer
        from mwxml.errors import MalformedXML

        try:
            pointer = EventPointer.from_file(self.fh)
            _, element = next(pointer)
            root = ElementIterator(element, pointer)
            if root.tag != "mediawiki":
                raise MalformedXML(f"the root element is <{root.tag}>, not <mediawiki>")
            dump = mwxml.Dump.from_element(root)
            tree = root.element
            for page in dump.pages:
                latest = None
                for rev in page:
                    latest = rev
                self.pages += 1
                self.last_title = page.title
                del tree[:]  # the finished <page> (mwxml clears it, but the root would keep it)
                if latest is None:
                    continue
                yield page.namespace, page.title, latest.text or "", latest.id, latest.model
        except (MalformedXML, StopIteration, *_READ_ERRORS) as exc:
            self.error = exc

    def describe_error(self) -> str:
        where = (f"after page {self.last_title!r}" if self.last_title is not None
                 else "before the first page")
        return f"truncated or corrupt dump {where} ({self.pages} pages read): {_error_text(self.error)}"


def iter_latest(path: str):
    """(namespace, title, text, revision id) of every page's latest revision; DumpError at a cut."""
    fh = open_dump(path)
    reader = _Reader(fh)
    try:
        for ns, title, text, revid, _model in reader:
            yield ns, title, text, revid
    finally:
        fh.close()
    if reader.error is not None:
        raise DumpError(reader.describe_error())


# ------------------------------------------------------------------ the cheap page filter

class PageFilter:
    """Which pages of a dump are worth parsing: a title test and an infobox regex, both cheap."""

    def __init__(self, profile: Profile):
        spec = profile.data["title"]
        self.suffix = " ".join(nfc(spec["suffix"] or "").split())
        self._probe = self.suffix.split(" ")[-1]  # one word: no space or underscore to normalise
        self.separators = [nfc(s) for s in (spec["separator"], *spec["other_separators"]) if s]
        names = sorted({" ".join(nfc(n).replace("_", " ").split()) for n in profile.data["infobox"]["names"]},
                       key=len, reverse=True)
        prefixes = profile.data["namespaces"].get("template", [])
        alt = "|".join(r"[ _]+".join(re.escape(w) for w in n.split(" ")) for n in names)
        ns = "|".join(re.escape(p) for p in prefixes)
        prefix = rf"(?:(?:{ns})\s*:\s*)?" if ns else ""
        self.infobox_re = re.compile(rf"\{{\{{\s*{prefix}(?:{alt})\s*(?:\||\}}\}}|<!--)", re.I)

    def title_ok(self, title: str) -> bool:
        """``split_title(title, …)["bilateral_pattern"]``, without looking countries up."""
        if self._probe and self._probe not in title and unicodedata.is_normalized("NFC", title):
            return False  # the fast path: most titles end here
        t = " ".join(nfc(title).replace("_", " ").split())
        if self.suffix:
            if not t.endswith(" " + self.suffix):
                return False
            core = t[: -len(self.suffix) - 1].strip()
        else:
            core = t
        for sep in self.separators:
            i = core.find(sep)
            while i > 0:
                if core[:i].strip() and core[i + len(sep):].strip():
                    return True
                i = core.find(sep, i + 1)
        return False

    def wanted(self, namespace: int | None, title: str, text: str, model: str | None = None) -> bool:
        if namespace != 0 or (model is not None and model != "wikitext"):
            return False
        return self.title_ok(title) or self.infobox_re.search(text) is not None


# ------------------------------------------------------------------ workers

_W: dict = {}


def _work(title: str, text: str, revid, source: str):
    """One page in a worker: a report page entry / a bundle entry, or None (nothing to report)."""
    from .tree import paused_call

    opts = _W["opts"]
    if _W["task"] == "lint":
        from .report import lint_entry

        page = lint_entry(text, title, source, _W["profile"], _W["gaz"], opts["select"], opts["ignore"])
        if page["status"] == "skipped" and page.get("reason") == "not-bilateral":
            return None  # the infobox regex's false positive: not a page relbot checks
        return page
    return paused_call(_propose, title, text, revid, source, opts)


def _propose(title: str, text: str, revid, source: str, opts: dict):
    from .fixes import fix_page
    from .review import entry

    out = fix_page(text, title, _W["profile"], _W["gaz"], unsafe=opts["unsafe"], layout=opts["layout"],
                   select=opts["select"], ignore=opts["ignore"])
    if not out.changed:
        return None
    return entry(out, source, revid, _W["profile"])


def _worker_main() -> None:
    """A worker process: load once, warm up, then answer one page at a time until EOF.

    Started as ``python -c`` with the read and write ends of two pipes in ``sys.argv``; the
    first message is (task, profile name, options).
    """
    from multiprocessing.connection import Connection

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the reading process's business
    inbox = Connection(int(sys.argv[1]), writable=False)
    outbox = Connection(int(sys.argv[2]), readable=False)
    from .gazetteer import Gazetteer

    task, profile_name, opts = inbox.recv()
    profile = load_profile(profile_name)
    _W.update(task=task, profile=profile, gaz=Gazetteer.load(profile.lang), opts=opts)
    try:  # compile the regexes, the schema validator and the gazetteer lookups before the clock runs
        _work("ক–খ সম্পর্ক", "x", None, "warm-up")
    except Exception:  # noqa: BLE001 - warming up is best effort
        pass
    outbox.send_bytes(b"ready")
    while True:
        try:
            msg = inbox.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        title, text, revid, source = msg
        try:
            result = ("ok", _work(title, text, revid, source))
        except Exception as exc:  # noqa: BLE001 - one bad page must not end the scan
            result = ("error", f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}")
        outbox.send_bytes(pickle.dumps(result, pickle.HIGHEST_PROTOCOL))


_PKG_PARENT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class _Worker:
    """One worker process of our own: a fresh interpreter (no fork of the reading process, so no
    inherited threads, pipes or memory), talking over two pipes; killed and replaced at will."""

    __slots__ = ("proc", "inbox", "conn", "state", "task", "since")

    def __init__(self, args: tuple):
        import subprocess
        from multiprocessing.connection import Connection

        down_r, down_w = os.pipe()
        up_r, up_w = os.pipe()
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [_PKG_PARENT, env.get("PYTHONPATH")]))
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-c", "from bot.dump import _worker_main; _worker_main()", str(down_r), str(up_w)],
                pass_fds=(down_r, up_w), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, env=env)
        except BaseException:
            for fd in (down_w, up_r):
                os.close(fd)
            raise
        finally:
            os.close(down_r)  # only the worker holds its ends: its death is an EOF here
            os.close(up_w)
        self.inbox = Connection(down_w, readable=False)  # the worker's inbox
        self.conn = Connection(up_r, writable=False)  # its answers
        self.inbox.send(args)
        self.state = "starting"
        self.task = None  # (seq, title, text, revid, source) while busy
        self.since = time.monotonic()

    def send(self, msg) -> None:
        self.inbox.send(msg)

    def exitcode(self):
        try:
            return self.proc.wait(1)
        except Exception:  # noqa: BLE001 - subprocess.TimeoutExpired
            return None

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self.inbox.close()
        self.conn.close()

    def stop(self) -> None:
        try:
            self.inbox.send(None)
        except (OSError, ValueError):
            pass
        self.inbox.close()
        try:
            self.proc.wait(2)
        except Exception:  # noqa: BLE001 - subprocess.TimeoutExpired
            self.proc.kill()
            self.proc.wait()
        self.conn.close()


def _skipped(title: str, source: str, detail: str) -> dict:
    return {"title": title, "source": source, "status": "skipped", "findings": [],
            "reason": "unparseable", "detail": detail}


# ------------------------------------------------------------------ the scan

def scan_dump(path: str, task: str, profile_name: str, *, jobs: int | None = None, page_timeout: float = 10.0,
              select=None, ignore=None, progress: bool = False, unsafe: bool = False, layout: bool = False,
              on_skip=None):
    """Lint (``task="lint"``) or fix (``"propose"``) the bilateral pages of a dump, in dump order.

    ``lint`` yields report page entries (``bot.report.page_entry``, source ``<dump name>:<title>``),
    a page that took longer than ``page_timeout`` seconds or broke relbot as a skipped entry
    (reason ``unparseable``). ``propose`` yields bundle entries (``bot.review.entry``, base revision
    = the dump's revision id) for the pages whose text the fixes change; pages skipped for time
    go to ``on_skip(entry)`` (a report page entry) when it is given. Raises InputError for a
    missing file or bad options, and DumpError, after every page read before it was yielded,
    when the dump breaks off.
    """
    if task not in TASKS:
        raise ValueError(f"task must be one of {TASKS}, not {task!r}")
    jobs = (os.cpu_count() or 1) if jobs is None else jobs
    if jobs < 1:
        raise InputError(f"--jobs must be at least 1, not {jobs}")
    if not page_timeout > 0:
        raise InputError(f"--page-timeout must be more than 0 seconds, not {page_timeout}")
    profile = load_profile(profile_name)
    fh = open_dump(path)
    name = "stdin" if path == "-" else os.path.basename(path)
    opts = {"select": list(select) if select else None, "ignore": list(ignore) if ignore else None,
            "unsafe": unsafe, "layout": layout}
    scan = _Scan(fh, name, task, profile, profile_name, opts, jobs, page_timeout, progress, on_skip)
    try:
        yield from scan.run()
    finally:
        scan.close()
        fh.close()


class _Scan:
    def __init__(self, fh, name, task, profile, profile_name, opts, jobs, page_timeout, progress, on_skip):
        self.reader = _Reader(fh)
        self.name = name
        self.task = task
        self.filter = PageFilter(profile)
        self.args = (task, profile_name, opts)
        self.jobs = jobs
        self.timeout = page_timeout
        self.on_skip = on_skip
        self.workers: list[_Worker] = []
        self.results: dict[int, tuple] = {}  # seq -> ("raw", bytes, title, source) | ("skip", entry)
        self.buffered = 0
        self.next_out = 0
        self.wanted = 0
        self.bar = None
        if progress:
            from tqdm import tqdm

            self.bar = tqdm(desc=f"{name}", unit=" pages", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)
        self._shown = 0

    # -- reading ---------------------------------------------------------------------------
    def _tasks(self):
        """(title, text, revid, source) of each wanted page, with None now and then so the
        workers get looked after while long stretches of other pages are read."""
        wanted = self.filter.wanted
        last = time.monotonic()
        for ns, title, text, revid, model in self.reader:
            if wanted(ns, title, text, model):
                self.wanted += 1
                yield title, text, revid, f"{self.name}:{title}"
                last = time.monotonic()
            elif time.monotonic() - last >= _TICK:
                yield None
                last = time.monotonic()

    def _progress(self) -> None:
        if self.bar is not None and self.reader.pages != self._shown:
            self.bar.set_postfix_str(f"{self.wanted} bilateral", refresh=False)
            self.bar.update(self.reader.pages - self._shown)
            self._shown = self.reader.pages

    # -- workers ---------------------------------------------------------------------------
    def _start(self) -> _Worker:
        w = _Worker(self.args)
        self.workers.append(w)
        return w

    def _replace(self, w: _Worker) -> None:
        w.kill()
        self.workers.remove(w)
        self._start()

    def _finish(self, seq: int, value: tuple) -> None:
        if value[0] == "raw":
            self.buffered += len(value[1])
        self.results[seq] = value

    def _collect(self, timeout: float) -> None:
        """Take the answers that are there (waiting up to ``timeout``), then enforce deadlines."""
        from multiprocessing.connection import wait

        conns = {w.conn: w for w in self.workers}
        for conn in wait(list(conns), timeout):
            w = conns[conn]
            try:
                data = conn.recv_bytes()
            except (EOFError, OSError):
                data = None
            if data is None:  # the worker died
                code = w.exitcode()
                if w.state == "starting":
                    w.kill()
                    raise RuntimeError(f"a dump worker process could not start (exit code {code})")
                seq, title, _t, _r, source = w.task
                self._finish(seq, ("skip", _skipped(title, source, f"the worker process died (exit code {code})")))
                self._replace(w)
                continue
            if w.state == "starting":
                w.state = "idle"
                continue
            seq, title, _t, _r, source = w.task
            w.state, w.task = "idle", None
            self._finish(seq, ("raw", data, title, source))
        now = time.monotonic()
        for w in list(self.workers):
            if w.state == "busy" and now - w.since > self.timeout:
                seq, title, _t, _r, source = w.task
                self._finish(seq, ("skip", _skipped(title, source, f"took longer than {self.timeout:g} s")))
                self._replace(w)
            elif w.state == "starting" and now - w.since > _START_TIMEOUT:
                w.kill()
                raise RuntimeError(f"a dump worker process did not start within {_START_TIMEOUT:g} s")

    def _dispatch(self, pending: deque) -> None:
        for w in self.workers:
            if not pending:
                return
            if w.state != "idle":
                continue
            if self.buffered > _REORDER_BYTES and pending[0][0] != self.next_out:
                return  # results wait for an earlier page: do not run further ahead
            item = pending.popleft()
            try:
                w.send(item[1:])
            except (OSError, ValueError):  # died while idle: the page never started
                pending.appendleft(item)
                self._replace(w)
                continue
            w.state, w.task, w.since = "busy", item, time.monotonic()

    def _deadline(self) -> float:
        now = time.monotonic()
        ends = [w.since + (self.timeout if w.state == "busy" else _START_TIMEOUT) - now
                for w in self.workers if w.state != "idle"]
        return max(0.0, min(ends, default=0.5)) + 0.001

    def _ready(self):
        """Yield the results that are next in dump order."""
        while self.next_out in self.results:
            value = self.results.pop(self.next_out)
            self.next_out += 1
            if value[0] == "raw":
                _, payload, title, source = value
                self.buffered -= len(payload)
                status, result = pickle.loads(payload)
                if status == "error":  # a relbot bug on this page: reported like a page it cannot read
                    result = _skipped(title, source, f"relbot failed on this page: {result}")
            else:
                result = value[1]
            if result is None:
                continue
            if self.task == "propose" and result.get("status") == "skipped":
                if self.on_skip is not None:
                    self.on_skip(result)
                continue
            yield result

    def run(self):
        for _ in range(self.jobs):
            self._start()
        pending: deque = deque()
        tasks = self._tasks()
        seq = 0
        done = False
        while True:
            self._collect(0)
            self._dispatch(pending)
            yield from self._ready()
            self._progress()
            if not done and len(pending) < 2 * self.jobs:
                try:
                    item = next(tasks)
                except StopIteration:
                    done = True
                    continue
                if item is not None:
                    pending.append((seq, *item))
                    seq += 1
                continue
            if done and not pending and self.next_out == seq:
                break
            self._collect(self._deadline())
        self._progress()
        if self.reader.error is not None:
            raise DumpError(self.reader.describe_error())

    def close(self) -> None:
        for w in self.workers:
            if w.state == "busy":
                w.kill()
            else:
                w.stop()
        self.workers.clear()
        if self.bar is not None:
            self.bar.close()
