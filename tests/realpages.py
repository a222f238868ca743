"""Real Wikipedia pages shipped with the tests, compressed (CC BY-SA 4.0; see each folder's README).

- ``fixtures/bnwiki``: a real Bengali Wikipedia export, read once per process with relbot's own
  dump reader; the export is cut mid-page on purpose, so the truncation error is expected here.
- ``fixtures/enwiki``: 196 English "Foreign relations of X" pages, unpacked once into the system's
  temporary folder (``enwiki_dir``), where tests glob them as files.
"""

from __future__ import annotations

import hashlib
import os
import tarfile
import tempfile
from functools import lru_cache
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SAMPLE = FIXTURES / "bnwiki" / "bnwiki-sample.xml.xz"
ENWIKI = FIXTURES / "enwiki" / "enwiki-foreign-relations.tar.xz"
#: The title every article is linted and fixed under, so that every rule runs (the real titles
#: are not bilateral).
BILATERAL_TITLE = "বাংলাদেশ–ভারত সম্পর্ক"
#: What the export holds (fixtures/bnwiki/README.md): a changed file must fail loudly.
PAGES, NS0, ARTICLES = 595, 322, 269


@lru_cache(maxsize=None)
def all_pages() -> tuple[tuple[int, str, str], ...]:
    """(namespace, title, text) of every page read before the cut."""
    from bot.dump import DumpError, iter_latest

    out = []
    try:
        for ns, title, text, _revid in iter_latest(str(SAMPLE)):
            out.append((ns, title, text))
    except DumpError as exc:
        if "truncated" not in str(exc):
            raise
    return tuple(out)


def is_redirect(text: str) -> bool:
    head = text.lstrip()[:16].casefold()
    return head.startswith(("#redirect", "#পুনর্নির্দেশ"))


@lru_cache(maxsize=None)
def articles() -> tuple[tuple[str, str], ...]:
    """(title, text) of every namespace-0 page that is not a redirect."""
    return tuple((t, x) for ns, t, x in all_pages() if ns == 0 and not is_redirect(x))


def enwiki_dir() -> Path:
    """The folder of the 196 English pages: ``RELBOT_CORPUS`` when set, else the shipped archive
    unpacked into ``$TMPDIR/relbot-enwiki-<hash>`` (once: a finished unpack is renamed into place)."""
    if os.environ.get("RELBOT_CORPUS"):
        return Path(os.environ["RELBOT_CORPUS"])
    digest = hashlib.sha256(ENWIKI.read_bytes()).hexdigest()[:12]
    home = Path(tempfile.gettempdir()) / f"relbot-enwiki-{digest}"
    folder = home / "enwiki-foreign-relations"
    if not folder.is_dir():
        work = Path(tempfile.mkdtemp(prefix="relbot-enwiki-", dir=tempfile.gettempdir()))
        with tarfile.open(ENWIKI) as tar:
            tar.extractall(work, filter="data")
        try:
            work.rename(home)
        except OSError:  # another process finished first: its copy is the same
            pass
    return folder
