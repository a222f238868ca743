"""MediaWiki judges relbot on the real Bengali pages (fixtures/bnwiki, linted as BILATERAL_TITLE).

A wiki of its own (module scope): the sample's templates, the working copies in
fixtures/oracle/templates and an argument-echoing stand-in for each missing template a page
passes a <ref> to or uses inside a link (tests/oracle.py: echo_templates). Pages are rendered
with action=parse, never saved.

1. A safe fix changes what a reader sees only as its rules declare (tests/oracle.py:
   ``ALLOWANCES``, ``heading_changes``); no reference, link, image, external link, template or
   category is lost, and no Cite error appears.
2. relbot's reference findings (R002, R003, R004, W002) are exactly the ones Cite shows, now
   with efn/sfn counted (the working copies make them references on the wiki as on bnwiki).
   R005 (bare URL) and R006 (citation fields) have no Cite equivalent: only counted, as are
   default-group refs after the page's last list (Cite lists them itself, without an error).
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

import oracle
from realpages import BILATERAL_TITLE, all_pages, articles

from bot import sandbox

ERROR_CODES = ("R002", "R003", "R004", "W002")
COUNTED_CODES = ("R005", "R006")  # no Cite equivalent
QUOTED = re.compile("“(.*)”")


def _seed_pages() -> dict[str, str]:
    pages = {title: text for ns, title, text in all_pages() if ns == 10}
    pages.update(oracle.template_pages())
    pages.update(oracle.echo_templates([text for _, text in articles()], set(pages)))
    return pages


@pytest.fixture(scope="module")
def oracle_wiki(tmp_path_factory, network_guard):
    missing = sandbox.missing_packages()
    if missing:
        pytest.fail(sandbox.missing_message(missing), pytrace=False)
    folder = tmp_path_factory.mktemp("oracle-wiki")
    try:
        sb = sandbox.install(folder, 0)
        sandbox.seed(sb, _seed_pages())
        yield sandbox.serve(sb)
    finally:
        sandbox.stop(folder)


@pytest.fixture(scope="module")
def corpus(oracle_wiki, profile, gaz):
    """Every article fixed (safe fixes) and rendered: the original, and the fixed text when a
    fix changed it. ``{title: (outcome, render_before, render_after | None)}``."""
    from bot.fixes import fix_page

    outcomes = {title: fix_page(text, BILATERAL_TITLE, profile, gaz) for title, text in articles()}
    jobs = {("before", t): (o.original, BILATERAL_TITLE) for t, o in outcomes.items()}
    jobs |= {("after", t): (o.text, BILATERAL_TITLE) for t, o in outcomes.items() if o.changed}
    renders = oracle.render_all(oracle_wiki.api, jobs, workers=4)
    return {t: (o, renders[("before", t)], renders.get(("after", t))) for t, o in outcomes.items()}


# ---------------------------------------------------------------- the oracle itself

def test_oracle_reads_cite_errors_and_debris(oracle_wiki):
    """Each relbot code the oracle maps, on a hand-written page (so a blind oracle fails)."""
    text = ("ক<ref>এক</ref> খ<ref name=\"x\" /> গ<ref name=\"d\">১</ref><ref name=\"d\">২</ref>"
            " ঘ<ref group=\"n\">টীকা</ref> ঙ<ref>খোলা")
    v = oracle.visible(oracle.render(oracle_wiki.api, text, BILATERAL_TITLE).html)
    assert v.sentinel and v.auto_reflist
    assert oracle.cite_findings(v) == {("R002", ""), ("R002", "n"), ("R003", "x"), ("R004", "d"),
                                       ("W002", "debris")}
    listed = "ক<ref>এক</ref>\n\n== তথ্যসূত্র ==\n{{সূত্র তালিকা}}\n"
    v = oracle.visible(oracle.render(oracle_wiki.api, listed, BILATERAL_TITLE).html)
    assert oracle.cite_findings(v) == set() and v.headings == [("h2", "তথ্যসূত্র")]
    assert v.reflists == [("↑ এক",)] and v.body == "ক[১]"
    late = listed + "খ<ref>দুই</ref>\n"
    v = oracle.visible(oracle.render(oracle_wiki.api, late, BILATERAL_TITLE).html)
    assert oracle.cite_findings(v) == {("R002", "late")} and v.lists_before == 1


def test_oracle_and_relbot_count_efn_and_sfn(oracle_wiki, profile, gaz):
    """{{efn}} makes a note of group lower-alpha that {{notelist}} lists, {{sfn}} a reference of
    the default group (two alike are one): Cite with the working copies and relbot agree."""
    from bot.article import build
    from bot.validate import validate

    def both(text):
        v = oracle.visible(oracle.render(oracle_wiki.api, text, BILATERAL_TITLE).html)
        rel = {(f.code, "*") for f in validate(build(text, BILATERAL_TITLE, profile, gaz))
               if f.code in ERROR_CODES}
        return v, cite_view(v), rel

    body = "ক{{efn|টীকা এক}} খ{{sfn|Gupta|1981|p=5}} গ{{sfn|Gupta|1981|p=5}}\n\n"
    v, cite, rel = both(body + "== তথ্যসূত্র ==\n{{সূত্র তালিকা}}\n")
    assert oracle.cite_findings(v) == {("R002", "lower-alpha")} and cite == rel == {("R002", "*")}
    assert [len(lst) for lst in v.reflists] == [1]
    v, cite, rel = both(body + "== টীকা ==\n{{notelist}}\n\n== তথ্যসূত্র ==\n{{সূত্র তালিকা}}\n")
    assert cite == rel == set()
    assert v.reflists[0] == ("↑ টীকা এক",) and len(v.reflists[1]) == 1


def test_oracle_allows_only_the_declared_heading_changes():
    renames, refs = {"আরো দেখুন": "আরও দেখুন", "উৎস": "তথ্যসূত্র"}, "তথ্যসূত্র"
    before = [("h2", "ইতিহাস"), ("h2", "আরো দেখুন")]
    renamed_added = [("h2", "ইতিহাস"), ("h2", "আরও দেখুন"), ("h2", "তথ্যসূত্র")]
    assert oracle.heading_changes(before, renamed_added, {"L001", "L003"}, renames, refs) == []
    # without L003 the added section is undeclared; without L001 the rename; a lost heading never
    assert oracle.heading_changes(before, renamed_added, {"L001"}, renames, refs) != []
    assert oracle.heading_changes(before, renamed_added, {"L003"}, renames, refs) != []
    assert oracle.heading_changes(before, before[:1], {"L001", "L003"}, renames, refs) == [
        ([("h2", "আরো দেখুন")], [])]


def test_oracle_explains_only_the_declared_typography():
    diffs = oracle.explain("সে যায় । তারা,যায়৷৷ ফেরে ,", "সে যায়। তারা,যায়। ফেরে,", {"T001", "T002", "T003"})
    assert [d.rule for d in diffs] == ["T003", "T002+T003+T001", "T003"]
    # the same change without the rule that declares it, or with a letter lost, is unexplained
    assert [d.rule for d in oracle.explain("সে যায় ।", "সে যায়।", {"T001"})] == [None]
    assert [d.rule for d in oracle.explain("সে যায় ।", "সে যা।", {"T003"})] == [None]


# ---------------------------------------------------------------- 1. visible text after safe fixes

def _visible_violations(title, outcome, before, after, renames, references,
                        explained: Counter) -> list[str]:
    codes = set(outcome.codes)
    tag = f"{title} [{', '.join(sorted(codes))}]"
    vb, va = oracle.visible(before.html), oracle.visible(after.html)
    diffs = oracle.explain(vb.body, va.body, codes)
    explained.update(d.rule for d in diffs if d.rule)
    out = [f"{tag} text: {d.before!r} → {d.after!r} in …{d.context}…" for d in diffs if d.rule is None]
    out += [f"{tag} headings: {old} → {new}"
            for old, new in oracle.heading_changes(vb.headings, va.headings, codes, renames, references)]
    lists_b = sorted(tuple(oracle.normalise(x, codes) for x in lst) for lst in vb.reflists)
    lists_a = sorted(tuple(oracle.normalise(x, codes) for x in lst) for lst in va.reflists)
    if lists_b != lists_a:
        out.append(f"{tag} reference lists: {[len(x) for x in vb.reflists]} items → "
                   f"{[len(x) for x in va.reflists]}; lost {sorted(set(sum(lists_b, ())) - set(sum(lists_a, ())))[:3]}")
    new_errors = Counter(va.errors) - Counter(vb.errors)
    if new_errors:
        out.append(f"{tag} new Cite errors: {sorted(new_errors)}")
    if before.categories != after.categories:
        out.append(f"{tag} categories: lost {sorted(before.categories - after.categories)}, "
                   f"gained {sorted(after.categories - before.categories)}")
    for kind in ("links", "images", "externallinks", "templates"):
        lost = getattr(before, kind) - getattr(after, kind)
        if lost:
            out.append(f"{tag} {kind} lost: {sorted(lost)[:5]}")
    return out


def test_safe_fixes_change_visible_text_only_as_their_rules_declare(corpus, profile,
                                                                    record_testsuite_property):
    renames = {alias: sec["title"] for group in ("standard", "body")
               for sec in profile.data["sections"][group] for alias in sec["aliases"]}
    references = profile.section_title("references")
    changed = {t: v for t, v in corpus.items() if v[2] is not None}
    assert len(changed) > 200  # the sample's safe fixes touch most pages
    violations, explained, pages = [], Counter(), Counter()
    for title, (outcome, before, after) in changed.items():
        violations += _visible_violations(title, outcome, before, after, renames, references,
                                          explained)
        pages.update(outcome.codes)
    record_testsuite_property("pages_changed", len(changed))
    record_testsuite_property("pages_by_rule", dict(pages))
    record_testsuite_property("differences_explained", dict(explained))
    assert not violations, f"{len(violations)} undeclared visible changes:\n" + "\n".join(violations)


# ---------------------------------------------------------------- 2. reference findings vs Cite

def relbot_findings(outcome) -> set[tuple[str, str]]:
    """(code, detail) of the page as it was, in the oracle's terms: R003/R004 with the ref name,
    R002 and W002 per page."""
    out = set()
    for f in outcome.findings:
        if f.code in ("R003", "R004"):
            out.add((f.code, oracle.nfc(QUOTED.search(f.message_en).group(1))))
        elif f.code in ("R002", "W002"):
            out.add((f.code, "*"))
    return out


def cite_view(v) -> set[tuple[str, str]]:
    """Cite's findings in relbot's terms; refs after the last list (Cite adds a list of its own,
    without an error) are no R002 (``late``: counted, not compared)."""
    return {(code, "*" if code in ("R002", "W002") else detail)
            for code, detail in oracle.cite_findings(v) if (code, detail) != ("R002", "late")}


def test_reference_findings_agree_with_cite(corpus, record_testsuite_property):
    disagreements, counted, compared = [], Counter(), Counter()
    for title, (outcome, before, _) in corpus.items():
        rel, cite = relbot_findings(outcome), cite_view(oracle.visible(before.html))
        compared.update(f"relbot {c}" for c, _ in rel)
        compared.update(f"Cite {c}" for c, _ in cite)
        disagreements += [f"{title}: relbot only {c} {d}" for c, d in sorted(rel - cite)]
        disagreements += [f"{title}: Cite only {c} {d}" for c, d in sorted(cite - rel)]
        counted.update(f.code for f in outcome.findings if f.code in COUNTED_CODES)
        counted.update("late default refs" for c in oracle.cite_findings(oracle.visible(before.html))
                       if c == ("R002", "late"))
    record_testsuite_property("uncompared_findings", dict(counted))
    record_testsuite_property("compared_findings", dict(compared))
    assert len(corpus) == 269
    assert not disagreements, (f"{len(disagreements)} disagreements with Cite:\n"
                               + "\n".join(disagreements))
