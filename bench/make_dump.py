"""Write a MediaWiki XML export dump mixing bilateral-relations pages with other pages.

Bilateral pages: the fixtures (clean, seed, rule fixtures), as they are or grown to 10-300 KB
by ``pages.grow``, under unique country-pair titles from the gazetteer; one in ten has an older
revision before the latest. Other pages: the 196 real English "Foreign relations of …" pages of
fixtures/enwiki (no bilateral infobox), Bengali pages with the infobox renamed, bilateral
titles in the talk namespace, and redirects. ``--bilateral-share`` is the share of the dump's
bytes in bilateral pages. Never committed: write it under bench/out/ (gitignored).

Run: python3 bench/make_dump.py [--size-mb 1024] [--bilateral-share 0.5] [-o bench/out/dump.xml]
(a name ending in .bz2 or .gz is compressed).
"""

from __future__ import annotations

import argparse
import bz2
import gzip
import itertools
import random
import sys
import time
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import ROOT, clean_pages, dirty_pages, grow  # noqa: E402

sys.path.insert(0, str(ROOT / "tests"))
import realpages  # noqa: E402  (the real pages shipped in fixtures/)

CORPUS = realpages.enwiki_dir()  # the English pages shipped in fixtures/enwiki
HEADER = """<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="0.10" xml:lang="bn">
  <siteinfo>
    <sitename>উইকিপিডিয়া</sitename>
    <dbname>bnwiki</dbname>
    <base>https://bn.wikipedia.invalid/wiki/প্রধান_পাতা</base>
    <generator>relbot bench/make_dump.py</generator>
    <case>first-letter</case>
    <namespaces>
      <namespace key="0" case="first-letter" />
      <namespace key="1" case="first-letter">আলোচনা</namespace>
      <namespace key="10" case="first-letter">টেমপ্লেট</namespace>
    </namespaces>
  </siteinfo>
"""
FOOTER = "</mediawiki>\n"


def page_xml(title: str, ns: int, page_id: int, revisions: list[tuple[int, str]], redirect: str | None = None) -> str:
    """One <page> with its revisions (oldest first), as MediaWiki exports them."""
    out = [f"  <page>\n    <title>{escape(title)}</title>\n    <ns>{ns}</ns>\n    <id>{page_id}</id>\n"]
    if redirect:
        out.append(f'    <redirect title="{escape(redirect, {chr(34): "&quot;"})}" />\n')
    parent = None
    for rev_id, text in revisions:
        out.append(f"    <revision>\n      <id>{rev_id}</id>\n")
        if parent:
            out.append(f"      <parentid>{parent}</parentid>\n")
        out.append("      <timestamp>2024-01-01T00:00:00Z</timestamp>\n"
                   "      <contributor><username>Bench</username><id>1</id></contributor>\n"
                   "      <model>wikitext</model>\n      <format>text/x-wiki</format>\n"
                   f'      <text bytes="{len(text.encode())}" xml:space="preserve">{escape(text)}</text>\n'
                   "      <sha1>0</sha1>\n    </revision>\n")
        parent = rev_id
    out.append("  </page>\n")
    return "".join(out)


def country_pairs():
    from bot.gazetteer import Gazetteer

    gaz = Gazetteer.load("bn")
    names = sorted({gaz.name(c) for c in gaz._countries if gaz.name(c)})
    pairs = [(a, b) for a, b in itertools.permutations(names, 2)]
    random.Random(1).shuffle(pairs)
    return pairs


def sources():
    bil = [t for _, t in clean_pages() + dirty_pages()]
    sized = [grow(t, s) for t in bil[:4] for s in (10_000, 30_000, 100_000, 300_000)]
    bilateral = bil + sized
    other = [(p.stem.replace("_", " "), p.read_text("utf-8")) for p in sorted(CORPUS.glob("*.wikitext"))]
    other += [(f"বাংলাদেশের ইতিহাস {i}", t.replace("তথ্যছক দ্বিপাক্ষিক সম্পর্ক", "তথ্যছক দেশ"))
              for i, t in enumerate(bil)]
    return bilateral, other


def write_dump(path: Path, size: int, share: float = 0.5, seed: int = 1) -> dict:
    """Write about ``size`` bytes of dump to ``path``; return what it holds."""
    rnd = random.Random(seed)
    bilateral, other = sources()
    pairs = iter(country_pairs())
    path.parent.mkdir(parents=True, exist_ok=True)
    opener = bz2.open if path.suffix == ".bz2" else gzip.open if path.suffix == ".gz" else open
    stats = {"pages": 0, "bilateral": 0, "bilateral_bytes": 0, "other": 0, "talk": 0, "redirects": 0,
             "revisions": 0}
    ids = itertools.count(1)
    rev_ids = itertools.count(1000)
    written = 0
    with opener(path, "wb") as fh:
        fh.write(HEADER.encode())
        while written < size:
            if stats["bilateral_bytes"] < share * max(written, 1):
                a, b = next(pairs)
                text = rnd.choice(bilateral)
                revs = [(next(rev_ids), text)]
                if rnd.random() < 0.1:  # an older revision first: only the latest counts
                    revs.insert(0, (next(rev_ids), text[: len(text) // 2]))
                data = page_xml(f"{a}–{b} সম্পর্ক", 0, next(ids), revs).encode()
                stats["bilateral"] += 1
                stats["bilateral_bytes"] += len(data)
                roll = rnd.random()
                if roll < 0.05:
                    data += page_xml(f"আলোচনা:{a}–{b} সম্পর্ক", 1, next(ids), [(next(rev_ids), "আলোচনা")]).encode()
                    stats["talk"] += 1
                elif roll < 0.15:
                    data += page_xml(f"{b}–{a} সম্পর্ক", 0, next(ids),
                                     [(next(rev_ids), f"#পুনর্নির্দেশ [[{a}–{b} সম্পর্ক]]")],
                                     redirect=f"{a}–{b} সম্পর্ক").encode()
                    stats["redirects"] += 1
            else:
                title, text = rnd.choice(other)
                data = page_xml(f"{title} {next(ids)}", 0, next(ids), [(next(rev_ids), text)]).encode()
                stats["other"] += 1
            stats["revisions"] += data.count(b"<revision>")
            stats["pages"] += data.count(b"<page>")
            fh.write(data)
            written += len(data)
        fh.write(FOOTER.encode())
    stats["xml_bytes"] = written + len(HEADER.encode()) + len(FOOTER)
    stats["file_bytes"] = path.stat().st_size
    return stats


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size-mb", type=float, default=1024, help="XML size in MB (default 1024)")
    ap.add_argument("--bilateral-share", type=float, default=0.5, help="share of bytes in bilateral pages")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", default=str(ROOT / "bench" / "out" / "dump.xml"))
    args = ap.parse_args()
    t = time.perf_counter()
    stats = write_dump(Path(args.output), int(args.size_mb * 1e6), args.bilateral_share, args.seed)
    print(f"{args.output}: {stats['xml_bytes'] / 1e6:.0f} MB XML ({stats['file_bytes'] / 1e6:.0f} MB on disk), "
          f"{stats['pages']} pages: {stats['bilateral']} bilateral ({stats['bilateral_bytes'] / 1e6:.0f} MB), "
          f"{stats['other']} other, {stats['talk']} talk, {stats['redirects']} redirects; "
          f"{stats['revisions']} revisions; {time.perf_counter() - t:.1f} s")


if __name__ == "__main__":
    main()
