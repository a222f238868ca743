"""The crosscheck report as a self-contained HTML page (``relbot crosscheck --format html``).

Per article (collapsible, those with a disagreement first): the English pages read, with links,
and its facts in four groups — agreed, missing here, disagreeing, only here — each English fact
with its page and line and the link of the reference its sentence cites. The markup is
``templates/crosscheck.html.j2`` (autoescaped: every value is data); this module prepares plain
values. The page's one style and one script are in the Content-Security-Policy by hash, as the
lint page's are (:func:`bot.htmlpages.csp_content`). Numbers are in Bengali digits.
"""

from __future__ import annotations

import re

from . import links
from .htmlpages import BASE_CSS, FONTS, MONO, REASON_BN, csp_content, render_template

GROUPS = ("agreed", "missing-here", "disagreeing", "only-here")
GROUP_BN = {"agreed": "মিল আছে", "missing-here": "এখানে নেই", "disagreeing": "অমিল", "only-here": "শুধু এখানে"}
GROUP_HELP = {"agreed": "দুই উইকিপিডিয়াই একই কথা বলে",
              "missing-here": "ইংরেজি উইকিপিডিয়ায় আছে, এই নিবন্ধে নেই",
              "disagreeing": "একই দেশের মিশন, কিন্তু ধরন বা শহর আলাদা",
              "only-here": "ইংরেজি উইকিপিডিয়া এ বিষয়ে কিছু বলে না"}
KIND_BN = {"embassy": "দূতাবাস", "high-commission": "হাইকমিশন", "consulate": "কনস্যুলেট",
           "consulate-general": "কনস্যুলেট জেনারেল", "honorary-consulate": "অনারারি কনস্যুলেট", "other": "মিশন"}
ENGLISH_WIKIPEDIA = "https://en.wikipedia.org"
BN_DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
_URL = re.compile(r"\|\s*url\s*=\s*(https?://[^|}\s<]+)", re.I)
_TITLE = re.compile(r"\|\s*title\s*=\s*((?:\{\{[^{}]*\}\}|[^|}])+)", re.I)
_PIPE = re.compile(r"\{\{\s*(?:!|pipe)\s*\}\}", re.I)
_TEMPLATE = re.compile(r"\{\{[^{}]*\}\}")
_BARE = re.compile(r"\[?(https?://[^\s\]|}<]+)")

CROSSCHECK_CSS = BASE_CSS + """
body{overflow-wrap:break-word}
dl.totals{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.1rem 1rem}
dl.totals dt{color:var(--muted)}dl.totals dd{margin:0}
button{font:inherit;font-size:.9rem;padding:.05rem .5rem;border:1px solid #8c959f;border-radius:6px;background:#f6f8fa;cursor:pointer}
details.article{border:1px solid var(--line);border-left:6px solid var(--line);border-radius:6px;margin:.5rem 0;padding:.2rem .6rem}
details.article.disagreeing{border-left-color:var(--err)}
details.article>summary{cursor:pointer;font-weight:600}
details.article>summary .counts{font-weight:400;color:var(--muted)}
p.links a{margin-right:.8rem}
ul.english,ul.facts{padding-left:1.2rem;margin:.2rem 0}
ul.facts>li{margin:.3rem 0}
.status{font-weight:600;white-space:nowrap}
.agreed .status{color:#1a7f37}.disagreeing .status{color:var(--err)}.missing-here .status{color:var(--warn)}
.only-here .status{color:var(--style)}
.there,.ref{display:block;color:var(--muted);font-size:.9rem}
a.ref-link,a.english{overflow-wrap:anywhere}
"""

CROSSCHECK_JS = """
document.getElementById("expand-all").addEventListener("click", function(){
  document.querySelectorAll("details.article").forEach(function(d){ d.open = true; });
});
document.getElementById("collapse-all").addEventListener("click", function(){
  document.querySelectorAll("details.article").forEach(function(d){ d.open = false; });
});
"""


def bn(value) -> str:
    return "" if value is None else str(value).translate(BN_DIGITS)


def reference_link(text: str) -> dict | None:
    """The link a reader follows for a ``<ref>``: its citation's ``url=`` (else the first bare web
    address) and ``title=``; None when it names no web address."""
    m = _URL.search(text) or _BARE.search(text)
    if m is None:
        return None
    title = _TITLE.search(text)
    words = " ".join(_TEMPLATE.sub("", _PIPE.sub("|", title[1])).split()) if title else ""
    return {"url": m[1], "title": words or m[1]}


def _country(gaz, code: str) -> str:
    return (gaz.name(code) if gaz is not None else None) or code


def _fact(r: dict, gaz, english_base) -> dict:
    here = r.get("here") or []
    there = r.get("there") or []
    city = (here[0]["city"] if here else None) or (there[0]["city"] if there else None) or r.get("city_id") or "?"
    return {
        "status": r["status"], "pair": f"{_country(gaz, r['sender'])} → {_country(gaz, r['host'])}",
        "kind": KIND_BN.get(r["kind"], r["kind"]), "kind_en": r["kind"], "city": city,
        "here": [f"{bn(h['line'])}:{bn(h['column'])}" for h in here],
        "there": [{"title": f["title"], "line": bn(f["line"]), "url": links.article(english_base, f["title"]),
                   "refs": [x for x in (reference_link(ref["text"]) for ref in f.get("refs") or []) if x]}
                  for f in there],
    }


def render_crosscheck(report: dict, *, english_base=ENGLISH_WIKIPEDIA, wiki_base=None, profile=None) -> str:
    """The page of a crosscheck report (``schemas/crosscheck.schema.json``). ``english_base``:
    where English pages link (a base URL or a :func:`bot.links.site_base` mapping; English
    Wikipedia by default); ``wiki_base``: where the articles link (the profile's wiki by
    default)."""
    from .gazetteer import Gazetteer
    from .profile import load_profile

    prof = profile if profile is not None else load_profile("bn")
    gaz = Gazetteer.load(prof.lang)
    if wiki_base is None:
        wiki_base = (prof.data.get("wiki") or {}).get("base_url")
    articles = []
    for i, p in enumerate(report.get("pages") or []):
        facts = [_fact(r, gaz, english_base) for r in p.get("rows") or []]
        groups = [{"status": s, "bn": GROUP_BN[s], "help": GROUP_HELP[s], "facts": [f for f in facts if f["status"] == s]}
                  for s in GROUPS]
        articles.append({
            "index": i, "title": p["title"], "source": p["source"], "status": p["status"],
            "reason": REASON_BN.get(p.get("reason"), p.get("reason")),
            "wiki": links.article(wiki_base, p["title"]) if wiki_base else None,
            "english": [{"title": e["title"], "line": bn(e["line"]), "url": links.article(english_base, e["title"])}
                        for e in p.get("english") or []],
            "groups": [g for g in groups if g["facts"]],
            "counts": {g["status"]: len(g["facts"]) for g in groups},
        })
    articles.sort(key=lambda a: (-a["counts"]["disagreeing"], a["status"] != "checked", a["index"]))
    summary = report.get("summary") or {}
    css = CROSSCHECK_CSS % {"fonts": FONTS, "mono": MONO}
    return render_template("crosscheck.html.j2", title="relbot crosscheck", csp=csp_content(CROSSCHECK_JS, css),
                           css=css, js=CROSSCHECK_JS, articles=articles, summary=summary, group_bn=GROUP_BN,
                           groups=GROUPS, bn=bn)
