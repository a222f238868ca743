"""Dump scans: lint (or propose fixes for) the bilateral-relations pages of a MediaWiki XML dump.

The reading process streams the dump with lxml's pull parser (``_Events``), titles and the
siteinfo read as mwxml reads them (plain XML, bzip2, gzip or xz, told by the file's magic bytes,
or ``-`` for standard input), and keeps only the latest revision of each page. A page goes to the workers
when it is in namespace 0 and its title has the bilateral pattern (the profile's suffix and a
separator with text on both sides: the same test as ``bot.article.split_title``, without the
gazetteer) or its text calls the bilateral infobox (a case-insensitive regex over the profile's
infobox names); every other page costs the title test and that regex. Finished ``<page>``
elements are dropped from the XML tree as the scan goes (and earlier revisions as soon as the
next one is read), so memory does not grow with the dump. Compressed dumps are decompressed by
a program beside the reading process where one is installed (``_TOOLS``).

Workers are processes of our own: fresh interpreters (``python -c``, so nothing of the reading
process is forked: no threads, pipes or memory, and no re-import of ``__main__``) talking over
two pipes, each holding the profile and the gazetteer loaded once, and warmed up on a tiny page,
before it takes a page. The reader hands an idle worker a page, and a busy one a second page to
find in its pipe when it is done, if the two fit in the pipe together (pipes are widened to 1 MB
on Linux): so a worker does not wait for the reading process between pages, and sending never
blocks on a busy worker. It keeps ``2 × jobs`` pages read ahead. A worker that has not answered
``page_timeout`` seconds after it started its page (when the page was sent; for a page that
waited in the pipe, when the answer before it came) is killed (mwparserfromhell's C tokenizer
cannot be interrupted from inside the process) and replaced; the page is reported as skipped
(``unparseable``, "took longer than N s") and a page waiting behind it is sent again. So is a
page whose worker died, or on which relbot raised. Results come back in dump order, whatever
the number of workers. ``jobs=1`` also runs in one worker process, so the timeout holds there too.

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
import selectors
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
#: What each pipe to and from a worker is asked to hold (Linux; the default is 64 KB).
_PIPE_BYTES = 1024 * 1024


class DumpError(Exception):
    """A dump that ends early or cannot be read as XML (one-line message)."""


# ------------------------------------------------------------------ opening and reading

_MAGIC = ((b"BZh", "bzip2"), (b"\x1f\x8b", "gzip"), (b"\xfd7zXZ\x00", "xz"), (b"7z\xbc\xaf\x27\x1c", "7z"))


#: Decompressor programs, fastest first. They run beside the reading process (lbzip2 and pigz
#: on every core), where Python's modules decompress in it: Python's bz2 gives 30-40 MB/s of
#: XML on this project's machines, where reading that XML runs at 250-290 MB/s.
#: Not pbzip2: it gives nothing at all of a cut file, where the others give the blocks before
#: the cut (lbzip2 all but the last few, which it was still working on).
_TOOLS = {"bzip2": (("lbzip2", "-dc"), ("bzip2", "-dc")),
          "gzip": (("pigz", "-dc"), ("gzip", "-dc")),
          "xz": (("xz", "-dc"),)}
_MODULES = {"bzip2": bz2.open, "gzip": gzip.open, "xz": lzma.open}


def open_dump(path: str):
    """A binary file object with the dump's XML, decompressed by magic bytes.

    A compressed file is decompressed by the first program of ``_TOOLS`` on the PATH, reading the
    file itself; from a pipe (``-``), or with none of them installed, by Python's module.
    """
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
    if kind == "7z":
        raw.close()
        raise InputError(f"{path}: a 7z archive; decompress it into relbot: "
                         f"7z e -so {path} | relbot lint --dump -")
    if kind == "xml":
        return raw
    import shutil

    argv = next((a for a in _TOOLS[kind] if shutil.which(a[0])), None)
    if argv is not None and raw.seekable():
        fd = raw.fileno()
        start, ahead = raw.tell(), os.lseek(fd, 0, os.SEEK_CUR)  # stdin may start past 0
        os.lseek(fd, start, os.SEEK_SET)  # not raw.seek: that may only move in its buffer
        try:
            fh = _Decompressor(argv, raw, kind, start)
        except OSError:  # the program would not start: Python's module reads instead
            os.lseek(fd, ahead, os.SEEK_SET)  # where raw's buffer left it
        else:
            raw.close()  # the program has its own copy of the descriptor
            return fh
    if raw is sys.stdin.buffer or not raw.seekable():  # a pipe's first bytes are in raw's buffer
        return _MODULES[kind](raw, "rb")
    raw.close()
    return _MODULES[kind](path, "rb")  # opened by the module, closed with it


class _Decompressor:
    """The output of a decompressor program reading a file, as a binary file object.

    When the program fails (a cut or damaged file), Python's module reads the file again from
    the start, skips what the program gave, and goes on to its own error at the damage: the
    scan gets every block before it, as with the module alone (lbzip2 drops, at random, the
    blocks it was still working on; pbzip2 is left out of ``_TOOLS`` for giving nothing at all),
    and the same message whichever program is installed."""

    def __init__(self, argv: tuple, raw, kind: str, start: int = 0):
        import subprocess

        self.kind = kind
        self.start = start
        self.fd = os.dup(raw.fileno())  # for that second reading
        self.given = 0
        self.fallback = None
        try:  # its own session: Ctrl-C is for relbot, which kills the program when it stops
            self.proc = subprocess.Popen([*argv], stdin=raw, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                         start_new_session=True)
        except BaseException:
            os.close(self.fd)
            raise

    def read(self, size: int = -1) -> bytes:
        if self.fallback is not None:
            return self.fallback.read1(size)
        data = self.proc.stdout.read(size)
        if data or size == 0 or self.proc.wait() == 0:
            self.given += len(data)
            return data
        os.lseek(self.fd, self.start, os.SEEK_SET)
        self.file = os.fdopen(self.fd, "rb")
        self.fd = None  # self.file owns it now
        self.fallback = _MODULES[self.kind](self.file, "rb")
        skip = self.given
        while skip > 0:
            chunk = self.fallback.read1(min(skip, 1 << 20))
            if not chunk:
                return b""
            skip -= len(chunk)
        return self.fallback.read1(size)

    read1 = read  # it never reads more than once from the program's pipe or the module

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self.proc.stdout.close()
        if self.fallback is not None:
            self.fallback.close()
            self.file.close()
        elif self.fd is not None:
            os.close(self.fd)


#: What a cut or damaged dump raises while it is read (XML, mwxml, the decompressors).
_READ_ERRORS = (ParseError, EOFError, OSError, lzma.LZMAError, zlib.error, ValueError, AssertionError,
                KeyError, TypeError, AttributeError)


def _error_text(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    if isinstance(exc, EOFError) or "end-of-stream" in text:
        return f"the file ends early ({text})"
    return f"{type(exc).__name__}: {text}"[:300]


class _Reader:
    """Streams a dump: (namespace, title, <text> element, revision id, model) of each page's
    latest revision.

    lxml's pull parser (``_Events``) hands over each ``<revision>``, ``<page>`` (and the
    ``<siteinfo>``) once its end tag is read, and each is dropped from the tree as soon as its fields are taken, so
    memory grows neither with the dump nor with a page's history. The text stays in lxml's tree
    until ``_text``/``_utf8`` read it. mwxml reads the siteinfo (its own ``SiteInfo`` over its
    own element iterator) and makes titles and namespaces what mwxml's pages give (``<ns>``,
    else the siteinfo's namespace map, through mwxml's ``extract_namespace``/``normalize_title``).
    Why not mwxml's iterator for the pages too: it takes every element's start and end events
    through Python (a dozen Python calls per element), which cost 17 % of reading time in the
    one part of a scan that does not run in parallel; mwxml's ``Page``/``Revision`` objects
    (timestamps, contributors, every other field) cost a third more. Unknown elements are
    passed over, so newer export formats read too.

    ``pages``/``last_title`` count completely read pages (every namespace); ``error`` is set when
    the dump breaks off, and iteration then simply ends.
    """

    def __init__(self, fh):
        self.fh = fh
        self.pages = 0
        self.last_title: str | None = None
        self.error: BaseException | None = None

    def __iter__(self):
        from lxml import etree
        from mwxml.errors import MalformedXML

        root = namespaces = latest = None
        source = _UpToTheDamage(self.fh)
        # no entity expansion (nothing for a dump to declare); huge_tree: a page's text may
        # pass libxml2's 10 MB default limit for one text node
        # comments and processing instructions are not text: mwxml reads <text>a<!--c-->b</text> as "ab"
        parser = etree.XMLPullParser(events=("end",), tag=("{*}page", "{*}siteinfo", "{*}revision"),
                                     resolve_entities=False, huge_tree=True, remove_comments=True,
                                     remove_pis=True)
        events = _Events(parser, source)
        try:
            for _, element in events:
                if root is None:
                    root = element.getroottree().getroot()
                    _check_root(root)
                parent = element.getparent()
                tag = _local(element.tag)
                if tag == "revision":
                    if parent is not None and parent.getparent() is root:
                        latest = _revision(element)
                        parent.remove(element)  # one revision at a time in memory (history dumps)
                    continue
                if parent is not root:
                    continue  # not a page of the dump (nothing in an export nests them)
                if tag == "siteinfo":
                    namespaces = _namespaces(etree.tostring(element))
                else:
                    namespace, title = _page(element, namespaces)
                    self.pages += 1
                    self.last_title = title
                    if latest is not None:
                        yield namespace, title, *latest
                    latest = None
                # drop the finished element and whatever came before it; not what follows: the
                # parser reads ahead, and pages whose events are still to come are in the tree
                while element.getprevious() is not None:
                    del root[0]
                root.remove(element)
            if root is None:  # not one page or siteinfo: still say what the document was
                _check_root(events.root)
        except (MalformedXML, etree.LxmlError, *_READ_ERRORS) as exc:
            self.error = exc
            if isinstance(exc, etree.LxmlError):
                source.damage()
        if source.error is not None:  # the XML was cut there: the reason is the decompressor's
            self.error = source.error

    def describe_error(self) -> str:
        where = (f"after page {self.last_title!r}" if self.last_title is not None
                 else "before the first page")
        return f"truncated or corrupt dump {where} ({self.pages} pages read): {_error_text(self.error)}"


#: Bytes asked of the dump in one read (what lxml's ``iterparse`` reads).
_CHUNK = 32 * 1024


class _Events:
    """(event, element) of what ``parser`` (an ``XMLPullParser``) makes of ``source``'s bytes,
    read ``_CHUNK`` at a time; the parser's error is raised only after every event it made
    before the error, so the pages read before the damage are kept whatever the size of the
    read the damage came in. (``etree.iterparse`` raises as soon as ``feed`` fails, dropping the
    events of that read: the pages before the damage were lost when they came in the same read
    as the damage, which, from a decompressor's pipe, depended on how far it had got.) Not so
    at the end of the bytes: the events ``close`` makes before it raises are not the dump's.
    ``root``: the document's root element once the bytes ended without an error."""

    def __init__(self, parser, source):
        self.parser = parser
        self.source = source
        self.root = None

    def __iter__(self):
        from lxml import etree

        parser = self.parser
        while True:
            data = self.source.read(_CHUNK)
            if not data:
                # raising here hands over none of the events of close(): when the bytes end with
                # elements open (a cut dump), libxml2 ends them itself, and a page cut short
                # would be handed over as read
                self.root = parser.close()
                yield from parser.read_events()
                return
            try:
                parser.feed(data)
            except etree.LxmlError:  # the parser stops at the error: its events are the dump's
                yield from parser.read_events()
                raise
            yield from parser.read_events()


class _UpToTheDamage:
    """A dump's bytes that end where decompressing them fails, the failure kept in ``error``.

    A read that raised would leave the pages of the bytes before it unparsed: ending the bytes
    there instead gives every page before the damage, whatever size the reads have (and
    ``_Events`` hands over the events of those bytes before the parser's own error)."""

    def __init__(self, fh):
        self.fh = fh
        self.read1 = getattr(fh, "read1", fh.read)
        self.error: BaseException | None = None

    def read(self, size: int = -1) -> bytes:
        if self.error is not None:
            return b""
        try:
            # read1: a module's read() drops what it had decoded when it meets the damage
            return self.read1(size)
        except (EOFError, OSError, lzma.LZMAError, zlib.error) as exc:
            self.error = exc
            return b""

    def damage(self, limit: int = 8 << 20) -> None:
        """After the XML broke: look up to ``limit`` bytes further for a decompression error
        behind it. gzip's CRC, and xz's and bzip2's checks when run as programs, come after
        the damaged block's bytes have been given: the XML error is only the symptom."""
        while self.error is None and limit > 0:
            data = self.read(min(limit, 1 << 20))
            if not data:
                return
            limit -= len(data)


def _local(tag) -> str | None:
    """An element's tag without its XML namespace (None for comments and processing instructions)."""
    return tag[tag.find("}") + 1:] if isinstance(tag, str) else None


def _check_root(root) -> None:
    from mwxml.errors import MalformedXML

    tag = _local(root.tag) if root is not None else None
    if tag != "mediawiki":
        raise MalformedXML(f"the root element is <{tag}>, not <mediawiki>")


def _namespaces(siteinfo: bytes) -> dict:
    """The siteinfo's namespace map (name -> mwxml Namespace), read by mwxml itself."""
    import io

    from mwxml import SiteInfo
    from mwxml.element_iterator import ElementIterator

    info = SiteInfo.from_element(ElementIterator.from_file(io.BytesIO(siteinfo)))
    return {n.name: n for n in info.namespaces or ()}


def _page(element, namespaces):
    """(namespace, title) of a <page>, as mwxml gives them."""
    from mwxml.errors import MalformedXML
    from mwxml.iteration.page import extract_namespace, normalize_title

    name = namespace = None
    for sub in element:
        tag = _local(sub.tag)
        if tag == "title":
            name = sub.text or ""
        elif tag == "ns":
            namespace = int(sub.text)
    if name is None:
        raise MalformedXML("a <page> without a <title>")
    if namespace is None:  # old export formats: the namespace is in the title
        return extract_namespace(name, namespaces)
    return namespace, normalize_title(name)


def _revision(element):
    """(the <text> element or None, revision id, model) of a <revision>."""
    revid = model = text = None
    for sub in element:
        tag = _local(sub.tag)
        if tag == "id":
            revid = int(sub.text)
        elif tag == "text":
            text = sub
        elif tag == "model":
            model = sub.text
    return text, revid, model


# The text of a revision stays in lxml's tree (UTF-8) until someone asks for it: a page the
# title test sends to a worker goes there as UTF-8 bytes, never decoded in the reading process
# (decoding and encoding again was a sixth of the reading process's work).

def _text(node) -> str:
    """A <text> element's text ("" for none, and for deleted text: <text deleted="deleted" />)."""
    return "" if node is None else node.text or ""


def _utf8(node) -> bytes:
    """The same text as UTF-8 bytes, copied out of lxml's tree without a str in between."""
    if node is None or len(node):  # len: child elements (not in an export): what .text gives
        return _text(node).encode()
    from lxml import etree

    return etree.tostring(node, method="text", encoding="utf-8", with_tail=False)


def iter_latest(path: str):
    """(namespace, title, text, revision id) of every page's latest revision; DumpError at a cut."""
    fh = open_dump(path)
    reader = _Reader(fh)
    try:
        for ns, title, node, revid, _model in reader:
            yield ns, title, _text(node), revid
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
        verdict = self.by_title(namespace, title, model)
        return verdict if verdict is not None else self.infobox_re.search(text) is not None

    def by_title(self, namespace: int | None, title: str, model: str | None = None) -> bool | None:
        """Whether a page is wanted, when its namespace, model or title decide; None when only
        its text can say (namespace 0, wikitext, a title without the bilateral pattern)."""
        if namespace != 0 or (model is not None and model != "wikitext"):
            return False
        return True if self.title_ok(title) else None


# ------------------------------------------------------------------ workers

_W: dict = {}


def _work(title: str, text: str, revid, source: str):
    """One page in a worker: a report page entry / a bundle entry, or None (nothing to report)."""
    from .tree import paused_call

    opts = _W["opts"]
    if _W["task"] == "lint":
        from .report import lint_entry

        listed = opts.get("exceptions")
        page = lint_entry(text, title, source, _W["profile"], _W["gaz"], opts["select"], opts["ignore"],
                          listed.for_page(title) if listed else None)
        if page["status"] == "skipped" and page.get("reason") == "not-bilateral":
            return None  # the infobox regex's false positive: not a page relbot checks
        return page
    return paused_call(_propose, title, text, revid, source, opts)


def _propose(title: str, text: str, revid, source: str, opts: dict):
    from .fixes import fix_page
    from .review import entry

    listed = opts.get("exceptions")
    out = fix_page(text, title, _W["profile"], _W["gaz"], unsafe=opts["unsafe"], layout=opts["layout"],
                   select=opts["select"], ignore=opts["ignore"], exceptions=listed.for_page(title) if listed else None)
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
            if isinstance(text, bytes):  # UTF-8 straight from the reader's XML tree
                text = text.decode()
            result = ("ok", _work(title, text, revid, source))
        except Exception as exc:  # noqa: BLE001 - one bad page must not end the scan
            result = ("error", f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}")
        outbox.send_bytes(pickle.dumps(result, pickle.HIGHEST_PROTOCOL))


_PKG_PARENT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _widen(fd: int) -> int:
    """Ask a pipe to hold ``_PIPE_BYTES``; what it holds now (0 where the system does not say).

    A page waiting in the pipe lets a worker go on without waiting for the reading process, and
    a whole answer fits without the worker waiting for it to be read. Linux grants up to
    /proc/sys/fs/pipe-max-size (1 MB by default) while the user's pipes stay under their limit.
    """
    try:
        import fcntl

        try:
            fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
        except OSError:
            pass  # above the limits: keep the size it has
        return fcntl.fcntl(fd, fcntl.F_GETPIPE_SZ)
    except (ImportError, AttributeError, OSError):
        return 0


class _Worker:
    """One worker process of our own: a fresh interpreter (no fork of the reading process, so no
    inherited threads, pipes or memory), talking over two pipes; killed and replaced at will.

    ``tasks`` are the pages sent and not yet answered, oldest first: the worker is on the first
    (since ``since``); a second one may wait in the pipe when both fit in it together, so that
    writing it can never block on a busy worker.
    """

    __slots__ = ("proc", "inbox", "conn", "started", "tasks", "since", "room")

    def __init__(self, args: tuple):
        import subprocess
        from multiprocessing.connection import Connection

        down_r, down_w = os.pipe()
        up_r, up_w = os.pipe()
        self.room = _widen(down_w)
        _widen(up_w)
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
        self.started = False
        self.tasks: deque = deque()  # ((seq, title, text, revid, source), message bytes)
        self.since = time.monotonic()

    def can_take(self, size: int) -> bool:
        """Whether a page of ``size`` message bytes may be sent now without blocking on a busy worker."""
        if not self.started:
            return False
        if not self.tasks:
            return True
        return len(self.tasks) == 1 and self.tasks[0][1] + size + 16 <= self.room

    def send(self, item: tuple, data: bytes) -> None:
        self.inbox.send_bytes(data)
        if not self.tasks:
            self.since = time.monotonic()
        self.tasks.append((item, len(data)))

    def done(self) -> tuple:
        """The answered page; the next one, if any, starts now."""
        item = self.tasks.popleft()[0]
        self.since = time.monotonic()
        return item

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
        """Ask an idle worker to end; ``finish`` waits for it (so that workers end together)."""
        try:
            self.inbox.send(None)
        except (OSError, ValueError):
            pass
        self.inbox.close()

    def finish(self) -> None:
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
              on_skip=None, exceptions=None):
    """Lint (``task="lint"``) or fix (``"propose"``) the bilateral pages of a dump, in dump order.

    ``lint`` yields report page entries (``bot.report.page_entry``, source ``<dump name>:<title>``),
    a page that took longer than ``page_timeout`` seconds or broke relbot as a skipped entry
    (reason ``unparseable``). ``propose`` yields bundle entries (``bot.review.entry``, base revision
    = the dump's revision id) for the pages whose text the fixes change; pages skipped for time
    go to ``on_skip(entry)`` (a report page entry) when it is given. ``exceptions``: the
    exceptions page's entries (bot.exceptions.Exceptions), whose findings are suppressed. Raises InputError for a
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
            "unsafe": unsafe, "layout": layout, "exceptions": exceptions}
    try:
        scan = _Scan(fh, name, task, profile, profile_name, opts, jobs, page_timeout, progress, on_skip)
    except BaseException:
        fh.close()  # a decompressor program must not be left behind
        raise
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
        self.selector = selectors.DefaultSelector()
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
        workers get looked after while long stretches of other pages are read. The text is
        UTF-8 bytes when the title decided (never decoded here), a str when the regex had to."""
        by_title, infobox = self.filter.by_title, self.filter.infobox_re.search
        last = time.monotonic()
        for ns, title, node, revid, model in self.reader:
            verdict = by_title(ns, title, model)
            if verdict:
                text = _utf8(node)
            elif verdict is None:
                text = _text(node)
                verdict = infobox(text) is not None
            if verdict:
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
        self.selector.register(w.conn, selectors.EVENT_READ, w)
        return w

    def _drop(self, w: _Worker) -> None:
        self.selector.unregister(w.conn)
        self.workers.remove(w)
        w.kill()

    def _renew(self, w: _Worker) -> None:
        self._drop(w)
        self._start()

    def _lost(self, w: _Worker, detail: str, pending: deque) -> None:
        """A worker that died or ran out of time: its page is skipped, a page waiting behind
        it goes back to the front of the queue, and a new worker takes its place."""
        (seq, title, _t, _r, source), _ = w.tasks.popleft()
        self._finish(seq, ("skip", _skipped(title, source, detail)))
        pending.extendleft(item for item, _ in reversed(w.tasks))
        self._renew(w)

    def _finish(self, seq: int, value: tuple) -> None:
        if value[0] == "raw":
            self.buffered += len(value[1])
        self.results[seq] = value

    def _collect(self, timeout: float, pending: deque) -> None:
        """Take the answers that are there (waiting up to ``timeout``), then enforce deadlines."""
        for key, _ in self.selector.select(timeout):
            w = key.data
            try:
                data = w.conn.recv_bytes()
            except (EOFError, OSError):
                data = None
            if data is None:  # the worker died
                code = w.exitcode()
                if not w.started:
                    self._drop(w)
                    raise RuntimeError(f"a dump worker process could not start (exit code {code})")
                if w.tasks:
                    self._lost(w, f"the worker process died (exit code {code})", pending)
                else:  # died while idle: no page lost
                    self._renew(w)
                continue
            if not w.started:
                w.started = True
                continue
            seq, title, _t, _r, source = w.done()
            self._finish(seq, ("raw", data, title, source))
        now = time.monotonic()
        for w in list(self.workers):
            if w.tasks and now - w.since > self.timeout:
                self._lost(w, f"took longer than {self.timeout:g} s", pending)
            elif not w.started and now - w.since > _START_TIMEOUT:
                self._drop(w)
                raise RuntimeError(f"a dump worker process did not start within {_START_TIMEOUT:g} s")

    def _dispatch(self, pending: deque) -> None:
        """Give idle workers a page each, then a second page to wait in the pipe where it fits."""
        message = None  # (item, its bytes): a page is pickled once, however many workers it is offered to
        for queued in (0, 1):
            for w in list(self.workers):
                if not pending:
                    return
                if len(w.tasks) != queued:
                    continue
                if self.buffered > _REORDER_BYTES and pending[0][0] != self.next_out:
                    return  # results wait for an earlier page: do not run further ahead
                item = pending[0]
                if message is None or message[0] is not item:
                    message = (item, pickle.dumps(item[1:], pickle.HIGHEST_PROTOCOL))
                data = message[1]
                if not w.can_take(len(data)):
                    continue
                pending.popleft()
                try:
                    w.send(item, data)
                except (OSError, ValueError):  # it died: the page never reached it
                    pending.appendleft(item)
                    if w.tasks:
                        self._lost(w, "the worker process died", pending)
                    else:
                        self._renew(w)

    def _deadline(self) -> float:
        now = time.monotonic()
        ends = [w.since + (self.timeout if w.started else _START_TIMEOUT) - now
                for w in self.workers if w.tasks or not w.started]
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
            self._collect(0, pending)
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
            self._collect(self._deadline(), pending)
        self._progress()
        if self.reader.error is not None:
            raise DumpError(self.reader.describe_error())

    def close(self) -> None:
        idle = [w for w in self.workers if w.started and not w.tasks]
        for w in self.workers:
            if w in idle:
                w.stop()
            else:  # busy, or still starting (waiting for those took 2 s each)
                w.kill()
        for w in idle:
            w.finish()
        self.workers.clear()
        self.selector.close()
        if self.bar is not None:
            self.bar.close()
