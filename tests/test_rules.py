"""The rule catalogue: every rule fires on its fixture, stays silent on clean articles, and
matches the contract in docs/spec-rules.md (codes, severities, fix applicability)."""

import re

import pytest

from bot.rules import all_rules
from conftest import FIXTURES, ROOT, SEED, read, title_of

SPEC = ROOT / "docs" / "spec-rules.md"  # the rule catalogue the project was given: codes are a contract
RULE_DIRS = sorted(p for p in (FIXTURES / "rules").iterdir() if p.is_dir())
CLEAN = sorted((FIXTURES / "clean").glob("*.wikitext"))


def spec_rows():
    rows = {}
    for line in SPEC.read_text("utf-8").splitlines():
        m = re.match(r"\|\s*([LIRETW]\d{3})\s*\|(.*)\|\s*(error|warning|style)\s*\|(.*)\|\s*$", line)
        if m:
            fix = m.group(4).strip()
            kind = "safe" if fix.startswith("safe") else "unsafe" if fix.startswith("unsafe") else None
            rows[m.group(1)] = (m.group(3), kind)
    return rows


def codes_of(findings):
    return [f.code for f in findings]


#: Rules that only judge with English pages (lint --against): their fixtures are linted against
#: the English pages shipped in fixtures/enwiki.
CROSSWIKI = {"E008", "E009"}


def english_corpus():
    from bot.cli import english_pages
    from conftest import CORPUS

    return english_pages([CORPUS])


def lint_file(lint, path, **kw):
    if path.parent.name in CROSSWIKI:
        kw.setdefault("english", english_corpus())
    return lint(read(path), title_of(path), **kw)


def test_catalogue_matches_spec():
    rows = spec_rows()
    assert len(rows) == 40  # the 38 given, and E008 and E009 (issue #23)
    rules = all_rules()
    assert set(rules) >= set(rows)  # the catalogue may grow; codes never change meaning
    for code, (severity, fix) in rows.items():
        rule = rules[code]
        assert rule.severity == severity, code
        assert rule.fix == fix, code
        assert rule.message_bn and rule.message_en and rule.doc and rule.example, code
        assert re.search("[\u0980-\u09ff]", rule.message_bn), code


def test_every_rule_has_a_fixture():
    assert {d.name for d in RULE_DIRS} == set(all_rules())


@pytest.mark.parametrize("rule_dir", RULE_DIRS, ids=lambda d: d.name)
def test_rule_fires_on_its_fixture(lint, rule_dir):
    files = sorted(rule_dir.glob("*.wikitext"))
    assert files
    for path in files:
        art, findings = lint_file(lint, path)
        assert art.status == "checked", (path, art.reason)
        assert rule_dir.name in codes_of(findings), (path.name, codes_of(findings))
        # and selecting only that rule reports only it
        _, only = lint_file(lint, path, select=[rule_dir.name])
        assert set(codes_of(only)) == {rule_dir.name}


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.stem)
def test_clean_article_is_silent(lint, path):
    art, findings = lint_file(lint, path)
    assert art.status == "checked"
    assert [(f.code, f.message_en) for f in findings] == []
    assert len(art.facts) >= 2  # missions in prose and infobox were found


def test_seed_findings(lint):
    art, findings = lint_file(lint, SEED)
    codes = codes_of(findings)
    for code in ("I001", "R001", "T001", "E003", "L003", "L007"):
        assert code in codes, code
    assert codes.count("E003") == 4  # the four mission sentences, none referenced
    assert codes.count("L007") == 2  # ==ইতিহাস== and ==বাণিজ্য এবং দ্বিপাক্ষিক সম্পর্ক==
    # nothing else at error or warning level
    assert {f.code for f in findings if f.severity in ("error", "warning")} == {"I001", "R001", "T001", "E003", "L003"}
    assert not [f for f in findings if f.severity == "error"]


def test_seed_mission_facts(build):
    art = build(read(SEED), title_of(SEED))
    facts = [(f.sender, f.host_city_id, f.host_country, f.kind, f.year) for f in art.facts]
    assert facts == [
        ("AR", "AZ:baku", "AZ", "embassy", None),
        ("AZ", "AR:buenos-aires", "AR", "embassy", None),
        ("AZ", "AR:buenos-aires", "AR", "embassy", 2010),
        ("AR", "AZ:baku", "AZ", "embassy", 2012),
    ]
    assert not any(f.has_ref for f in art.facts)


def test_finding_spans_are_exact(lint):
    text = read(SEED)
    _, findings = lint_file(lint, SEED)
    by = {}
    for f in findings:
        by.setdefault(f.code, []).append(text[f.start:f.end])
    assert by["T001"] == ["।।"]
    assert by["L007"] == ["ইতিহাস", "বাণিজ্য এবং দ্বিপাক্ষিক সম্পর্ক"]
    assert all(s.startswith("আজারবাইজানের রাজধানী") or "দূতাবাস" in s for s in by["E003"])
    assert all(s.endswith("।") for s in by["E003"])


def test_text_rule_spans(lint):
    title = "বাংলাদেশ–ভুটান সম্পর্ক"
    base = "'''বাংলাদেশ–ভুটান সম্পর্ক''' হল দুই দেশের সম্পর্ক। "
    cases = {
        "T002": ("সম্পর্ক রয়েছে৷ শেষ।", "৷"),
        "T003": ("সম্পর্ক রয়েছে । শেষ।", " "),
        "T004": ("1991 সালে সম্পর্ক হয়।", "1991"),
        "T005": ("সম্পর্ক র\u09dfেছে।", "\u09df"),
    }
    for code, (prose, marked) in cases.items():
        text = base + prose
        _, findings = lint(text, title, select=[code])
        assert [text[f.start:f.end] for f in findings] == [marked], code
        assert findings[0].fix is not None


def test_text_rules_skip_non_prose(lint):
    title = "বাংলাদেশ–ভুটান সম্পর্ক"
    text = ("'''বাংলাদেশ–ভুটান সম্পর্ক''' হল সম্পর্ক।<ref>{{ওয়েব উদ্ধৃতি |ইউআরএল=https://x.org/1991 |শিরোনাম=ক ।।}}</ref>"
            " <nowiki>রয়েছে।।</nowiki> {{উদ্ধৃতি|শিরোনাম=২০১০ ।।}} [[চিত্র:Map 2010.png|থাম্ব|১]]"
            " <math>1 + 2 ।</math> [https://example.org/2012 সূত্র]")
    _, findings = lint(text, title, select=["T"])
    assert findings == []


def test_suppression_comment(lint):
    path = next((FIXTURES / "suppress").glob("*.wikitext"))
    text = read(path)
    _, quiet = lint(text, title_of(path))
    loud_text = re.sub(r"<!--\s*relbot:[^>]*-->\n?", "", text)
    _, loud = lint(loud_text, title_of(path))
    assert {"E003", "L007"} <= set(codes_of(loud))
    assert not {"E003", "L007"} & set(codes_of(quiet))


def test_select_and_ignore_prefixes(lint):
    _, findings = lint_file(lint, SEED, select=["E", "L00"])
    assert codes_of(findings) and all(c[0] in "EL" for c in codes_of(findings))
    _, findings = lint_file(lint, SEED, ignore=["E003", "L"])
    assert not {"E003", "L003", "L007"} & set(codes_of(findings))


def test_unknown_rule_code_is_refused(lint):
    from bot.validate import UnknownRule

    with pytest.raises(UnknownRule):
        lint_file(lint, SEED, select=["X001"])


def test_fix_applicability_reported(lint):
    _, findings = lint_file(lint, SEED)
    fixes = {f.code: f.fix.applicability if f.fix else None for f in findings}
    assert fixes["T001"] == "safe" and fixes["L007"] == "safe" and fixes["L003"] == "safe"
    assert fixes["I001"] == "unsafe" and fixes["R001"] == "unsafe" and fixes["E003"] is None


def test_i004_fix_only_when_empty_or_equal(lint):
    title = "বাংলাদেশ–ভুটান সম্পর্ক"
    box = "{{তথ্যছক দ্বিপাক্ষিক সম্পর্ক||বাংলাদেশ|ভুটান|envoy1=%s|envoy1=%s}}\n'''বাংলাদেশ–ভুটান সম্পর্ক'''"
    for a, b, fixable in (("ক", "খ", False), ("ক", "", True), ("ক", "ক", True)):
        _, findings = lint(box % (a, b), title, select=["I004"])
        assert len(findings) == 1
        assert (findings[0].fix is not None) is fixable, (a, b)


def test_skipped_pages(build, profile):
    assert build("#পুনর্নির্দেশ [[ক]]").reason == "redirect"
    assert build("#REDIRECT [[ক]]").reason == "redirect"
    assert build("   \n").reason == "empty"
    assert build("কিছু লেখা।", "বাংলাদেশের বৈদেশিক সম্পর্ক").reason == "not-bilateral"
    big = "ক" * (profile.limits["max_bytes"] // 3 + 1)
    assert build(big).reason == "too-large"
    assert build("{{a|b " * 8000).reason == "unparseable"


def _branch_verdicts(art):
    """Per policy branch, then the whole policy: (fastjsonschema passes, jsonschema finds no error)."""
    from bot.schema import validator
    from bot.validate import _passes, _policy_checks

    whole, branches = _policy_checks()
    out = [(_passes(check, art.doc), next(full.iter_errors(art.doc), None) is None)
           for _, check, full in branches]
    return out + [(_passes(whole, art.doc), next(validator("policy").iter_errors(art.doc), None) is None)]


@pytest.mark.parametrize("path", sorted(p for p in FIXTURES.rglob("*.wikitext") if p.stat().st_size),
                         ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_policy_screen_agrees_with_jsonschema(build, path):
    """The compiled screen only decides which branches jsonschema lists errors for: the two
    must agree on every branch, or a finding would be lost."""
    for title in (title_of(path), "বাংলাদেশ–ভুটান সম্পর্ক"):
        art = build(read(path), title)
        if art.status != "checked":
            continue
        verdicts = _branch_verdicts(art)
        assert all(fast == full for fast, full in verdicts), verdicts


def test_policy_screen_sees_failures(build):
    """Not a screen that passes everything: the seed fails some branches, a clean article none."""
    seed = _branch_verdicts(build(read(SEED), title_of(SEED)))
    assert any(not fast for fast, _ in seed)
    assert all(fast for fast, _ in _branch_verdicts(build(read(CLEAN[0]), title_of(CLEAN[0]))))


def test_t_rule_patterns_match_their_readable_forms(profile):
    """The T patterns are written to start with a literal (fast); on random text they find
    exactly what the readable form in their docstring finds."""
    import random

    from bot.rules import text as T

    spec = profile.text
    danda, marks = re.escape(spec["danda"]), "".join(re.escape(c) for c in spec["danda_lookalikes"])
    readable = {
        T.t002_pattern: re.compile(rf"[{marks}]|(?<=[\u0980-\u09ff]) ?\|(?=\s|$)"),
        T.t003_pattern: re.compile(rf"(?<=\S)[ \t\u00a0]+(?=[{danda},?!])"),
        T.t004_pattern: re.compile(r"(?<![A-Za-z0-9\-_/.])[0-9]+(?:[.,][0-9]+)*(?![A-Za-z0-9_])"),
        T.t001_pattern: re.compile(danda + "{2,}"),
    }
    alphabet = list("কখঅআ a Z\t\u00a0\n|।৷,?!0123456789.-_/") + ["।।", " ।", "ক |", "G20", "1,000.5"]
    rnd = random.Random(7)
    texts = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30))) for _ in range(30_000)]
    for make, plain in readable.items():
        fast, needles = make(spec)
        for t in texts:
            spans = [m.span() for m in fast.finditer(t)]
            assert spans == [m.span() for m in plain.finditer(t)], (make.__name__, t)
            if spans:  # every match contains a needle: the substring pre-check never hides one
                assert any(n in t for n in needles), (make.__name__, t)


def test_policy_screen_only_for_keywords_draft7_reads_alike(build):
    """A 2020-12-only keyword (here prefixItems) gets no fastjsonschema screen, so jsonschema
    checks that branch on every page and no finding is lost to a draft difference."""
    from bot.validate import _draft7_safe, _passes, _policy_checks

    whole, branches = _policy_checks()
    assert whole is not None and all(check is not None for _, check, _ in branches)
    assert _draft7_safe({"properties": {"a": {"items": {"const": 1}}}, "x-rule": "I001"})
    assert not _draft7_safe({"properties": {"a": {"prefixItems": [{"const": 1}]}}})
    assert not _draft7_safe({"items": [{"const": 1}]})
    assert not _passes(None, {})


def test_l006_a_level_one_heading_counts_as_level_one_for_the_skip(lint):
    # "= ক =" then "=== খ ===" skips level 2: both are reported (the first as level 1);
    # "= ক =" then "== খ ==" skips nothing: only the level-1 heading is
    lead = "'''বাংলাদেশ–ভুটান সম্পর্ক''' হল দুই দেশের সম্পর্ক।\n"
    skip = lead + "= ইতিহাস =\nদুই দেশ ১৯৭৩ সালে সম্পর্ক স্থাপন করে।\n=== সফর ===\nপ্রধানমন্ত্রী ঢাকা সফর করেন।\n"
    art, findings = lint(skip, "বাংলাদেশ–ভুটান সম্পর্ক", select=["L006"])
    assert [(art.text[f.start:f.end], f.message_en) for f in findings] == [
        ("= ইতিহাস =", "heading level 1 skips a level or is level 1"),
        ("=== সফর ===", "heading level 3 skips a level or is level 1")]
    step = skip.replace("=== সফর ===", "== সফর ==")
    art, findings = lint(step, "বাংলাদেশ–ভুটান সম্পর্ক", select=["L006"])
    assert [art.text[f.start:f.end] for f in findings] == ["= ইতিহাস ="]
