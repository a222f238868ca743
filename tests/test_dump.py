"""Dump scans (``relbot lint --dump``, ``bot.dump.scan_dump``): dumps written here from the fixtures.

Each dump is a MediaWiki export (export-0.10) with bilateral pages in several revisions (only
the latest counts), other pages, a talk page with a bilateral title, plain or compressed.
"""

from __future__ import annotations

import bz2
import gzip
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.article import build, split_title
from bot import dump as dump_module
from bot.cli import main
from bot.dump import DumpError, PageFilter, iter_latest, scan_dump
from bot.fixes import fix_page
from bot.report import page_entry
from bot.review import entry as bundle_entry
from bot.schema import validator
from bot.sources import InputError
from bot.validate import validate
from conftest import FIXTURES, ROOT, SEED, read, title_of

CLEAN = sorted((FIXTURES / "clean").glob("*.wikitext"))
T001 = next((FIXTURES / "rules" / "T001").glob("*.wikitext"))
L007 = next((FIXTURES / "rules" / "L007").glob("*.wikitext"))
HOSTILE = "{{a|b " * 8000  # 48 KB of unterminated templates


def page_xml(title: str, ns: int, page_id: int, texts: list[str], first_rev: int) -> str:
    revs = "".join(
        f"<revision><id>{first_rev + i}</id><timestamp>2024-01-0{i + 1}T00:00:00Z</timestamp>"
        f"<contributor><username>U</username><id>1</id></contributor><model>wikitext</model>"
        f"<format>text/x-wiki</format><text xml:space=\"preserve\">{escape(t)}</text></revision>\n"
        for i, t in enumerate(texts))
    return f"<page><title>{escape(title)}</title><ns>{ns}</ns><id>{page_id}</id>\n{revs}</page>\n"


def write_dump(path: Path, pages: list[tuple[str, int, list[str]]], filler: int = 0) -> Path:
    """``pages``: (title, namespace, texts oldest first); ``filler`` more plain pages after them."""
    parts = ['<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" xml:lang="bn">\n'
             "<siteinfo><sitename>উইকিপিডিয়া</sitename><dbname>bnwiki</dbname><case>first-letter</case>"
             '<namespaces><namespace key="0" case="first-letter" />'
             '<namespace key="1" case="first-letter">আলোচনা</namespace></namespaces></siteinfo>\n']
    for i, (title, ns, texts) in enumerate(pages):
        parts.append(page_xml(title, ns, i + 1, texts, 100 * (i + 1)))
    prose = "ঢাকা বাংলাদেশের রাজধানী। [[ঢাকা]] {{তথ্যছক শহর|নাম=ঢাকা}} " * 40
    for j in range(filler):
        parts.append(page_xml(f"ঢাকা {j}", 0, 10_000 + j, [f"{prose} {j}"], 100_000 + j))
    parts.append("</mediawiki>\n")
    data = "".join(parts).encode()
    if path.suffix == ".bz2":
        data = bz2.compress(data, compresslevel=1)  # 100 KB blocks: a cut keeps the blocks before it
    elif path.suffix == ".gz":
        data = gzip.compress(data)
    path.write_bytes(data)
    return path


def standard_pages() -> list[tuple[str, int, list[str]]]:
    clean1, clean2 = CLEAN
    return [
        # only the latest revision counts: the older ones have findings the latest has not
        (title_of(clean1), 0, [read(T001), read(L007), read(clean1)]),
        ("ঢাকা", 0, ["ঢাকা বাংলাদেশের রাজধানী ও বৃহত্তম শহর।"]),
        (f"আলোচনা:{title_of(SEED)}", 1, [read(SEED)]),  # a talk page: never parsed
        (title_of(SEED), 0, [read(clean2), read(SEED)]),
        ("বাংলাদেশ ও ভুটান", 0, [read(clean1)]),  # not a relations title, but the infobox
        ("ভুটানের ইতিহাস", 0, [read(clean1).replace("তথ্যছক দ্বিপাক্ষিক সম্পর্ক", "তথ্যছক দেশ")]),
        (title_of(clean2), 0, [read(clean2)]),
    ]


EXPECTED = [title_of(CLEAN[0]), title_of(SEED), "বাংলাদেশ ও ভুটান", title_of(CLEAN[1])]


@pytest.fixture(scope="module")
def dumps(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dumps")
    return {kind: write_dump(folder / f"wiki.xml{kind}", standard_pages()) for kind in ("", ".bz2", ".gz")}


def in_process(path: Path, profile, gaz) -> list[dict]:
    """What the scan must give: page_entry of the latest revision of each wanted page."""
    latest = {t: texts[-1] for t, ns, texts in standard_pages() if ns == 0}
    out = []
    for title in EXPECTED:
        art = build(latest[title], title, profile, gaz)
        out.append(page_entry(art, f"{path.name}:{title}", validate(art)))
    return out


@pytest.mark.parametrize("kind", ["", ".bz2", ".gz"])
def test_scan_lints_the_latest_revision_of_bilateral_pages(dumps, kind, profile, gaz):
    path = dumps[kind]
    got = list(scan_dump(str(path), "lint", "bn", jobs=1))
    assert [e["title"] for e in got] == EXPECTED  # dump order; talk page and ordinary pages left out
    assert got == in_process(path, profile, gaz)
    assert got[0]["findings"] == []  # the clean latest revision, not the older T001/L007 ones


def test_findings_match_relbot_lint_on_the_same_text(dumps, tmp_path, capsys):
    folder = tmp_path / "pages"
    folder.mkdir()
    latest = {t: texts[-1] for t, ns, texts in standard_pages() if ns == 0}
    for title in EXPECTED:
        (folder / f"{title.replace(' ', '_')}.wikitext").write_text(latest[title], "utf-8")
    assert main(["lint", str(folder), "--format", "json", "-o", str(tmp_path / "files.json")]) in (0, 1)
    assert main(["lint", "--dump", str(dumps[""]), "--format", "json", "-o", str(tmp_path / "dump.json")]) in (0, 1)
    files = {p["title"]: p for p in json.loads((tmp_path / "files.json").read_text("utf-8"))["pages"]}
    dump = json.loads((tmp_path / "dump.json").read_text("utf-8"))
    validator("report").validate(dump)
    assert [p["title"] for p in dump["pages"]] == EXPECTED
    for page in dump["pages"]:
        assert page["source"] == f"wiki.xml:{page['title']}"
        assert page["findings"] == files[page["title"]]["findings"]
        assert page["status"] == files[page["title"]]["status"]
    assert any(p["findings"] for p in dump["pages"])  # the seed article has findings


def test_equal_messages_in_an_entry_are_one_object(profile, gaz):
    """A dump worker pickles each entry: equal messages must go once, not once per finding."""
    import pickle

    from bot.report import lint_entry

    text = read(SEED).replace("== তথ্যসূত্র ==", "ঢাকায় আর্জেন্টিনার একটি দূতাবাস আছে।\n\n" * 30 + "== তথ্যসূত্র ==")
    entry = lint_entry(text, title_of(SEED), "x", profile, gaz)
    messages = [f["message"][lang] for f in entry["findings"] for lang in ("bn", "en")]
    assert len(messages) > 2 * len(set(messages))  # repeated findings
    assert len({id(m) for m in messages}) == len(set(messages))
    copied = pickle.loads(pickle.dumps(entry))
    assert copied == entry and len({id(f["message"]["bn"]) for f in copied["findings"]}) < len(copied["findings"])


def test_jobs_2_gives_the_same_pages_as_jobs_1(dumps):
    path = str(dumps[".gz"])
    assert list(scan_dump(path, "lint", "bn", jobs=2)) == list(scan_dump(path, "lint", "bn", jobs=1))


def test_select_and_ignore_reach_the_workers(dumps):
    got = list(scan_dump(str(dumps[""]), "lint", "bn", jobs=1, select=["L"], ignore=["L007"]))
    codes = {f["code"] for p in got for f in p["findings"]}
    assert codes and all(c.startswith("L") and c != "L007" for c in codes)


def test_propose_yields_bundle_entries_with_the_dump_revision(dumps, profile, gaz):
    got = list(scan_dump(str(dumps[".bz2"]), "propose", "bn", jobs=1))
    seed = read(SEED)
    out = fix_page(seed, title_of(SEED), profile, gaz)
    assert out.changed
    want = bundle_entry(out, f"wiki.xml.bz2:{title_of(SEED)}", 401, profile)  # page 4, its 2nd revision
    assert [e["title"] for e in got] == [title_of(SEED)]  # the clean pages need no fix
    assert got[0]["base_revid"] == 401
    assert got[0]["id"] == want["id"] and got[0]["diff"] == want["diff"]


def mwxml_latest(source) -> list[tuple]:
    """What mwxml's own Page and Revision objects say (a path or bytes): the reference for relbot's reader."""
    import io

    import mwxml

    out = []
    with (io.BytesIO(source) if isinstance(source, bytes) else open(source, "rb")) as fh:
        for page in mwxml.Dump.from_file(fh).pages:
            latest = None
            for rev in page:
                latest = rev
            out.append((page.namespace, page.title, latest.text or "", latest.id))
    return out


def test_reader_gives_what_mwxml_objects_give(dumps, tmp_path):
    assert list(iter_latest(str(dumps[""]))) == mwxml_latest(dumps[""])
    # entities, character references, text outside the BMP, an empty and a deleted text, an
    # underscore title, pages without <ns> (old export formats: the namespace is in the title)
    # and the fields relbot does not use (parent, contributor, origin, sha1, restrictions, …)
    tricky = "a &lt;ref name=&quot;x&quot;&gt;b&amp;c&lt;/ref&gt; &#2437;&#x995; 😀 '&apos;' \r\n"
    head = ('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="bn">'
            "<siteinfo><sitename>w</sitename><namespaces><namespace key=\"0\" case=\"first-letter\" />"
            '<namespace key="1" case="first-letter">আলোচনা</namespace></namespaces></siteinfo>')
    rev = ("<revision><id>{id}</id><parentid>1</parentid><timestamp>2024-01-01T00:00:00Z</timestamp>"
           "<contributor><ip>127.0.0.1</ip></contributor><origin>{id}</origin><model>wikitext</model>"
           "<format>text/x-wiki</format>{text}<sha1>x</sha1></revision>")
    pages = [
        "<page><title>ক_খ সম্পর্ক</title><ns>0</ns><id>1</id><redirect title=\"x\" />"
        + rev.format(id=10, text="<text>old</text>") + rev.format(id=11, text=f"<text bytes=\"9\">{tricky}</text>")
        + "</page>",
        "<page><title>আলোচনা:ক–খ সম্পর্ক</title><id>2</id>" + rev.format(id=20, text="<text>t</text>") + "</page>",
        "<page><title>ঢাকা</title><id>3</id>" + rev.format(id=30, text="<text />") + "</page>",
        "<page><title>খ</title><ns>0</ns><id>4</id><restrictions>edit=sysop</restrictions>"
        + rev.format(id=40, text='<text deleted="deleted" />') + "</page>",
        # comments and processing instructions are not text (an export has none: still as mwxml)
        "<page><title>গ<!--x--></title><ns>0</ns><id>5</id>"
        + rev.format(id=50, text="<text>a<!--c-->b<?pi x?>c</text>") + "</page>",
    ]
    path = tmp_path / "tricky.xml"
    path.write_text(head + "".join(pages) + "</mediawiki>", "utf-8")
    got = list(iter_latest(str(path)))
    assert got == mwxml_latest(path)
    assert [g[:2] for g in got] == [(0, "ক খ সম্পর্ক"), (1, "ক–খ সম্পর্ক"), (0, "ঢাকা"), (0, "খ"), (0, "গ")]
    assert got[-1][2] == "abc"
    # the XML is undone exactly: references, entities, and a CR LF line end read as LF
    assert got[0][2:] == ("a <ref name=\"x\">b&c</ref> অক 😀 \'\'\' \n", 11)


def truncated(path: Path, kind: str) -> Path:
    """The dump of three bilateral pages and filler pages, cut at 70 %."""
    pages = [(title_of(p), 0, [read(p)]) for p in CLEAN] + [(title_of(SEED), 0, [read(SEED)])]
    full = write_dump(path.with_name(f"full.xml{kind}"), pages, filler=150)
    data = full.read_bytes()
    cut = path.with_name(f"cut.xml{kind}")
    cut.write_bytes(data[: int(len(data) * 0.7)])
    return cut


@pytest.mark.parametrize("kind", ["", ".bz2", ".gz"])
def test_truncated_dump_exits_2_naming_the_last_page_and_keeps_the_report(tmp_path, kind, capsys):
    cut = truncated(tmp_path / "x", kind)
    out = tmp_path / "report.json"
    capsys.readouterr()
    rc = main(["lint", "--dump", str(cut), "--format", "json", "-o", str(out), "--jobs", "1"])
    err = capsys.readouterr().err
    assert rc == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("relbot: error: truncated or corrupt dump after page 'ঢাকা ")
    assert "pages read)" in lines[0]
    report = json.loads(out.read_text("utf-8"))
    validator("report").validate(report)
    assert [p["title"] for p in report["pages"]] == [title_of(p) for p in CLEAN] + [title_of(SEED)]
    assert report["summary"]["input_errors"] == [lines[0].removeprefix("relbot: error: ")]


class Capped:
    """A dump file object whose reads give at most ``size`` bytes, as a pipe may give any amount."""

    def __init__(self, fh, size: int):
        self.fh = fh
        self.size = size
        self.reads = 0

    def read(self, n: int = -1) -> bytes:
        self.reads += 1
        return getattr(self.fh, "read1", self.fh.read)(self.size if n < 0 else min(n, self.size))

    read1 = read

    def close(self) -> None:
        self.fh.close()


def cap_reads(monkeypatch, size: int | None) -> list:
    """Make every dump opened from now on give reads of at most ``size`` bytes (None: as it
    comes); the list gets each Capped file object opened."""
    opened = []
    if size is not None:
        real = dump_module.open_dump

        def open_capped(path):
            opened.append(Capped(real(path), size))
            return opened[-1]

        monkeypatch.setattr(dump_module, "open_dump", open_capped)
    return opened


BAD_PAGE = b"<page><title>x</titel></page>"


def damaged_after(path: Path, pages: int) -> Path:
    """The dump at ``path`` with a page of bad XML after its first ``pages`` pages."""
    data = path.read_bytes()
    at = 0
    for _ in range(pages + 1):
        at = data.index(b"<page>", at + 1)
    path.write_bytes(data[:at] + BAD_PAGE + data[at:])
    return path


# Read sizes: one byte, seven (a UTF-8 character cut between reads), a page or so, and 1 MB:
# the dump, and with it the damage, in the same read as the pages before it.
READ_SIZES = [1, 7, 4096, 1 << 20]


@pytest.mark.parametrize("size", READ_SIZES)
def test_bad_xml_in_the_middle_is_a_dump_error_after_the_pages_before_it(tmp_path, monkeypatch, size):
    path = damaged_after(write_dump(tmp_path / "bad.xml", [(title_of(p), 0, [read(p)]) for p in CLEAN]), 1)
    opened = cap_reads(monkeypatch, size)
    got = []
    with pytest.raises(DumpError, match=rf"after page '{title_of(CLEAN[0])}' \(1 pages read\)"):
        for e in scan_dump(str(path), "lint", "bn", jobs=1):
            got.append(e["title"])
    assert got == [title_of(CLEAN[0])]
    if size == 1 << 20:  # the whole dump in one read: damage and page together
        assert opened[0].reads <= 3


def filler_dump(tmp_path: Path, name: str = "bad.xml") -> Path:
    """Three bilateral pages and 150 others, bad XML after the 100th of those (page 103)."""
    pages = [(title_of(p), 0, [read(p)]) for p in CLEAN] + [(title_of(SEED), 0, [read(SEED)])]
    return damaged_after(write_dump(tmp_path / name, pages, filler=150), 103)


AFTER_103 = ("truncated or corrupt dump after page 'ঢাকা 99' (103 pages read): XMLSyntaxError: "
             "Opening and ending tag mismatch: title line ")


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("size", [7, 4096, 1 << 20, None])
def test_every_page_before_bad_xml_is_kept_whatever_the_reads_and_the_jobs(tmp_path, monkeypatch, capsys,
                                                                            size, jobs):
    """A dump of 250 KB, many reads long: the 103 pages before the damage are counted and the
    report has its three bilateral pages, whatever the size of the reads (None: as the file
    gives them) and the number of workers; the error is one line and the exit code 2."""
    path = filler_dump(tmp_path)
    cap_reads(monkeypatch, size)
    titles = []
    with pytest.raises(DumpError) as err:
        for _ns, title, _text, _revid in iter_latest(str(path)):
            titles.append(title)
    assert str(err.value).startswith(AFTER_103)
    assert titles == [title_of(p) for p in CLEAN] + [title_of(SEED)] + [f"ঢাকা {j}" for j in range(100)]
    out = tmp_path / "report.json"
    capsys.readouterr()
    rc = main(["lint", "--dump", str(path), "--format", "json", "-o", str(out), "--jobs", str(jobs)])
    lines = capsys.readouterr().err.strip().splitlines()
    assert rc == 2
    assert len(lines) == 1 and lines[0].startswith("relbot: error: " + AFTER_103)
    report = json.loads(out.read_text("utf-8"))
    assert [p["title"] for p in report["pages"]] == [title_of(p) for p in CLEAN] + [title_of(SEED)]
    assert report["summary"]["input_errors"] == [lines[0].removeprefix("relbot: error: ")]


@pytest.mark.parametrize("size", [7, 4096, 1 << 20, None])
@pytest.mark.parametrize("cut,pages", [("in its text", 103), ("before </page>", 103), ("after </page>", 104)])
def test_a_page_cut_short_is_not_read_whatever_the_reads(tmp_path, monkeypatch, size, cut, pages):
    """A plain dump cut in page 104 (in its text, or between its </revision> and </page>) has
    103 pages read, cut right after its </page> 104: whatever the size of the reads (lxml ends
    the elements left open when the bytes end; those ends are not pages read)."""
    pages_in = [(title_of(p), 0, [read(p)]) for p in CLEAN] + [(title_of(SEED), 0, [read(SEED)])]
    path = write_dump(tmp_path / "cut.xml", pages_in, filler=150)
    data = path.read_bytes()
    start = 0
    for _ in range(104):
        start = data.index(b"<page>", start + 1)
    at = {"in its text": data.index(b"<text", start) + 200, "before </page>": data.index(b"</page>", start),
          "after </page>": data.index(b"</page>", start) + len(b"</page>")}[cut]
    path.write_bytes(data[:at])
    cap_reads(monkeypatch, size)
    want = [title_of(p) for p in CLEAN] + [title_of(SEED)] + [f"ঢাকা {j}" for j in range(pages - 3)]
    got, message = read_cut(path)
    assert got == want
    assert message.startswith(f"truncated or corrupt dump after page '{want[-1]}' ({pages} pages read): "
                              "XMLSyntaxError: Premature end of data in tag ")


@pytest.mark.parametrize("body", ["<html><p>x</p></html>", "<feed><page><title>ক–খ সম্পর্ক</title></page></feed>"])
def test_xml_that_is_not_an_export_is_a_dump_error(tmp_path, body):
    path = tmp_path / "other.xml"
    path.write_text(body, "utf-8")
    with pytest.raises(DumpError, match=r"before the first page \(0 pages read\).*the root element is <(html|feed)>"):
        list(iter_latest(str(path)))
    start = time.monotonic()
    with pytest.raises(DumpError, match="the root element is"):
        list(scan_dump(str(path), "lint", "bn", jobs=6))
    # workers still starting are killed, not waited for (that was 2 s each)
    assert time.monotonic() - start < 4


def test_comments_and_unknown_elements_between_pages_are_passed_over(tmp_path):
    path = write_dump(tmp_path / "w.xml", standard_pages())
    data = path.read_text("utf-8")
    second = data.index("<page>", data.index("<page>") + 1)
    path.write_text(data[:second] + "<!-- a comment --><upload><page><title>x</title></page></upload>"
                    + data[second:], "utf-8")
    assert list(iter_latest(str(path))) == list(iter_latest(str(write_dump(tmp_path / "v.xml", standard_pages()))))


# Every way relbot decompresses: each program it looks for (where installed) and Python's module.
DECOMPRESSORS = [(kind, argv) for kind, tools in dump_module._TOOLS.items() for argv in tools] + [
    (kind, None) for kind in dump_module._TOOLS]
SUFFIX = {"bzip2": ".bz2", "gzip": ".gz", "xz": ".xz"}


def only(monkeypatch, kind: str, argv) -> None:
    """Make relbot decompress ``kind`` with ``argv`` only (None: Python's module)."""
    import shutil

    if argv is not None and not shutil.which(argv[0]):
        if os.environ.get("CI"):  # .ci/apt-packages installs every program: missing is a failure there
            pytest.fail(f"{argv[0]} is not installed, and CI installs it (.ci/apt-packages)")
        pytest.skip(f"{argv[0]} is not installed (an optional program; .ci/apt-packages installs it in CI)")
    monkeypatch.setitem(dump_module._TOOLS, kind, (argv,) if argv else ())


def compressed(path: Path, kind: str, data: bytes) -> Path:
    import lzma

    out = path.with_name(path.name + SUFFIX[kind])
    out.write_bytes({"bzip2": lambda d: bz2.compress(d, compresslevel=1), "gzip": gzip.compress,
                     "xz": lzma.compress}[kind](data))
    return out


@pytest.mark.parametrize("kind,argv", DECOMPRESSORS, ids=lambda x: " ".join(x) if isinstance(x, tuple) else x)
def test_every_decompressor_reads_what_the_plain_dump_holds(tmp_path, monkeypatch, kind, argv):
    only(monkeypatch, kind, argv)
    plain = write_dump(tmp_path / "w.xml", standard_pages(), filler=40)
    packed = compressed(plain, kind, plain.read_bytes())
    fh = dump_module.open_dump(str(packed))
    try:
        assert isinstance(fh, dump_module._Decompressor) == (argv is not None)
    finally:
        fh.close()
    assert list(iter_latest(str(packed))) == list(iter_latest(str(plain)))


def read_cut(path: Path) -> tuple[list[str], str]:
    """The titles read from a cut dump, and the DumpError's message."""
    got = []
    with pytest.raises(DumpError) as err:
        for _ns, title, _text, _revid in iter_latest(str(path)):
            got.append(title)
    return got, str(err.value)


# A program that gives part of what it decoded and then fails, as lbzip2 does at random with a
# cut file (real bzip2's output, cut short by head).
HOLDS_BACK = ("sh", "-c", "bzip2 -dc | head -c 150000; exit 2")


@pytest.mark.parametrize("kind,argv", DECOMPRESSORS + [("bzip2", HOLDS_BACK)],
                         ids=lambda x: " ".join(x) if isinstance(x, tuple) else x)
def test_every_decompressor_reads_a_cut_or_damaged_dump_up_to_the_damage(tmp_path, monkeypatch, kind, argv):
    """Every page before the cut and the message naming the last, the same whichever program is
    installed. A program that fails having held data back (lbzip2 at random, HOLDS_BACK always)
    is followed by Python's module from where it stopped."""
    pages = [(title_of(p), 0, [read(p)]) for p in CLEAN] + [(title_of(SEED), 0, [read(SEED)])]
    plain = write_dump(tmp_path / "w.xml", pages, filler=800)  # 3.6 MB: the cut is far from the first pages
    packed = compressed(plain, kind, plain.read_bytes())
    cut = tmp_path / ("cut" + SUFFIX[kind])
    cut.write_bytes(packed.read_bytes()[: int(packed.stat().st_size * 0.7)])
    only(monkeypatch, kind, None)
    want, message = read_cut(cut)
    assert want[:3] == [p[0] for p in pages] and len(want) > 100
    assert re.match(rf"truncated or corrupt dump after page '{want[-1]}' \({len(want)} pages read\): ", message)
    only(monkeypatch, kind, argv)
    assert read_cut(cut) == (want, message)
    damaged = bytearray(packed.read_bytes())
    damaged[int(len(damaged) * 0.3)] ^= 0x55
    cut.write_bytes(bytes(damaged))
    only(monkeypatch, kind, None)
    want, message = read_cut(cut)
    only(monkeypatch, kind, argv)
    got, said = read_cut(cut)
    # a program may give a damaged block before its check fails: the message is still the
    # decompressor's (read on past the XML error), not lxml's
    assert said.split(" pages read): ")[1] == message.split(" pages read): ")[1]
    assert abs(len(got) - len(want)) <= 2 and got[: len(want) - 2] == want[:-2]
    junk = tmp_path / ("junk" + SUFFIX[kind])
    junk.write_bytes(packed.read_bytes()[:10] + b"not compressed data at all" * 50)
    with pytest.raises(DumpError, match="before the first page \\(0 pages read\\)"):
        list(iter_latest(str(junk)))


@pytest.mark.parametrize("kind,argv", DECOMPRESSORS, ids=lambda x: " ".join(x) if isinstance(x, tuple) else x)
def test_every_decompressor_keeps_every_page_before_bad_xml(tmp_path, monkeypatch, kind, argv):
    """Bad XML in sound compressed data: the pages before it whichever program (or module)
    decompresses, as the reads come (a pipe gives what the program has written) and 1 MB at most."""
    only(monkeypatch, kind, argv)
    plain = filler_dump(tmp_path)
    packed = compressed(plain, kind, plain.read_bytes())
    want = [title_of(p) for p in CLEAN] + [title_of(SEED)] + [f"ঢাকা {j}" for j in range(100)]
    got, message = read_cut(packed)
    assert got == want and message.startswith(AFTER_103)
    cap_reads(monkeypatch, 1 << 20)
    got, message = read_cut(packed)
    assert got == want and message.startswith(AFTER_103)


def test_a_decompressor_stops_with_the_scan(tmp_path, monkeypatch):
    only(monkeypatch, "bzip2", ("bzip2", "-dc"))
    plain = write_dump(tmp_path / "w.xml", standard_pages(), filler=400)
    packed = compressed(plain, "bzip2", plain.read_bytes())
    fh = dump_module.open_dump(str(packed))
    assert fh.read(100).startswith(b"<mediawiki")
    fh.close()
    assert fh.proc.returncode is not None  # killed and reaped, not left running
    pages = iter_latest(str(packed))
    next(pages)
    pages.close()  # a consumer that stops early
    assert not [p for p in _children_of(os.getpid()) if p != os.getpid()]


def _children_of(pid: int) -> list[int]:
    out = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                stat = Path(f"/proc/{name}/stat").read_bytes()
            except OSError:
                continue
            if int(stat[stat.rindex(b")") + 2:].split()[1]) == pid and b"bzip2" in stat:
                out.append(int(name))
    return out


def test_a_program_that_will_not_start_leaves_the_dump_to_python(tmp_path, monkeypatch):
    plain = write_dump(tmp_path / "w.xml", standard_pages())
    packed = compressed(plain, "bzip2", plain.read_bytes())
    broken = tmp_path / "bin" / "lbzip2"
    broken.parent.mkdir()
    broken.write_text("#!/nowhere/to/be/found\n")
    broken.chmod(0o755)
    monkeypatch.setenv("PATH", f"{broken.parent}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setitem(dump_module._TOOLS, "bzip2", (("lbzip2", "-dc"),))
    before = set(os.listdir("/proc/self/fd"))
    assert list(iter_latest(str(packed))) == list(iter_latest(str(plain)))
    assert set(os.listdir("/proc/self/fd")) <= before  # no descriptor left open


def test_a_scan_that_cannot_start_stops_its_decompressor(tmp_path, monkeypatch):
    plain = write_dump(tmp_path / "w.xml", standard_pages(), filler=400)
    packed = compressed(plain, "bzip2", plain.read_bytes())
    only(monkeypatch, "bzip2", ("bzip2", "-dc"))

    def no_selector():
        raise OSError(24, "Too many open files")

    monkeypatch.setattr(dump_module.selectors, "DefaultSelector", no_selector)
    with pytest.raises(OSError, match="Too many open files"):
        next(scan_dump(str(packed), "lint", "bn", jobs=1))
    assert not _children_of(os.getpid())


def test_a_compressed_dump_on_stdin_from_a_pipe_or_a_file(tmp_path):
    """``--dump -``: from a pipe Python's module decompresses (the first bytes are in Python's
    buffer already); from a file (``< dump.bz2``) the program reads it."""
    plain = write_dump(tmp_path / "w.xml", standard_pages())
    packed = compressed(plain, "bzip2", plain.read_bytes())
    code = ("from bot.dump import _Reader, open_dump\n"
            "f = open_dump('-'); r = _Reader(f); n = sum(1 for _ in r); f.close()\n"
            "print(type(f).__name__, n, r.error)")

    def run(stdin):
        r = subprocess.run([sys.executable, "-c", code], stdin=stdin, capture_output=True, text=True,
                           timeout=60, cwd=ROOT)
        assert r.returncode == 0, r.stderr
        return r.stdout.split()

    with open(packed, "rb") as fh:
        cat = subprocess.Popen(["cat"], stdin=fh, stdout=subprocess.PIPE)
        piped = run(cat.stdout)
        cat.wait()
    with open(packed, "rb") as fh:
        redirected = run(fh)
    head = tmp_path / "head.bin"  # a file whose dump starts further in: stdin read from there on
    head.write_bytes(b"HEAD\n" + packed.read_bytes())
    with open(head, "rb", buffering=0) as fh:
        fh.read(5)
        further = run(fh)
    assert piped == ["BZ2File", str(len(standard_pages())), "None"]
    assert redirected == further == ["_Decompressor", str(len(standard_pages())), "None"]


def test_not_a_dump_and_missing_file(tmp_path, capsys):
    junk = tmp_path / "junk.bz2"
    junk.write_bytes(b"BZh9 this is not bzip2 data at all" * 10)
    with pytest.raises(DumpError, match="before the first page \\(0 pages read\\)"):
        list(scan_dump(str(junk), "lint", "bn", jobs=1))
    with pytest.raises(InputError, match="no such file"):
        list(scan_dump(str(tmp_path / "none.xml"), "lint", "bn"))
    assert main(["lint", "--dump", str(tmp_path / "none.xml")]) == 2
    assert main(["lint", "--dump", str(junk), "--jobs", "0"]) == 2
    assert "--jobs must be at least 1" in capsys.readouterr().err


def test_slow_page_is_skipped_after_the_timeout_and_the_scan_goes_on(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    from pages import grow

    clean1, clean2 = CLEAN
    big = grow(read(clean1), 700_000)  # about 1.5 MB: well under a second per 300 KB, far above 0.25 s
    pages = [(title_of(clean1), 0, [read(clean1)]), ("ভারত–ভুটান সম্পর্ক", 0, [big]),
             ("ভারত–নেপাল সম্পর্ক", 0, [HOSTILE]), (title_of(clean2), 0, [read(clean2)])]
    path = write_dump(tmp_path / "slow.xml", pages)
    skipped = []
    for jobs in (1, 2):
        t = time.monotonic()
        got = list(scan_dump(str(path), "lint", "bn", jobs=jobs, page_timeout=0.25))
        elapsed = time.monotonic() - t
        assert [e["title"] for e in got] == [p[0] for p in pages]
        slow, hostile = got[1], got[2]
        assert slow == {"title": "ভারত–ভুটান সম্পর্ক", "source": "slow.xml:ভারত–ভুটান সম্পর্ক",
                        "status": "skipped", "findings": [], "reason": "unparseable",
                        "detail": "took longer than 0.25 s"}
        # the hostile page never reaches the parser: the bracket scan refuses it at once
        assert hostile["status"] == "skipped" and hostile["reason"] == "unparseable"
        assert "unterminated templates" in hostile["detail"]
        assert got[0]["status"] == got[3]["status"] == "checked"  # the replaced worker went on
        assert elapsed < 20
    got = list(scan_dump(str(path), "propose", "bn", jobs=1, page_timeout=0.25, on_skip=skipped.append))
    assert [e["title"] for e in skipped] == ["ভারত–ভুটান সম্পর্ক"]


def _pending(path: Path, profile) -> tuple:
    """A scan of ``path`` with one worker, started, and the pages it would send, in a queue."""
    from collections import deque

    from bot.dump import PageFilter, _Scan, open_dump

    scan = _Scan(open_dump(str(path)), path.name, "lint", profile, "bn", {"select": None, "ignore": None,
                 "unsafe": False, "layout": False}, 1, 60.0, False, None)
    keep = PageFilter(profile)
    pending = deque((i, t, text, r, f"{path.name}:{t}")
                    for i, (ns, t, text, r) in enumerate(iter_latest(str(path))) if keep.wanted(ns, t, text))
    scan._start()
    while not scan.workers[0].started:
        scan._collect(5.0, pending)
    return scan, pending


def test_a_second_page_waits_in_the_pipe_only_when_both_fit(tmp_path, profile):
    """A busy worker finds its next page in the pipe (no wait for the reading process), but only
    when the two pages fit in the pipe together, so that sending never blocks."""
    sys.path.insert(0, str(ROOT / "bench"))
    from pages import grow

    clean1, clean2 = CLEAN
    small = [(title_of(p), 0, [read(p)]) for p in (clean1, clean2)] + [("ক–খ সম্পর্ক", 0, [read(clean1)])]
    big = [("ভারত–ভুটান সম্পর্ক", 0, [grow(read(clean1), 700_000)])] + small
    for pages, waiting in ((small, 1), (big, 0)):
        scan, pending = _pending(write_dump(tmp_path / f"{waiting}.xml", pages), profile)
        try:
            w = scan.workers[0]
            assert w.room >= 64 * 1024  # Linux: the pipe's size is known
            scan._dispatch(pending)
            assert len(w.tasks) == 1 + waiting
            assert len(pending) == len(pages) - 1 - waiting
            if waiting:
                assert sum(size for _, size in w.tasks) <= w.room
            else:  # the 1.5 MB page fills the pipe alone
                assert w.tasks[0][1] > w.room // 2
        finally:
            scan.close()


def _workers_of(pid: int) -> list[int]:
    found = []
    for name in os.listdir("/proc"):
        try:
            with open(f"/proc/{name}/stat", "rb") as fh:
                stat = fh.read()
            with open(f"/proc/{name}/cmdline", "rb") as fh:
                cmd = fh.read()
        except OSError:
            continue
        if int(stat[stat.rindex(b")") + 2:].split()[1]) == pid and b"_worker_main" in cmd:
            found.append(int(name))
    return found


def test_a_frozen_worker_loses_one_page_and_the_page_waiting_behind_it_is_sent_again(tmp_path, profile, gaz):
    """SIGSTOP the worker in the middle of a scan: the page it is on is skipped at the timeout,
    the page waiting in its pipe goes to the new worker, every other page is linted as usual."""
    sys.path.insert(0, str(ROOT / "bench"))
    from pages import grow

    base = read(CLEAN[0])
    texts = [grow(base, 60_000 + 5_000 * i) for i in range(8)]  # ~0.1 s each, two fit in the pipe
    pages = [(f"ক{i}–খ সম্পর্ক", 0, [t]) for i, t in enumerate(texts)]
    path = write_dump(tmp_path / "frozen.xml", pages)
    got = []
    for entry in scan_dump(str(path), "lint", "bn", jobs=1, page_timeout=1.0):
        got.append(entry)
        if len(got) == 1:
            (worker,) = _workers_of(os.getpid())
            os.kill(worker, signal.SIGSTOP)
    assert [e["title"] for e in got] == [p[0] for p in pages]
    skipped = [e for e in got if e["status"] == "skipped"]
    assert len(skipped) == 1 and skipped[0]["detail"] == "took longer than 1 s"
    for e, (title, _, (text,)) in zip(got, pages):
        if e is not skipped[0]:
            art = build(text, title, profile, gaz)
            assert e == page_entry(art, f"frozen.xml:{title}", validate(art))


TITLES = ["বাংলাদেশ–ভারত সম্পর্ক", "বাংলাদেশ-ভারত সম্পর্ক", "বাংলাদেশ_–_ভারত_সম্পর্ক", "–ভারত সম্পর্ক",
          "বাংলাদেশ– সম্পর্ক", "বাংলাদেশ ভারত সম্পর্ক", "বাংলাদেশ–ভারত সম্পর্কসমূহ", "সম্পর্ক", "ঢাকা",
          "ক/খ সম্পর্ক", "ক — খ  সম্পর্ক", "Foo–Bar সম্পর্ক", "বাংলাদেশ–ভারত সম্পর্ক (১৯৭১)", "ক–খ–গ সম্পর্ক"]


def test_title_filter_agrees_with_split_title(profile, gaz):
    f = PageFilter(profile)
    for title in TITLES:
        assert f.title_ok(title) == split_title(title, profile, gaz)["bilateral_pattern"], title
    assert f.infobox_re.search("x {{ তথ্যছক_দ্বিপাক্ষিক_সম্পর্ক\n| a = b}}")
    assert f.infobox_re.search("{{infobox Bilateral Relations|x}}")
    assert f.infobox_re.search("{{টেমপ্লেট:তথ্যছক দ্বিপাক্ষিক সম্পর্ক}}")
    assert not f.infobox_re.search("{{Bilateral relations of India}} {{তথ্যছক দেশ}}")


# The peak RSS of this process's own memory (VmHWM); not ru_maxrss, which a process started by
# fork and exec inherits from the pytest process that forked it.
PEAK = """
def _peak_kb():
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
"""

MEMORY_SCRIPT = PEAK + """
import sys
from bot.dump import scan_dump
n = sum(1 for _ in scan_dump(sys.argv[1], "lint", "bn", jobs=1))
print(n, _peak_kb())
"""


def test_reading_a_50_mb_dump_keeps_the_parent_small(tmp_path):
    clean1 = CLEAN[0]
    small = write_dump(tmp_path / "small.xml", [(title_of(clean1), 0, [read(clean1)])])
    other = "Plain ASCII filler text of an ordinary article, [[link]] {{cite web|url=x}}. " * 700  # 56 KB
    with open(tmp_path / "big.xml", "w", encoding="utf-8") as fh:
        head = small.read_text("utf-8")
        fh.write(head[: head.index("<page>")])
        for i in range(950):
            fh.write(page_xml(f"Page {i}", 0, i + 1, [f"{other}{i}"], 10 * i + 1))
            if i % 100 == 0:
                fh.write(page_xml(f"ক–খ {i} সম্পর্ক", 0, 10_000 + i, [read(clean1)], 100_000 + i))
        fh.write("</mediawiki>\n")
    assert (tmp_path / "big.xml").stat().st_size > 50e6

    def peak(path):
        r = subprocess.run([sys.executable, "-c", MEMORY_SCRIPT, str(path)], capture_output=True, text=True,
                           timeout=120, cwd=ROOT)
        assert r.returncode == 0, r.stderr
        n, kb = map(int, r.stdout.split())
        return n, kb / 1024

    (n_small, base), (n_big, big) = peak(small), peak(tmp_path / "big.xml")
    assert (n_small, n_big) == (1, 10)
    print(f"parent peak RSS: {base:.0f} MB (one page), {big:.0f} MB (50 MB dump)")
    assert big - base < 40, f"parent peak RSS grew {big - base:.0f} MB over a 50 MB dump"


HISTORY_SCRIPT = PEAK + """
import sys
from bot.dump import iter_latest
got = [(ns, title, len(text), revid) for ns, title, text, revid in iter_latest(sys.argv[1])]
print(repr(got), _peak_kb())
"""


def test_a_history_dump_holds_one_revision_at_a_time(tmp_path):
    """pages-meta-history dumps: a page may carry thousands of revisions; only the latest is kept."""
    small = write_dump(tmp_path / "small.xml", [("ক–খ সম্পর্ক", 0, ["x"])])
    revision = "পুরোনো সংস্করণ, [[ঢাকা]] {{সূত্র|ক}}। " * 1500  # 60 KB in UTF-8
    history = write_dump(tmp_path / "history.xml", [
        ("আলোচনা:ক–খ সম্পর্ক", 1, [f"{revision}{i}" for i in range(450)]),
        ("ক–খ সম্পর্ক", 0, [f"{revision}{i}" for i in range(450)] + ["শেষ"]),
    ])
    assert history.stat().st_size > 50e6

    def run(path):
        r = subprocess.run([sys.executable, "-c", HISTORY_SCRIPT, str(path)], capture_output=True, text=True,
                           timeout=120, cwd=ROOT)
        assert r.returncode == 0, r.stderr
        got, kb = r.stdout.rsplit(" ", 1)
        return eval(got), int(kb) / 1024  # noqa: S307 - our own script's repr of tuples

    (_, base), (got, big) = run(small), run(history)
    assert got == [(1, "আলোচনা:ক–খ সম্পর্ক", len(f"{revision}449"), 549), (0, "ক–খ সম্পর্ক", 3, 650)]
    print(f"reader peak RSS: {base:.0f} MB (one page), {big:.0f} MB (two pages, 901 revisions, 55 MB)")
    assert big - base < 30, f"the reader grew {big - base:.0f} MB over a history dump"


def test_propose_dump_command_writes_a_bundle(dumps, tmp_path):
    from bot.cli import main
    from bot.schema import validator

    out = tmp_path / "bundle.json"
    assert main(["propose", "--dump", str(dumps[".bz2"]), "-o", str(out), "--jobs", "1"]) == 0
    doc = json.loads(out.read_text("utf-8"))
    assert not list(validator("bundle").iter_errors(doc))
    assert doc["source"] == "dump" and doc["entries"]
    assert all(isinstance(e["base_revid"], int) for e in doc["entries"])


_XML_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufffe\uffff"
                           + "".join(chr(c) for c in range(1, 32) if chr(c) not in "\t\n\r"))


@settings(max_examples=int(os.environ.get("RELBOT_EXAMPLES", "150")), deadline=None)
@given(pages=st.lists(st.tuples(st.text(_XML_CHARS, min_size=1, max_size=30), st.sampled_from([0, 1, 4]),
                                st.lists(st.text(_XML_CHARS, max_size=300), min_size=1, max_size=3)),
                      min_size=1, max_size=5))
def test_reader_agrees_with_mwxml_on_any_text(pages):
    """Whatever the titles and texts (any character XML can carry), relbot's reader gives what
    mwxml's objects give, and the text is the text written, line ends read as XML reads them."""
    import io

    from bot.dump import _Reader, _text, _utf8

    body = "".join(page_xml(title, ns, i + 1, texts, 10 * i + 1) for i, (title, ns, texts) in enumerate(pages))
    data = ('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10"><siteinfo>'
            f"<sitename>w</sitename></siteinfo>{body}</mediawiki>").encode()
    reader = _Reader(io.BytesIO(data))
    got = []
    for ns, title, node, revid, _model in reader:
        got.append((ns, title, _text(node), revid))
        assert _utf8(node) == _text(node).encode()  # what a worker gets when the title decides
    assert reader.error is None
    assert got == mwxml_latest(data)
    assert [g[2] for g in got] == [texts[-1].replace("\r\n", "\n").replace("\r", "\n") for _, _, texts in pages]
