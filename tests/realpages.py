"""Real Bengali Wikipedia pages shipped with the tests (``fixtures/bnwiki``, CC BY-SA 4.0).

Read once per process from the compressed export with relbot's own dump reader; the export is
cut mid-page on purpose, so the reader's truncation error is expected and swallowed here.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "bnwiki" / "bnwiki-sample.xml.xz"
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
