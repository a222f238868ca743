"""The review page of a bundle: ``bot/templates/review.html.j2`` filled with values made here.

The template is autoescaped: every value from the bundle is text (wikitext may hold
``<script>``, ``{{``, ``]]``). Only the page's own style and script go in verbatim, and the
Content-Security-Policy allows exactly those two, by their SHA-256 hashes. The script reads the
DOM and an escaped JSON block, never writes markup.

Per entry: links to the article, its edit page, its history and the diff from the bundle's base
revision (from the bundle's link base, :mod:`bot.links`); rule codes link to the rule docs; each
finding links to the edit page at its section and has a "false positive" button giving the line
for the exceptions page (``* [[Page]] | CODE | anchor | note``). Entries that may not be saved
(``{{nobots}}``, in use) stand apart, with their reason and no approve button. Changed lines
show what kind of change each part is (:func:`bot.diffs.segments`). Numbers shown in the
Bengali page are in Bengali digits; the JSON stays Latin. A ``propose --crosswiki`` bundle shows
beside each entry the English pages its pair was read in (links on the English wiki), and lists
the pages that disagree with them but have no edit, with their E008 findings.
"""

from __future__ import annotations

from functools import lru_cache

from . import diffs, links
from .htmlpages import (APPLICABILITY_BN, BASE_CSS, FONTS, MONO, SEVERITIES, SEVERITY_BN, SORT_JS, _hash,
                        json_script)

BN_DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
KEEP = 60  # grapheme clusters of unchanged text kept either side of a cut in a changed line
KIND_BN = {"space": "ফাঁকা স্থান", "nfc": "একই রকম দেখতে অক্ষর", "punct": "যতিচিহ্ন", "text": "লেখা"}
KIND_EN = {"space": "white space only", "nfc": "same look, other code points", "punct": "punctuation",
           "text": "text"}


def bn(value) -> str:
    """A number (or text with digits) in Bengali digits, for the Bengali page."""
    return "" if value is None else str(value).translate(BN_DIGITS)


def fp_line(title: str, code: str, anchor: str = "", note: str = "") -> str:
    """The exceptions-page line for one false positive (the format ``bot.exceptions`` reads)."""
    return f"* [[{title}]] | {code} | {anchor} | {note}".rstrip(" |")


def default_docs(bundle: dict, profile=None) -> str | None:
    """Where rule codes link (an absolute URL, never a file): the on-wiki rules page that
    ``propose --wiki`` recorded in the bundle's links, else the profile's
    (:func:`bot.ruledocs.docs_url`)."""
    from .ruledocs import docs_url

    base = bundle.get("links") or None
    if base and base.get("rules_page"):
        return links.article(base, base["rules_page"])
    return docs_url(profile if profile is not None else _bundle_profile(bundle), base=base)


def _bundle_profile(bundle: dict):
    from .profile import ProfileError, load_profile

    name = str(bundle.get("profile") or "")
    try:
        return load_profile(name.removeprefix("bundled profile ") if name.startswith("bundled profile ") else name)
    except (ProfileError, OSError):  # a profile file not here: the bundled one of its language
        return load_profile("bn")


@lru_cache(maxsize=1)
def _env():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(loader=PackageLoader("bot", "templates"), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["bn"] = bn
    env.filters["visible"] = diffs.visible
    return env


def _segments(old: str, new: str, look_alikes: dict[str, str]) -> list[dict]:
    """A changed line's segments with long unchanged runs cut (at grapheme boundaries)."""
    segs = diffs.segments(old, new, look_alikes)
    for k, seg in enumerate(segs):
        if seg["op"] != "=":
            continue
        where = "start" if k == 0 else "end" if k == len(segs) - 1 else "middle"
        head, tail = diffs.elide(seg["text"], KEEP, where)
        seg["cut"] = head != seg["text"]
        seg["head"], seg["tail"], seg["where"] = head, tail, where
    return segs


def _diff_rows(hunks: list[dict], look_alikes: dict[str, str]) -> list[dict]:
    rows = []
    for hunk in hunks:
        old_no, new_no = hunk["old_start"], hunk["new_start"]
        n_old = sum(line["op"] != "+" for line in hunk["lines"])
        n_new = sum(line["op"] != "-" for line in hunk["lines"])
        rows.append({"kind": "hunk", "text": f"@@ −{bn(old_no)},{bn(n_old)} +{bn(new_no)},{bn(n_new)} @@"})
        for line in hunk["lines"]:
            op = line["op"]
            row = {"kind": {" ": "ctx", "-": "del", "+": "add", "~": "chg"}[op],
                   "old_no": old_no if op != "+" else None, "new_no": new_no if op != "-" else None,
                   "text": line["new"] if op in " +" else line["old"]}
            if op == "~":
                row["segments"] = _segments(line["old"] or "", line["new"] or "", look_alikes)
            rows.append(row)
            old_no += op != "+"
            new_no += op != "-"
    return rows


def _entry(e: dict, base, docs: str | None, look_alikes: dict[str, str]) -> dict:
    rules = e.get("rules") or []
    title, rev = e["title"], e.get("base_revid")
    wiki = None
    if base:
        wiki = {"article": links.article(base, title), "edit": links.edit(base, title),
                "history": links.history(base, title),
                "diff": links.diff(base, title, rev) if rev is not None else None}
    places = e.get("places") or []
    findings = []
    for n, f in enumerate(e.get("findings") or []):
        place = places[n] if n < len(places) else {"section": None, "anchor": ""}
        msg = f.get("message") or {}
        findings.append({
            "code": f["code"], "severity": f["severity"], "doc": rule_doc(docs, f["code"]),
            "sev_sort": SEVERITIES.index(f["severity"]) if f["severity"] in SEVERITIES else 9,
            "where": f"{bn(f['line'])}:{bn(f['column'])}", "sort": int(f["line"]) * 1_000_000 + int(f["column"]),
            "bn": msg.get("bn", ""), "en": msg.get("en", ""), "fix": f.get("fix"),
            "edit": links.edit(base, title, place["section"]) if base and place["section"] is not None else None,
            "anchor": place["anchor"], "fp": fp_line(title, f["code"], place["anchor"])})
    codes = sorted({r["code"] for r in rules})
    sevs = sorted({r["severity"] for r in rules}, key=lambda s: SEVERITIES.index(s) if s in SEVERITIES else 9)
    return {
        "id": e["id"], "title": title, "source": e.get("source"), "base_revid": rev, "summary": e.get("summary"),
        "applicability": e.get("applicability", "safe"), "cosmetic": e.get("cosmetic", False),
        "saveable": e.get("saveable", True), "block": e.get("block"), "codes": " ".join(codes),
        "severities": " ".join(sevs), "sha": str(e.get("new_sha256", ""))[:16], "wiki": wiki,
        "rules": [dict(r, doc=rule_doc(docs, r["code"])) for r in rules], "findings": findings,
        "open_findings": len(findings) <= 12, "rows": _diff_rows(e.get("hunks") or [], look_alikes),
        "diff": e.get("diff"), "english": e.get("english") or [],
    }


def _disagreement(d: dict, base, docs: str | None) -> dict:
    """A page of ``propose --crosswiki`` that disagrees with the English pages and has no edit."""
    return {"title": d["title"], "source": d.get("source"), "english": d.get("english") or [],
            "wiki": links.article(base, d["title"]) if base else None,
            "findings": [{"code": f["code"], "doc": rule_doc(docs, f["code"]),
                          "where": f"{bn(f['line'])}:{bn(f['column'])}", "bn": (f.get("message") or {}).get("bn", "")}
                         for f in d.get("findings") or []]}


def rule_doc(docs: str | None, code: str) -> str | None:
    from .ruledocs import rule_url

    return rule_url(docs, code)


def _options(options) -> str:
    """How the fixes were made, in Bengali (rule codes stay codes)."""
    if not isinstance(options, dict):
        return ""
    parts = ["অনিরাপদ সংশোধনসহ" if options.get("unsafe") else "শুধু নিরাপদ সংশোধন"]
    if options.get("layout"):
        parts.append("আদর্শ বিন্যাসসহ")
    for key, words in (("select", "শুধু নিয়ম"), ("ignore", "বাদ দেওয়া নিয়ম")):
        if options.get(key):
            parts.append(f"{words} {', '.join(map(str, options[key]))}")
    return ", ".join(parts)


MONTHS_BN = ("জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর",
             "নভেম্বর", "ডিসেম্বর")
SOURCE_BN = {"files": "ফাইল", "wiki": "উইকি", "dump": "ডাম্প"}


def created_bn(created) -> str:
    """The bundle's time as a Bengali reader writes it, in UTC: ``১ নভেম্বর ২০২৬, ০৩:১৭ (ইউটিসি)``."""
    from datetime import datetime, timezone

    try:
        when = datetime.fromisoformat(str(created)).astimezone(timezone.utc)
    except ValueError:
        return bn(created)
    return bn(f"{when.day} {MONTHS_BN[when.month - 1]} {when.year}, {when:%H:%M} (ইউটিসি)")


def profile_bn(source) -> str:
    """``bundled profile bn`` (what a bundle records) as ``সঙ্গের প্রোফাইল bn``; a path as it is."""
    text = str(source or "")
    return "সঙ্গের প্রোফাইল " + text.removeprefix("bundled profile ") if text.startswith("bundled profile ") else text


REVIEW_CSS = BASE_CSS + """
#controls{padding:.4rem 0 0}
/* one line whatever happens: exports and false positives show below, not in the sticky bar */
#toolbar{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid var(--line);padding:.3rem 0;margin-bottom:.6rem;
 white-space:nowrap;overflow-x:auto;overflow-y:hidden}
#toolbar button{padding:.05rem .5rem}#toolbar .sym{display:none}
code{white-space:nowrap}
article.entry{scroll-margin-top:3rem}
p.notice{border:1px solid #bf8700;background:#fff8c5;border-radius:6px;padding:.3rem .6rem}
#saved-line{color:var(--muted)}#restored{font-weight:600;color:#1a7f37}
nav#jump ol{margin:.2rem 0;padding-left:1.6rem}nav#jump li .counts{color:var(--muted)}

#controls fieldset{display:inline-block;vertical-align:top;border:1px solid var(--line);border-radius:6px;margin:.2rem .4rem .2rem 0;padding:.2rem .6rem}
#controls legend{font-size:.9rem;color:var(--muted)}
#controls label{margin-right:.6rem;white-space:nowrap}
button{font:inherit;font-size:.9rem;padding:.15rem .7rem;border:1px solid #8c959f;border-radius:6px;background:#f6f8fa;cursor:pointer}
button.approve[aria-pressed=true]{background:#1a7f37;color:#fff;border-color:#1a7f37}
button.reject[aria-pressed=true]{background:#cf222e;color:#fff;border-color:#cf222e}
button.fp{font-size:.8rem;padding:0 .4rem}button.fp[aria-pressed=true]{background:#8250df;color:#fff;border-color:#8250df}
button#export,button#export-fp{background:#0969da;color:#fff;border-color:#0969da}
article.entry{border:1px solid var(--line);border-left:6px solid var(--line);border-radius:6px;padding:.4rem 1rem .8rem;margin:1rem 0}
article.entry.approved{border-left-color:#1a7f37}article.entry.rejected{border-left-color:#cf222e;opacity:.75}
article.entry.blocked{border-left-color:#6e7781;background:#f6f8fa}
p.blocked{font-weight:600;color:var(--err)}
article.entry h2{margin:.3rem 0}
p.links a{margin-right:.8rem}
dl.facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.1rem .8rem;margin:.3rem 0}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;min-width:0;overflow-wrap:break-word}
.decision{margin:.5rem 0}.decision output{margin-left:.6rem;font-weight:600}
table.diff{font-size:.95rem;table-layout:fixed}
table.diff col.ln{width:3.5em}table.diff col.op{width:1.4em}
table.diff td{border:none;border-bottom:1px solid #f0f0f0;padding:.05rem .4rem}
table.diff td.ln{font-family:%(mono)s;color:var(--muted);text-align:right;user-select:none;font-size:.8rem}
table.diff td.op{font-family:%(mono)s;user-select:none;color:var(--muted)}
table.diff td.text{white-space:pre-wrap;overflow-wrap:anywhere;word-break:normal}
table.diff td.text:empty::after{content:"\\200b"}
table.diff tr.hunk td{background:#ddf4ff;color:var(--muted);font-family:%(mono)s;font-size:.8rem}
table.diff tr.del td.text{background:#ffebe9}table.diff tr.add td.text{background:#e6ffec}
table.diff tr.chg td.text{background:#fffbe6}
del{background:#ffc1bf;text-decoration:line-through;text-decoration-color:#a40e26}
ins{background:#a6f0b5;text-decoration:none}
del,ins{border-radius:2px;padding:0 2px}
del{box-shadow:inset 0 0 0 1px #cf222e99}ins{box-shadow:inset 0 0 0 1px #1a7f3799}
del.ws,ins.ws{font-family:%(mono)s;color:#57606a;text-decoration:none}
del.punct,ins.punct,.nfc del,.nfc ins{text-decoration:none;font-weight:700;padding:0 4px;outline:2px dashed currentColor;outline-offset:-1px}
del.punct,.nfc del{color:#a40e26}ins.punct,.nfc ins{color:#116329}
span.codes{font-family:%(mono)s;font-size:.75rem;color:#57606a;background:#eaeef2;border-radius:3px;padding:0 3px;margin:0 2px;white-space:nowrap}
span.gap{color:var(--muted);background:#eaeef2;border-radius:3px;padding:0 3px}
details.findings{overflow-x:auto}table.findings td{overflow-wrap:break-word}
@media (max-width:600px){body{padding:.5rem}button.fp .en{display:none}
 #toolbar .label{display:none}#toolbar .sym{display:inline}#toolbar button{padding:.05rem .35rem}
 table.diff col.ln{width:2.2em}
 table.findings,table.findings tbody,table.findings tr,table.findings td{display:block;width:auto}
 table.findings thead{display:none}
 table.findings tr{border-bottom:2px solid var(--line);padding:.3rem 0}
 table.findings td{border:none;padding:.1rem .2rem}
 table.findings td:nth-child(-n+3){display:inline-block;vertical-align:top;margin-right:.6rem}}
pre.unified{white-space:pre-wrap;overflow-wrap:anywhere;font-family:%(mono)s;font-size:.85rem;background:#f6f8fa;padding:.5rem}
#export-preview,#fp-lines{white-space:pre-wrap;font-family:%(mono)s;font-size:.8rem;background:#f6f8fa;padding:.4rem;max-height:12rem;overflow:auto}
"""

REVIEW_JS = SORT_JS + """
(function(){
  "use strict";
  var data = JSON.parse(document.getElementById("relbot-review").textContent);
  var decisions = new Map();  // id -> "approved" | "rejected": one decision per entry
  var falsePositives = new Map();  // button -> exceptions-page line
  var entries = Array.prototype.slice.call(document.querySelectorAll("article.entry"));
  var decidable = entries.filter(function(el){ return el.dataset.saveable === "true"; });
  var labels = {approved: "অনুমোদিত (approved)", rejected: "প্রত্যাখ্যাত (rejected)"};
  var digits = "০১২৩৪৫৬৭৮৯";
  function bn(n){ return String(n).replace(/[0-9]/g, function(d){ return digits[+d]; }); }
  function checked(name){
    var set = new Set();
    document.querySelectorAll('input[name="' + name + '"]:checked').forEach(function(i){ set.add(i.value); });
    return set;
  }
  function words(el, attr){ return (el.dataset[attr] || "").split(" ").filter(Boolean); }
  function filter(){
    var codes = checked("code"), sevs = checked("severity"), apps = checked("applicability");
    var decision = document.getElementById("filter-decision").value, shown = 0;
    entries.forEach(function(el){
      var state = decisions.get(el.dataset.id) || "undecided";
      var ok = words(el, "codes").some(function(c){ return codes.has(c); })
        && words(el, "severities").some(function(s){ return sevs.has(s); })
        && apps.has(el.dataset.applicability)
        && (decision === "all" || decision === state);
      el.hidden = !ok;
      if(ok) shown++;
    });
    document.getElementById("count-shown").textContent = bn(shown);
  }
  function counts(){
    var a = 0, r = 0;
    decisions.forEach(function(v){ if(v === "approved") a++; else if(v === "rejected") r++; });
    document.getElementById("count-approved").textContent = bn(a);
    document.getElementById("count-rejected").textContent = bn(r);
  }
  function show(el){
    var state = decisions.get(el.dataset.id);
    el.classList.toggle("approved", state === "approved");
    el.classList.toggle("rejected", state === "rejected");
    el.querySelector("button.approve").setAttribute("aria-pressed", String(state === "approved"));
    el.querySelector("button.reject").setAttribute("aria-pressed", String(state === "rejected"));
    el.querySelector(".decision output").textContent = state ? labels[state] : "";
  }
  function decide(el, state, toggle){
    var id = el.dataset.id;  // a later decision replaces an earlier one
    if(toggle && decisions.get(id) === state) decisions.delete(id); else decisions.set(id, state);
    show(el);
    save();
  }
  // decisions and marks outlive a reload: kept in this browser under the bundle's hash
  var KEY = "relbot-review:" + data.bundle;
  function save(){
    var doc = {decisions: {}, fp: []};
    decisions.forEach(function(state, id){ doc.decisions[id] = state; });
    falsePositives.forEach(function(_, btn){ doc.fp.push(btn.dataset.key); });
    try {
      if(decisions.size || doc.fp.length) localStorage.setItem(KEY, JSON.stringify(doc));
      else localStorage.removeItem(KEY);
    } catch(e) {}  // storage off (a private window): the page still works, for this visit
  }
  function restore(){
    var doc = null;
    try { doc = JSON.parse(localStorage.getItem(KEY) || "null"); } catch(e) { doc = null; }
    if(!doc || typeof doc !== "object") return;
    var n = 0, m = 0, saved = doc.decisions || {}, marks = new Set(Array.isArray(doc.fp) ? doc.fp : []);
    decidable.forEach(function(el){
      var state = Object.prototype.hasOwnProperty.call(saved, el.dataset.id) ? saved[el.dataset.id] : null;
      if(state === "approved" || state === "rejected"){ decisions.set(el.dataset.id, state); show(el); n++; }
    });
    document.querySelectorAll("button.fp").forEach(function(btn){
      if(marks.has(btn.dataset.key)){ falsePositives.set(btn, true); btn.setAttribute("aria-pressed", "true"); m++; }
    });
    if(n || m){
      var out = document.getElementById("restored");
      out.textContent = "এই ব্রাউজারে রাখা " + bn(n) + "টি সিদ্ধান্ত ও " + bn(m) + "টি ভুল সতর্কতা ফিরিয়ে আনা হয়েছে";
      out.hidden = false;
    }
    if(m) document.getElementById("fp").open = true;
  }
  decidable.forEach(function(el){
    el.querySelector("button.approve").addEventListener("click", function(){ decide(el, "approved", true); counts(); filter(); });
    el.querySelector("button.reject").addEventListener("click", function(){ decide(el, "rejected", true); counts(); filter(); });
  });
  function all(state){
    decidable.forEach(function(el){ if(!el.hidden) decide(el, state, false); });
    counts(); filter();
  }
  document.getElementById("approve-shown").addEventListener("click", function(){ all("approved"); });
  document.getElementById("reject-shown").addEventListener("click", function(){ all("rejected"); });
  document.getElementById("clear-decisions").addEventListener("click", function(){
    decisions.clear(); decidable.forEach(show); counts(); filter(); save();
  });
  document.getElementById("forget").addEventListener("click", function(){
    decisions.clear(); decidable.forEach(show);
    falsePositives.forEach(function(_, btn){ btn.setAttribute("aria-pressed", "false"); });
    falsePositives.clear();
    try { localStorage.removeItem(KEY); } catch(e) {}
    document.getElementById("restored").hidden = true;
    counts(); filter(); fpShow();
  });
  document.querySelectorAll("#controls input, #controls select").forEach(function(input){
    input.addEventListener("change", filter);
  });
  document.querySelectorAll("button[data-check]").forEach(function(btn){
    btn.addEventListener("click", function(){
      var on = btn.dataset.check === "all";
      document.querySelectorAll('input[name="' + btn.dataset.group + '"]').forEach(function(i){ i.checked = on; });
      filter();
    });
  });
  function approvals(){
    var doc = {relbot_approvals: 2, bundle: data.bundle, decisions: {}};
    var reviewer = document.getElementById("reviewer").value.trim();
    if(reviewer) doc.reviewer = reviewer;
    data.entries.forEach(function(id){
      var state = decisions.get(id);
      if(state) doc.decisions[id] = state;
    });
    return doc;
  }
  function download(text, name, type){
    var url = URL.createObjectURL(new Blob([text], {type: type}));
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    setTimeout(function(){ URL.revokeObjectURL(url); a.remove(); }, 1000);
  }
  document.getElementById("export").addEventListener("click", function(){
    var text = JSON.stringify(approvals(), null, 1) + "\\n";
    document.getElementById("export-preview").textContent = text;
    document.getElementById("export-preview").hidden = false;
    download(text, "approvals.json", "application/json");
  });
  // false positives: the line for the exceptions page, the note typed once for all
  function fpLine(btn){
    var note = document.getElementById("fp-note").value.replace(/[|\\n]/g, " ").trim();
    return ("* [[" + btn.dataset.title + "]] | " + btn.dataset.code + " | " + btn.dataset.anchor + " | " + note)
      .replace(/[ |]+$/, "");
  }
  function fpText(){
    var lines = [];
    falsePositives.forEach(function(_, btn){ lines.push(fpLine(btn)); });
    return lines.join("\\n") + (lines.length ? "\\n" : "");
  }
  function fpShow(){
    var text = fpText();
    document.getElementById("fp-lines").textContent = text;
    document.getElementById("fp-lines").hidden = !text;
    document.getElementById("count-fp").textContent = bn(falsePositives.size);
    return text;
  }
  document.querySelectorAll("button.fp").forEach(function(btn){
    btn.addEventListener("click", function(){
      if(falsePositives.has(btn)) falsePositives.delete(btn); else falsePositives.set(btn, true);
      btn.setAttribute("aria-pressed", String(falsePositives.has(btn)));
      save();
      document.getElementById("fp").open = true;
      var text = fpShow();
      if(navigator.clipboard && text) navigator.clipboard.writeText(text).catch(function(){});
    });
  });
  document.getElementById("fp-note").addEventListener("input", fpShow);
  document.getElementById("export-fp").addEventListener("click", function(){
    download(fpShow(), "false-positives.txt", "text/plain");
  });
  restore(); filter(); counts(); fpShow();
})();
"""


def render_review(bundle: dict, *, docs: str | None = "default", look_alikes: dict[str, str] | None = None) -> str:
    """The review page of a bundle (``schemas/bundle.schema.json``). ``docs``: where rule codes
    link (a URL of the rule docs, ``#t003`` appended); by default :func:`default_docs`; None for
    no links. ``look_alikes``: characters shown as look-alikes in
    diffs (the profile's danda look-alikes by default)."""
    from markupsafe import Markup

    if docs == "default":
        docs = default_docs(bundle)
    if look_alikes is None:
        look_alikes = _profile_look_alikes()
    base = bundle.get("links")
    entries = [_entry(e, base, docs, look_alikes) for e in bundle.get("entries") or []]
    by_code: dict[str, dict] = {}
    for e in entries:
        for r in e["rules"]:
            info = by_code.setdefault(r["code"], {"code": r["code"], "name": r.get("name", ""), "doc": r["doc"],
                                                  "severity": r["severity"], "ids": set()})
            info["ids"].add(e["id"])
    codes = [dict(info, count=len(info["ids"]),
                  sev_sort=SEVERITIES.index(info["severity"]) if info["severity"] in SEVERITIES else 9)
             for _, info in sorted(by_code.items())]
    css = REVIEW_CSS % {"fonts": FONTS, "mono": MONO}
    js = REVIEW_JS
    csp = (f"default-src 'none'; script-src {_hash(js)}; style-src {_hash(css)}; img-src 'none'; "
           "font-src 'none'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'")
    data = json_script("relbot-review", {"bundle": bundle.get("id"),
                                         "entries": [e["id"] for e in entries if e["saveable"]]})
    return _env().get_template("review.html.j2").render(
        csp=csp, css=Markup(css), js=Markup(js), data=Markup(data), bundle=bundle, options=_options(bundle.get("options")),
        created=created_bn(bundle.get("created")), profile_name=profile_bn(bundle.get("profile")),
        source_bn=SOURCE_BN.get(bundle.get("source"), bundle.get("source")),
        entries=[e for e in entries if e["saveable"]], blocked=[e for e in entries if not e["saveable"]],
        total=len(entries), codes=codes,
        disagreements=[_disagreement(d, base, docs) for d in bundle.get("disagreements") or []], severities=SEVERITIES, severity_bn=SEVERITY_BN,
        applicability_bn=APPLICABILITY_BN, kind_bn=KIND_BN, kind_en=KIND_EN)


def _profile_look_alikes() -> dict[str, str]:
    try:
        from .profile import load_profile

        text = load_profile("bn").data["text"]
        return {c: text["danda"] for c in text.get("danda_lookalikes") or []}
    except Exception:  # the page still renders without them
        return {}
