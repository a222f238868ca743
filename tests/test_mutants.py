"""Tests that kill the mutants of the core that mattered (bench/mutmut.sh, bench/RESULTS.md).

Each test names the mutant it kills: ``file:line`` and the change (the first tests, from a
hand-written mutation loop), or mutmut's name (``bot.fixes.x_guard__mutmut_3``; ``mutmut show
NAME`` prints its diff). The expectations come from the engine's and the rules' documented
behaviour, worked out by hand.
"""

from datetime import date

import pytest

from bot.fixes import Applied, _overlaps, applicable, choose, fix_page, guard, inventory, summary
from bot.rules import REGISTRY, Edit, Fix, Hit, Rule, all_rules
from bot.validate import Finding
from conftest import FIXTURES, SEED, read, title_of

TODAY = date(2026, 11, 28)
RULE = Rule("Z998", "test", "warning", "পরীক্ষা", "test", "safe", "test only", "")


def _finding(*edits: Edit, start: int = 0) -> Finding:
    return Finding(RULE, start, start, "পরীক্ষা", "test", Fix("safe", "test", list(edits)))


# -- fixes._overlaps: two edits may not touch the same text ---------------------------------

def test_overlapping_replacements_overlap():
    # kills fixes.py:87 `return a.start < b.end and b.start < a.end` -> pass / return None
    assert _overlaps(Edit(0, 5, "x"), Edit(4, 8, "y")) is True
    assert _overlaps(Edit(4, 8, "y"), Edit(0, 5, "x")) is True
    assert _overlaps(Edit(2, 3, "x"), Edit(0, 9, "y")) is True


def test_adjacent_replacements_and_boundary_insertions_do_not_overlap():
    assert _overlaps(Edit(0, 5, "x"), Edit(5, 8, "y")) is False
    assert _overlaps(Edit(5, 5, "x"), Edit(0, 5, "y")) is False  # insertion at the end
    assert _overlaps(Edit(0, 5, "y"), Edit(0, 0, "x")) is False  # insertion at the start


def test_insertions_overlap_only_at_the_same_point_or_inside_a_replacement():
    assert _overlaps(Edit(3, 3, "a"), Edit(3, 3, "b")) is True
    assert _overlaps(Edit(3, 3, "a"), Edit(4, 4, "b")) is False
    assert _overlaps(Edit(3, 3, "a"), Edit(0, 5, "b")) is True
    assert _overlaps(Edit(0, 5, "b"), Edit(3, 3, "a")) is True


def test_boundary_insertions_and_touching_replacements_do_not_overlap_in_either_order():
    # the mirror images of the cases above; kills bot.fixes.x__overlaps__mutmut_6, _10 and _12
    # (`<` made `<=` in fixes.py:84, 86 and 87)
    assert _overlaps(Edit(0, 0, "x"), Edit(0, 5, "y")) is False  # insertion at the start, first
    assert _overlaps(Edit(0, 5, "y"), Edit(5, 5, "x")) is False  # insertion at the end, second
    assert _overlaps(Edit(5, 8, "y"), Edit(0, 5, "x")) is False  # the later replacement first


# -- fixes.choose --------------------------------------------------------------------------

def test_a_fix_identical_to_a_chosen_one_rides_along():
    # two rules offering the same edit are both applied (both get credit in the summary);
    # kills fixes.py:99 `if key in seen:` -> pass and fixes.py:108 `seen.add(key)` -> pass
    # (and the choice goes on after it: kills fixes.py:101 `continue` -> break)
    a = _finding(Edit(2, 4, "x"), start=2)
    b = _finding(Edit(2, 4, "x"), start=2)
    later = _finding(Edit(20, 30, "longer"), start=20)
    assert choose([later, a, b], unsafe=False, layout=False) == [a, b, later]


def test_a_fix_overlapping_a_chosen_one_waits():
    # smallest first; a later fix that overlaps none is still taken (kills fixes.py:103 -> break)
    small = _finding(Edit(2, 4, "x"), start=2)
    big = _finding(Edit(0, 9, "longer"), start=0)
    elsewhere = _finding(Edit(20, 40, "much longer"), start=20)
    assert choose([elsewhere, big, small], unsafe=False, layout=False) == [small, elsewhere]


def test_a_malformed_fix_never_applies():
    # a fix whose own edits overlap cannot be applied as one; kills fixes.py:104 -> pass
    # (it sorts first, being the smallest; the choice goes on after it: kills fixes.py:105 -> break)
    bad = _finding(Edit(0, 2, ""), Edit(1, 3, ""))
    good = _finding(Edit(10, 15, "zzzzz"), start=10)
    assert choose([good, bad], unsafe=False, layout=False) == [good]


# -- fixes._fix_page -----------------------------------------------------------------------

def test_rounds_count_only_rounds_that_applied_something(profile, gaz):
    # the seed's three safe fixes (T001, L007, L003) touch disjoint text: one round, and the
    # verifying parse finds nothing more to apply; kills fixes.py:206 `if not chosen: break` -> pass
    out = fix_page(read(SEED), title_of(SEED), profile, gaz, today=TODAY)
    assert out.codes == ["L003", "L007", "T001"]
    assert out.rounds == 1
    clean = next((FIXTURES / "clean").glob("*.wikitext"))
    out = fix_page(read(clean), title_of(clean), profile, gaz, today=TODAY)
    assert out.rounds == 0 and out.applied == [] and out.text == read(clean)


@pytest.fixture
def redirecting_rule(monkeypatch):
    """A deliberately bad 'fix' that turns the page into a redirect, which relbot does not read."""
    def check(art):
        if not art.text.startswith("#"):
            yield Hit(0, 0, {}, Fix("safe", "redirect", [Edit(0, 0, "#পুনর্নির্দেশ [[ভারত]]\n")]))

    rule = Rule("Z997", "redirecting", "warning", "পুনর্নির্দেশ", "redirect", "safe", "test only", "",
                check)
    all_rules()
    monkeypatch.setitem(REGISTRY, "Z997", rule)
    return rule


def test_a_fix_that_makes_the_page_unreadable_is_refused(profile, gaz, redirecting_rule):
    # kills fixes.py:215 `if art.status != 'checked':` -> pass, and fixes.py:224 (a refused
    # edit reports what remains on the page as it was: here the redirecting rule's own finding)
    text = read(SEED)
    out = fix_page(text, title_of(SEED), profile, gaz, today=TODAY, select=["Z997"])
    assert out.refused == {"bn": "সম্পাদনা বাতিল: সংশোধনের পর পাতাটি পড়া যায় না (redirect)",
                           "en": "edit refused: the fixed page could not be read (redirect)"}
    assert out.text == text and out.applied == [] and not out.changed
    assert [(f.code, f.start, f.end) for f in out.remaining] == [("Z997", 0, 0)]


@pytest.fixture
def stepping_rule(monkeypatch):
    """A test rule whose fix replaces the first marker ``ZZa``/``ZZb``/... with the next one
    of ``steps`` (a dict set by the test): lets a test build no-op fixes and cycles."""
    steps: dict[str, str] = {}

    def check(art):
        for old, new in steps.items():
            at = art.text.find(old)
            if at >= 0:
                yield Hit(at, at + len(old), {}, Fix("safe", "step", [Edit(at, at + len(old), new)]))
                return

    rule = Rule("Z996", "stepping", "warning", "ধাপ", "step", "safe", "test only", "", check)
    all_rules()
    monkeypatch.setitem(REGISTRY, "Z996", rule)
    return steps


def test_a_fix_that_changes_nothing_stops_the_rounds(profile, gaz, stepping_rule):
    # kills fixes.py:210 `if new_text == art.text or new_text in seen_texts: break` -> pass
    stepping_rule["ZZa"] = "ZZa"
    text = read(SEED).replace("\n", "\nZZa\n", 1)
    out = fix_page(text, title_of(SEED), profile, gaz, today=TODAY, select=["Z996"])
    assert out.rounds == 1 and out.applied == [] and out.text == text


def test_a_cycle_of_fixes_stops_at_the_first_repeated_text(profile, gaz, stepping_rule):
    # a -> b -> c -> b: the third round would bring back the text of the second, so the engine
    # stops after it with the c text and two applied fixes;
    # kills fixes.py:212 `seen_texts.add(new_text)` -> pass (it would run all MAX_ROUNDS)
    stepping_rule.update({"ZZa": "ZZb", "ZZb": "ZZc", "ZZc": "ZZb"})
    text = read(SEED).replace("\n", "\nZZa\n", 1)
    out = fix_page(text, title_of(SEED), profile, gaz, today=TODAY, select=["Z996"])
    assert out.rounds == 3
    assert out.codes == ["Z996"] and len(out.applied) == 2
    assert out.text == read(SEED).replace("\n", "\nZZc\n", 1)


@pytest.fixture
def deleting_rule(monkeypatch):
    """A harmful test 'fix' deleting the first occurrence of ``target[0]`` (set by the test)
    while the page holds at least ``target[1]`` of them."""
    target: list = []

    def check(art):
        at = art.text.find(target[0])
        if at >= 0 and art.text.count(target[0]) >= target[1]:
            yield Hit(at, at + len(target[0]), {}, Fix("safe", "tidy", [Edit(at, at + len(target[0]), "")]))

    rule = Rule("Z995", "deleting", "warning", "মুছে ফেলা", "delete", "safe", "test only", "", check)
    all_rules()
    monkeypatch.setitem(REGISTRY, "Z995", rule)
    return target


def test_guard_refuses_a_lost_template_when_references_are_intact(profile, gaz, deleting_rule):
    # the guard checks every kind, not only up to the first kind with nothing missing;
    # kills fixes.py:156 `continue` -> break
    text = read(SEED)
    text = text.replace("\n", "\n{{অসম্পূর্ণ}}\n", 1)
    deleting_rule[:] = ["{{অসম্পূর্ণ}}", 1]
    out = fix_page(text, title_of(SEED), profile, gaz, today=TODAY, select=["Z995"])
    assert out.refused is not None
    assert out.refused["en"] == "edit refused: it would have lost template “অসম্পূর্ণ”"
    assert out.text == text and out.applied == []


def test_guard_refuses_dropping_one_of_two_categories_by_a_rule_other_than_w004(
        profile, gaz, deleting_rule):
    # only W004 may drop a duplicate category; kills fixes.py:157 `and` -> `or`
    text = read(SEED).rstrip("\n") + "\n[[বিষয়শ্রেণী:পরীক্ষা]]\n[[বিষয়শ্রেণী:পরীক্ষা]]\n"
    deleting_rule[:] = ["[[বিষয়শ্রেণী:পরীক্ষা]]\n", 2]  # one of the two
    out = fix_page(text, title_of(SEED), profile, gaz, today=TODAY, select=["Z995"])
    assert out.refused is not None and out.text == text
    assert out.refused["en"] == "edit refused: it would have lost category “পরীক্ষা”"


# -- fixes.applicable, the smallest-first order, guard's message, summary -------------------

def test_layout_applies_unsafe_fixes_of_layout_rules_only():
    # kills fixes.py:75 `finding.code in LAYOUT_RULES` -> `not in`
    def unsafe_finding(code):
        rule = Rule(code, "test", "warning", "পরীক্ষা", "test", "unsafe", "test only", "")
        return Finding(rule, 0, 0, "পরীক্ষা", "test", Fix("unsafe", "test", [Edit(0, 0, "x")]))

    assert applicable(unsafe_finding("L001"), unsafe=False, layout=True) is True
    assert applicable(unsafe_finding("T001"), unsafe=False, layout=True) is False
    assert applicable(unsafe_finding("L001"), unsafe=False, layout=False) is False
    assert applicable(unsafe_finding("T001"), unsafe=True, layout=False) is True


def test_the_smaller_fix_wins_wherever_it_is():
    # size = replaced length + new length, not a position; kills fixes.py:93 `e.end - e.start` -> `+`
    late_small = _finding(Edit(100, 102, "x"), start=100)   # size 3
    early_big = _finding(Edit(0, 101, ""), start=0)        # size 101, overlaps it
    assert choose([early_big, late_small], unsafe=False, layout=False) == [late_small]


W004 = [Applied("W004", "style", "safe", "drop a duplicate category")]


def test_guard_lets_w004_drop_only_a_duplicate(build):
    # W004 may remove one of two [[বিষয়শ্রেণী:ক]], not the only [[বিষয়শ্রেণী:খ]];
    # kills fixes.py:159 `new[kind][k] == 0` -> `== -1`
    before = build("লেখা।\n[[বিষয়শ্রেণী:ক]]\n[[বিষয়শ্রেণী:ক]]\n[[বিষয়শ্রেণী:খ]]\n")
    after = build("লেখা।\n[[বিষয়শ্রেণী:ক]]\n")
    assert guard(before, after, W004) == {"bn": "সম্পাদনা বাতিল: এতে হারিয়ে যেত — category “খ”",
                                          "en": "edit refused: it would have lost category “খ”"}
    assert guard(before, build("লেখা।\n[[বিষয়শ্রেণী:ক]]\n[[বিষয়শ্রেণী:খ]]\n"), W004) is None


def test_guard_names_five_losses_and_counts_the_rest(build):
    # kills the mutants of fixes.py:163 (`lost[:5]`, `len(lost) > 5`, `len(lost) - 5`)
    cats = "".join(f"[[বিষয়শ্রেণী:{c}]]\n" for c in "কখগঘঙচছ")
    message = guard(build("লেখা।\n" + cats), build("লেখা।\n"), [])
    names = "; ".join(f"category “{c}”" for c in "কখগঘঙ")
    assert message["en"] == f"edit refused: it would have lost {names} (+2)"
    six = "".join(f"[[বিষয়শ্রেণী:{c}]]\n" for c in "কখগঘঙচ")
    message = guard(build("লেখা।\n" + six), build("লেখা।\n"), [])
    assert message["en"] == f"edit refused: it would have lost {names} (+1)"
    five = "".join(f"[[বিষয়শ্রেণী:{c}]]\n" for c in "কখগঘঙ")
    message = guard(build("লেখা।\n" + five), build("লেখা।\n"), [])
    assert message["en"] == f"edit refused: it would have lost {names}"


def test_a_skipped_page_keeps_its_title_status_reason_and_parse(profile, gaz):
    # a redirect is not fixed; the Outcome still says what it is (the CLI prints the reason, a
    # run counts it, a review bundle keys on the title); kills bot.fixes.x__fix_page__mutmut_18
    # and _22 to _30 (title, reason, article, first, status dropped from the Outcome)
    path = FIXTURES / "skip" / "ভুটান–বাংলাদেশ_সম্পর্ক.wikitext"
    text = read(path)
    out = fix_page(text, title_of(path), profile, gaz, today=TODAY)
    assert (out.title, out.status, out.reason) == ("ভুটান–বাংলাদেশ সম্পর্ক", "skipped", "redirect")
    assert out.article is out.first and out.first.text == text and out.first.status == "skipped"
    assert out.text == text and out.applied == [] and out.rounds == 0


def test_fix_page_loads_the_profile_gazetteer_when_given_none(profile, gaz):
    # kills bot.fixes.x__fix_page__mutmut_3 (`Gazetteer.load(None)`: a crash without a gazetteer)
    from test_fix_expected import TITLE

    doubled = _expected_case("T001", "double-danda")
    assert fix_page(doubled.before, TITLE, profile, today=TODAY).text == doubled.after


def test_fix_page_passes_layout_and_ignore_on(profile, gaz):
    # fix_page hands its options to the rounds; kills bot.fixes.x_fix_page__mutmut_9 (layout
    # dropped: --layout would apply no unsafe layout fix) and _11 (ignore dropped)
    from test_fix_expected import CASES, TITLE

    case = {(c.code, c.name): c for c in CASES}
    moved = case["L002", "references-before-body"]  # L002's fix is unsafe, a layout rule's
    out = fix_page(moved.before, TITLE, profile, gaz, layout=True, today=TODAY)
    assert out.codes == ["L002"] and out.text == moved.after
    assert fix_page(moved.before, TITLE, profile, gaz, today=TODAY).changed is False
    doubled = case["T001", "double-danda"]
    assert fix_page(doubled.before, TITLE, profile, gaz, today=TODAY).codes == ["T001"]
    out = fix_page(doubled.before, TITLE, profile, gaz, today=TODAY, ignore=["T001"])
    assert out.changed is False and out.applied == []


def _expected_case(code, name):
    from test_fix_expected import CASES

    return next(c for c in CASES if (c.code, c.name) == (code, name))


def test_the_rounds_stop_at_max_rounds(profile, gaz):
    # L007 (spacing, the smaller edit) and L001 (the rename) both rewrite the heading "==উৎস==":
    # one round each. Kills bot.fixes.x__fix_page__mutmut_43 (`rounds < max_rounds` -> `<=`)
    # and _70, _71 (the applied fix's applicability and description, which a review bundle lists)
    from test_fix_expected import CLEAN, TITLE

    text = CLEAN.replace("== তথ্যসূত্র ==", "==উৎস==")
    out = fix_page(text, TITLE, profile, gaz, today=TODAY, max_rounds=1)
    assert out.rounds == 1 and out.text == CLEAN.replace("== তথ্যসূত্র ==", "== উৎস ==")
    assert out.applied == [Applied("L007", "style", "safe", "normalise heading spacing")]
    assert [f.code for f in out.remaining] == ["L001"]
    both = fix_page(text, TITLE, profile, gaz, today=TODAY, max_rounds=2)
    assert both.rounds == 2 and both.text == CLEAN and both.codes == ["L001", "L007"]


def test_ignore_holds_in_every_round(profile, gaz):
    # round 1 fixes the heading (L007); round 2 must still ignore the doubled danda (T001);
    # kills bot.fixes.x__fix_page__mutmut_90 and _93 (later rounds validated without ignore)
    from test_fix_expected import TITLE

    doubled = _expected_case("T001", "double-danda").before
    text = doubled.replace("== ইতিহাস ==", "==ইতিহাস==")
    assert fix_page(text, TITLE, profile, gaz, today=TODAY).codes == ["L007", "T001"]
    out = fix_page(text, TITLE, profile, gaz, today=TODAY, ignore=["T001"])
    assert out.codes == ["L007"] and out.text == doubled


def test_a_refused_edit_leaves_the_ignored_rules_out_of_what_remains(profile, gaz, deleting_rule):
    # kills bot.fixes.x__fix_page__mutmut_108 and _111 (after a refusal, `remaining` validated
    # without ignore)
    from test_fix_expected import TITLE

    text = _expected_case("T001", "double-danda").before.replace(
        "\n== ইতিহাস ==", "\n{{অসম্পূর্ণ}}\n== ইতিহাস ==")
    deleting_rule[:] = ["{{অসম্পূর্ণ}}", 1]
    kept = fix_page(text, TITLE, profile, gaz, today=TODAY)
    assert kept.refused is not None and "T001" in [f.code for f in kept.remaining]
    out = fix_page(text, TITLE, profile, gaz, today=TODAY, ignore=["T001"])
    assert out.refused["en"] == "edit refused: it would have lost template “অসম্পূর্ণ”"
    assert out.text == text and "T001" not in [f.code for f in out.remaining]
    assert "Z995" in [f.code for f in out.remaining]


def test_guard_refuses_a_lost_file_and_a_lost_language_link(build):
    # kills bot.fixes.x_inventory__mutmut_17 and _25 (the files, the language links not counted)
    before = build("লেখা।\n[[চিত্র:Flag_of_Bhutan.svg|থাম্ব|ভুটানের পতাকা]]\n"
                   "[[en:Bangladesh–Bhutan relations]]\n")
    lost = "file “Flag of Bhutan.svg”; interlanguage “en:Bangladesh–Bhutan relations”"
    assert guard(before, build("লেখা।\n"), []) == {"bn": f"সম্পাদনা বাতিল: এতে হারিয়ে যেত — {lost}",
                                                 "en": f"edit refused: it would have lost {lost}"}


def test_refs_inside_a_ref_left_open_count_only_with_content(build):
    # the open ref's content runs to the first </ref>: it holds a self-closing reuse (no
    # content) and a ref of blanks, neither a reference to keep; kills
    # bot.fixes.x__reference_contents__mutmut_18 (`and` -> `or`: a TypeError on the reuse)
    art = build("লেখা।<ref>খোলা উৎস, দেখুন <ref name=\"ক\" /> এবং <ref> </ref> আর <ref>উৎস দুই</ref>\n"
                "\n== তথ্যসূত্র ==\n{{সূত্র তালিকা}}\n")
    assert [r["cite_error"] for r in art.doc["references"]["refs"]] == ["included_ref", None]
    assert inventory(art)["reference"] == {"উৎস দুই": 1}


def test_guard_clips_a_lost_item_to_60_characters(build):
    # kills fixes.py:160 `item[:60]` +-1
    name = "অ" * 30 + "ব" * 30 + "শেষ"  # 63 characters
    message = guard(build(f"লেখা।\n[[বিষয়শ্রেণী:{name}]]\n"), build("লেখা।\n"), [])
    assert message["en"] == "edit refused: it would have lost category “" + "অ" * 30 + "ব" * 30 + "”"


def test_summary_names_each_rule_once_in_order_applied(profile):
    # kills fixes.py:173 `continue` -> `break` (a repeated rule must not end the list)
    applied = [Applied("L003", "warning", "safe", "x"), Applied("L003", "warning", "safe", "x"),
               Applied("T001", "warning", "safe", "y")]
    assert summary(profile, applied) == ("বট: দ্বিপাক্ষিক সম্পর্ক নিবন্ধ পরিষ্করণ — "
                                         "তথ্যসূত্র অনুচ্ছেদ (L003), দ্বিগুণ দাঁড়ি (T001)")
    assert summary(profile, []) == ""


# -- validate and the rule registry ----------------------------------------------------------

def test_a_schema_finding_without_a_span_of_its_own_takes_its_x_span(lint):
    # R002 (refs but no reference list) fails on /references/reflists, which has no span; the
    # policy's x-span points at the first ref; kills validate.py:156 `return hint` -> None
    text = "লেখা।<ref>উৎস এক</ref> আরও লেখা।<ref>উৎস দুই</ref>\n"
    _, findings = lint(text, select=["R002"])
    at = text.index("<ref>")
    assert [(f.code, f.start, f.end) for f in findings] == [("R002", at, text.index("</ref>") + 6)]


def test_an_x_annotation_does_not_end_the_draft7_check():
    # kills validate.py:88 `continue` -> `break`: prefixItems after an x- key still counts
    from bot.validate import _draft7_safe

    assert _draft7_safe({"x-rule": "Z999", "prefixItems": [{"type": "string"}]}) is False
    assert _draft7_safe({"x-rule": "Z999", "type": "object"}) is True


@pytest.mark.parametrize("keyword", ["items", "contains", "if", "then", "else", "not", "additionalProperties"])
def test_a_2020_12_keyword_inside_a_subschema_gets_no_screen(keyword):
    # a fastjsonschema screen reads the branch as draft-07; a 2020-12-only keyword anywhere
    # below (prefixItems) must leave the branch to jsonschema. Kills bot.validate.x__draft7_safe
    # __mutmut_20 to _32 (a subschema keyword misspelt: its subschema never checked) and _1
    # (a boolean subschema judged unsafe)
    from bot.validate import _draft7_safe

    assert _draft7_safe({keyword: {"prefixItems": [{"type": "string"}]}}) is False
    assert _draft7_safe({keyword: {"type": "string"}}) is True
    assert _draft7_safe({keyword: True}) is True


@pytest.mark.parametrize("keyword", ["allOf", "anyOf", "oneOf"])
def test_a_2020_12_keyword_in_one_branch_of_a_combinator_gets_no_screen(keyword):
    # kills bot.validate.x__draft7_safe__mutmut_38 to _50
    from bot.validate import _draft7_safe

    assert _draft7_safe({keyword: [{"type": "string"}, {"prefixItems": []}]}) is False
    assert _draft7_safe({keyword: [{"type": "string"}, True]}) is True


def test_a_finding_as_json_has_its_lines_columns_messages_and_fix(lint):
    # Finding.to_json, which the lint report and the review bundle use (the fast test selection
    # never called it: mutmut's 51 "no tests"). R002 (schema, safe fix) at the first ref, line
    # 1; R005 (schema, no fix) at the bare-URL ref of line 2, its span from the failing ref
    # itself (kills bot.validate.x__span_for__mutmut_2 and _5: the span on the error's path lost)
    text = "লেখা।<ref>উৎস এক</ref>\nআরও লেখা।<ref>https://example.org/bd-bt</ref>\n"
    art, findings = lint(text, select=["R002", "R005"])
    assert [f.code for f in findings] == ["R002", "R005"]
    line2 = text.index("\n") + 1
    r005 = text.index("<ref>https")
    same: dict = {}
    assert findings[1].to_json(art, same) == {
        "code": "R005", "severity": "warning", "line": 2, "column": r005 - line2 + 1,
        "end_line": 2, "end_column": len(text) - 1 - line2 + 1,
        "message": {"bn": "তথ্যসূত্রটি কেবল একটি খালি ইউআরএল", "en": "a reference that is only a bare URL"},
        "fix": None, "section": 0}  # no heading on the page: the lead, section 0
    # the page's string cache holds each message once, as the caller's dict
    assert same == {"তথ্যসূত্রটি কেবল একটি খালি ইউআরএল": "তথ্যসূত্রটি কেবল একটি খালি ইউআরএল",
                    "a reference that is only a bare URL": "a reference that is only a bare URL"}
    assert findings[0].to_json(art) == {
        "code": "R002", "severity": "error", "line": 1, "column": 6,
        "end_line": 1, "end_column": text.index("</ref>") + 6 + 1,
        "message": {"bn": "তথ্যসূত্র আছে কিন্তু সূত্র তালিকা বা <references/> নেই",
                    "en": "references exist but there is no reference list"},
        "fix": {"applicability": "safe", "description": "no reflist"}, "section": 0}


def test_a_schema_finding_with_no_span_anywhere_sits_at_the_page_start(lint):
    # I001 fails on /infobox (null: no span) and has no x-span: the finding is the empty span
    # at offset 0 (line 1, column 1); kills bot.validate.x__span_for__mutmut_34 and _35
    text = "'''বাংলাদেশ–ভুটান সম্পর্ক''' দুই দেশের সম্পর্ক।\n"
    _, findings = lint(text, select=["I001"])
    assert [(f.code, f.start, f.end) for f in findings] == [("I001", 0, 0)]


def test_select_takes_comma_lists_and_prefixes_and_names_an_unknown_code():
    # `--select L007,t001 --select R00`; kills bot.validate.x_resolve_codes__mutmut_8 and _9 (the
    # comma split) and _13, _15 (the message the command prints for a wrong code)
    from bot.validate import UnknownRule, resolve_codes

    assert resolve_codes(["L007,t001", " R00 "]) == {"L007", "T001", "R001", "R002", "R003", "R004",
                                                      "R005", "R006", "R007"}
    with pytest.raises(UnknownRule) as err:
        resolve_codes(["T001,Z123"])
    assert str(err.value).startswith("unknown rule code 'Z123' (known: E001, E002, E003, ")


def test_a_rule_code_registers_once():
    # kills rules/__init__.py:52-53 (the duplicate check deleted)
    from bot.rules import register

    all_rules()
    with pytest.raises(ValueError, match="rule T001 registered twice"):
        register("T001", "again", "warning", "আবার", "again")


def test_l008_points_at_the_misplaced_category(lint):
    # kills rules/layout.py:127 `first[1]` -> `first[0]` (the finding's span was never checked)
    cat = "[[বিষয়শ্রেণী:পরীক্ষা]]"
    text = f"লেখা।\n\n== ইতিহাস ==\n{cat}\nআরও লেখা।\n"
    _, findings = lint(text, select=["L008"])
    at = text.index(cat)
    assert [(f.code, f.start, f.end) for f in findings] == [("L008", at, at + len(cat))]



def test_r004_a_list_of_another_group_does_not_split_a_name(lint):
    # a <references group="নোট"/> takes only the নোট refs: both definitions of the default
    # group's x still go to the one default list, and conflict (Cite: references_duplicate_key);
    # kills rules/references.py:41 `(r['group'] or '')` -> `and ''`
    text = ('লেখা।<ref name="x">ক</ref>\n<references group="নোট" />\nআরও লেখা।<ref name="x">খ</ref>\n\n'
            '== তথ্যসূত্র ==\n{{সূত্র তালিকা}}\n')
    _, findings = lint(text, select=["R004"])
    at = text.index('<ref name="x">খ')
    assert [(f.code, f.start, f.end) for f in findings] == [("R004", at, text.index("</ref>", at) + 6)]


def test_a_mission_message_names_a_country_by_name_else_by_code_else_a_question_mark(build):
    # kills bot.rules.missions.x__name__mutmut_1 and _6 (the fallbacks of _name)
    from bot.rules.missions import _name

    art = build("লেখা।\n")
    assert (_name(art, "BT"), _name(art, "ZZ"), _name(art, None)) == ("ভুটান", "ZZ", "?")


def test_e003_once_per_sentence_however_many_facts_it_states(lint):
    # one sentence, two facts (each country's embassy), no <ref>: one E003, on the sentence;
    # kills bot.rules.missions.x_check_unreferenced__mutmut_9 (the sentence reported twice)
    sentence = "ভুটানের রাজধানী [[থিম্পু]]তে বাংলাদেশের একটি দূতাবাস এবং [[ঢাকা]]য় ভুটানের একটি দূতাবাস রয়েছে।"
    text = ("লেখা।<ref>উৎস</ref>\n\n== কূটনৈতিক মিশন ==\n" + sentence
            + "\n\n== তথ্যসূত্র ==\n{{সূত্র তালিকা}}\n")
    _, findings = lint(text, "বাংলাদেশ–ভুটান সম্পর্ক", select=["E003"])
    at = text.index(sentence)
    assert [(f.code, f.start, f.end) for f in findings] == [("E003", at, at + len(sentence))]


MISSION_BOX = ("{{তথ্যছক দ্বিপাক্ষিক সম্পর্ক|বাংলাদেশ–ভুটান সম্পর্ক|বাংলাদেশ|ভুটান\n"
               "| mission1 = বাংলাদেশ দূতাবাস, [[থিম্পু]]\n| mission2 = ভুটান দূতাবাস, [[ঢাকা]]\n}}\n")


def test_e002_and_e004_name_the_country_at_the_fact(lint):
    # the infobox has Bangladesh's embassy in Thimphu, the prose a high commission there (E002,
    # on mission1's value); the prose names India's mission in Dhaka (E004, on its sentence).
    # Kills bot.rules.missions.x_check_disagree__mutmut_26, _32, _33, _41 and
    # x_check_outside_pair__mutmut_8, _9, _17 (spans and the country of the message)
    high = "ভুটানের রাজধানী [[থিম্পু]]তে বাংলাদেশের একটি হাই কমিশন রয়েছে।"
    india = "ঢাকায় ভারতের একটি হাই কমিশন রয়েছে।"
    text = (MISSION_BOX + "লেখা।<ref>উৎস</ref>\n\n== কূটনৈতিক মিশন ==\n" + high + "<ref>উৎস দুই</ref> "
            + india + "<ref>উৎস তিন</ref>\n\n== তথ্যসূত্র ==\n{{সূত্র তালিকা}}\n")
    _, findings = lint(text, "বাংলাদেশ–ভুটান সম্পর্ক", select=["E002", "E004"])
    value = text.index("| mission1 =") + len("| mission1 =")
    at = text.index(india)
    assert [(f.code, f.start, f.end, f.message_en) for f in findings] == [
        ("E002", value, text.index("| mission2"),
         "the infobox (mission1) and the prose disagree about বাংলাদেশ's mission (city or kind)"),
        ("E004", at, at + len(india), "a mission fact about a country outside the pair (ভারত)")]


def test_e006_names_both_commonwealth_members_at_the_sentence(lint):
    # kills bot.rules.missions.x_check_commonwealth__mutmut_12, _20, _26
    sentence = "ঢাকায় ভারতের একটি দূতাবাস রয়েছে।"
    text = ("লেখা।<ref>উৎস</ref>\n\n== কূটনৈতিক মিশন ==\n" + sentence + "<ref>উৎস দুই</ref>\n\n"
            "== তথ্যসূত্র ==\n{{সূত্র তালিকা}}\n")
    _, findings = lint(text, "বাংলাদেশ–ভারত সম্পর্ক", select=["E006"])
    at = text.index(sentence)
    assert [(f.code, f.start, f.end, f.message_en) for f in findings] == [
        ("E006", at, at + len(sentence),
         "India and Bangladesh are Commonwealth members, which exchange high commissions, not embassies")]
    assert findings[0].message_bn.startswith("ভারত ও বাংলাদেশ দুটিই কমনওয়েলথ সদস্য")  # (E006's English message named them in Bengali)


def test_i004_points_at_the_repeated_parameter_and_its_fix_is_safe(lint):
    # the fixture tests fix I004 with --unsafe, so the fix's applicability was never checked;
    # kills bot.rules.infobox.x_check_duplicates__mutmut_29, _34, _39, _44, _64 (span, applicability,
    # description)
    from test_fix_expected import TITLE

    text = _expected_case("I004", "same-value-twice").before
    _, findings = lint(text, TITLE, select=["I004"])
    again = text.index("| mission2", text.index("| map")) + 1
    assert [(f.code, f.start, f.end) for f in findings] == [("I004", again, text.index("}}", again))]
    assert (findings[0].fix.applicability, findings[0].fix.description) == ("safe", "remove the repeated mission2")
    _, findings = lint(_expected_case("I004", "later-empty").before, TITLE, select=["I004"])
    assert [f.fix.description for f in findings] == ["remove the empty map"]


def test_i006_spans_the_two_infobox_countries(lint):
    # kills bot.rules.infobox.x_check_countries__mutmut_39 (the span's start)
    text = ("{{তথ্যছক দ্বিপাক্ষিক সম্পর্ক|বাংলাদেশ–ভুটান সম্পর্ক|বাংলাদেশ|ভারত\n"
            "| mission1 = বাংলাদেশ দূতাবাস, [[থিম্পু]]\n}}\nলেখা।\n")
    _, findings = lint(text, "বাংলাদেশ–ভুটান সম্পর্ক", select=["I006"])
    assert [(f.code, f.start) for f in findings] == [("I006", text.index("বাংলাদেশ|ভারত"))]
    assert findings[0].message_en == "infobox countries (বাংলাদেশ / ভারত) differ from the title's (বাংলাদেশ / ভুটান)"


def test_w002_debris_after_a_comment_inside_a_ref_is_found_where_it_is(lint):
    # W002 blanks the comments of a ref's content (debris in them is hidden) and keeps their
    # length, so the debris after one is reported at its own place; kills
    # bot.rules.markup.x_check_ref_tags__mutmut_88 (the comment removed: the span moved left)
    text = ("লেখা।<ref>উৎস <!-- পুরনো <ref> --> দেখুন <nowiki><ref></nowiki> আরও</ref>\n\n"
            "== তথ্যসূত্র ==\n{{সূত্র তালিকা}}\n")
    _, findings = lint(text, select=["W002"])
    at = text.index("<ref></nowiki>")
    assert [(f.code, f.start, f.end) for f in findings] == [("W002", at, at + 5)]


def test_t004_a_closed_latin_parenthesis_before_the_number_does_not_hold_it(lint):
    # "(United Nations)" is closed before 1990, which Bengali words surround: T004 reports it;
    # kills bot.rules.text.x__open_group__mutmut_19 (a ")" not counted: the group taken as open)
    text = "জাতিসংঘ (United Nations) ঘোষণা করে যে 1990 সালে দুই দেশ চুক্তি করে।\n"
    _, findings = lint(text, select=["T004"])
    at = text.index("1990")
    assert [(f.code, f.start, f.end) for f in findings] == [("T004", at, at + 4)]


def test_t004_keeps_the_digits_of_a_formula_between_bengali_words(lint):
    # kills bot.rules.text.x__bengali_number__mutmut_46 (the `=` check answering "prose")
    text = "এর দৈর্ঘ্য = 7 একক ধরা হয়।\n"
    _, findings = lint(text, select=["T004"])
    assert findings == []


def test_t004_counts_the_dots_of_the_number_only(lint):
    # the dots of "ড." later in the prose do not make 1990 "citation data" (1.1.2); kills
    # bot.rules.text.x__bengali_number__mutmut_76 (dots counted to the end of the text)
    text = "দুই দেশ 1990 সালে চুক্তি করে। পরে ড. মুহাম্মদ ইউনূস ও ড. কামাল হোসেন সেখানে যান।\n"
    _, findings = lint(text, select=["T004"])
    at = text.index("1990")
    assert [(f.code, f.start, f.end) for f in findings] == [("T004", at, at + 4)]


def test_w004_keeps_the_line_break_of_a_repeated_category_after_text(profile, gaz):
    # only a category alone on its line takes its line break with it; kills
    # bot.rules.markup.x_check_duplicate_categories__mutmut_17 (`and` -> `or`: two lines joined)
    text = "লেখা।\n[[বিষয়শ্রেণী:ক]]\nআরও লেখা। [[বিষয়শ্রেণী:ক]]\nশেষ লেখা।\n"
    out = fix_page(text, "বাংলাদেশ–ভুটান সম্পর্ক", profile, gaz, today=TODAY, select=["W004"])
    assert out.text == "লেখা।\n[[বিষয়শ্রেণী:ক]]\nআরও লেখা। \nশেষ লেখা।\n"


def test_w007_renames_the_prefix_of_its_own_link(profile, gaz):
    # "Category" in a ref before the link must stay; kills
    # bot.rules.markup.x_check_english_prefix__mutmut_41 (the prefix searched from the page start)
    text = "লেখা।<ref>Category list of treaties</ref>\n[[Category:ক]]\n"
    out = fix_page(text, "বাংলাদেশ–ভুটান সম্পর্ক", profile, gaz, today=TODAY, select=["W007"])
    assert out.text == "লেখা।<ref>Category list of treaties</ref>\n[[বিষয়শ্রেণী:ক]]\n"


def test_e005_points_at_the_empty_parameter_with_an_unsafe_fill(lint):
    # kills bot.rules.missions.x_check_infobox_empty__mutmut_47, _50, _55, _57, _58, _87, _90, _91,
    # _96, _97 (the parameter's span, the country named, the fix's applicability and description)
    from test_fix_expected import TITLE

    text = _expected_case("E005", "mission1-empty").before
    _, findings = lint(text, TITLE, select=["E005"])
    start = text.index("| mission1 =") + 1
    assert [(f.code, f.start, f.end, f.message_en) for f in findings] == [
        ("E005", start, text.index("| mission2"),
         "prose states বাংলাদেশ's mission but the infobox parameter mission1 is empty")]
    assert (findings[0].fix.applicability, findings[0].fix.description) == ("unsafe", "fill mission1 from the prose")


def test_i003_names_the_closest_known_parameter_at_the_unknown_one(lint):
    # kills bot.rules.infobox.x_check_unknown__mutmut_17, _29, _30, _49, _50, _52
    text = ("{{তথ্যছক দ্বিপাক্ষিক সম্পর্ক|বাংলাদেশ–ভুটান সম্পর্ক|বাংলাদেশ|ভুটান\n"
            "| missoin1 = বাংলাদেশ দূতাবাস, [[থিম্পু]]\n| zzz = ক\n}}\nলেখা।\n")
    _, findings = lint(text, "বাংলাদেশ–ভুটান সম্পর্ক", select=["I003"])
    one, two = text.index("| missoin1") + 1, text.index("| zzz") + 1
    assert [(f.start, f.end, f.message_en) for f in findings] == [
        (one, two - 1, "unknown infobox parameter “missoin1” (closest known: “mission1”)"),
        (two, text.index("}}"), "unknown infobox parameter “zzz” (closest known: “—”)")]


def test_r006_and_w001_spans_and_messages(lint):
    # kills bot.rules.references.x_check_citation_fields__mutmut_29, _49 and
    # bot.rules.markup.x_check_brackets__mutmut_4, _12 (span ends, the listed fields, the kind)
    cite = "{{ওয়েব উদ্ধৃতি |প্রকাশক=পররাষ্ট্র মন্ত্রণালয়}}"
    text = "লেখা।<ref>" + cite + "</ref> আরও {{সূত্র প্রয়োজন\n\n== তথ্যসূত্র ==\n{{সূত্র তালিকা}}\n"
    _, findings = lint(text, select=["R006", "W001"])
    at, open_ = text.index(cite), text.index("{{সূত্র প্রয়োজন")
    assert [(f.code, f.start, f.end, f.message_en) for f in findings] == [
        ("R006", at, at + len(cite), "citation “ওয়েব উদ্ধৃতি” lacks its essential fields: url, title"),
        ("W001", open_, open_ + 2, "unbalanced {{ }} bracket “{{”")]


def test_w007_each_finding_edits_its_own_link(lint):
    # kills bot.rules.markup.x_check_english_prefix__mutmut_42 (`rindex`: the first link's edit
    # made on the second) and _68 (the fix's description)
    text = "লেখা।\n[[Category:ক]]\n[[Category:খ]]\n"
    _, findings = lint(text, "বাংলাদেশ–ভুটান সম্পর্ক", select=["W007"])
    first, second = text.index("Category:ক"), text.index("Category:খ")
    assert [[(e.start, e.end, e.new) for e in f.fix.edits] for f in findings] == [
        [(first, first + 8, "বিষয়শ্রেণী")], [(second, second + 8, "বিষয়শ্রেণী")]]
    assert findings[0].fix.description == "Category: → বিষয়শ্রেণী:"


def test_r004_a_blank_reuse_is_not_a_second_definition(lint):
    # `<ref name="x"> </ref>` has no content, like `<ref name="x" />`: it does not conflict
    # with the definition; kills bot.rules.references.x__text__mutmut_5 (blank content kept)
    text = ('লেখা।<ref name="x">উৎস</ref> আরও লেখা।<ref name="x"> </ref>\n\n'
            '== তথ্যসূত্র ==\n{{সূত্র তালিকা}}\n')
    _, findings = lint(text, select=["R004", "R003"])
    assert findings == []


def test_w002_stray_closing_tag_between_two_refs(lint):
    # a </ref> with no <ref> shows as text; what hides markup is the refs' own spans, kept
    # apart: kills rules/markup.py:62 `s <= ends[-1]` -> `s > ends[-1]` (the gap merged away)
    text = "লেখা।<ref>এক</ref> আরও </ref> লেখা।<ref>দুই</ref>\n\n== তথ্যসূত্র ==\n{{সূত্র তালিকা}}\n"
    _, findings = lint(text, select=["W002"])
    at = text.index("</ref> লেখা")
    assert [(f.code, f.start, f.end) for f in findings] == [("W002", at, at + 6)]


# -- gaps left by the mutation check of bot/rules/ (bench/RESULTS.md), killed by hand ---------

def test_w003_sits_after_the_last_category_with_an_unsafe_fix_per_missing_one(lint):
    # the page ends "…[[বিষয়শ্রেণী:ক]]\n": both findings sit at the category's end, not at the
    # page's end (after the line break); kills bot.rules.markup.x_check_categories__mutmut_27,
    # _31 (the last category's end ignored), _40 (the span's end), _49, _50, _55, _56 (the fix's
    # applicability and description)
    text = "লেখা।\n[[বিষয়শ্রেণী:ক]]\n"
    _, findings = lint(text, "বাংলাদেশ–ভুটান সম্পর্ক", select=["W003"])
    at = len(text) - 1
    bd, bt = "বাংলাদেশের দ্বিপাক্ষিক সম্পর্ক", "ভুটানের দ্বিপাক্ষিক সম্পর্ক"
    assert [(f.code, f.start, f.end, f.message_en) for f in findings] == [
        ("W003", at, at, f"missing the category “{bd}”"),
        ("W003", at, at, f"missing the category “{bt}”")]
    assert [(f.fix.applicability, f.fix.description) for f in findings] == [
        ("unsafe", f"add [[…:{bd}]]"), ("unsafe", f"add [[…:{bt}]]")]


def test_w003_an_unknown_first_country_does_not_hide_the_second_ones_category(lint):
    # "জাম্বুনিয়া" is no country: only ভুটান's category is wanted; kills
    # bot.rules.markup.x_check_categories__mutmut_19 (`continue` -> `break`: none wanted)
    text = "লেখা।\n[[বিষয়শ্রেণী:ক]]\n"
    _, findings = lint(text, "জাম্বুনিয়া–ভুটান সম্পর্ক", select=["W003"])
    assert [f.message_en for f in findings] == ["missing the category “ভুটানের দ্বিপাক্ষিক সম্পর্ক”"]


def _missions_page(mission1, mission2, prose, first="বাংলাদেশ", second="ভুটান"):
    """A page whose infobox holds the given mission values (None: parameter absent) and whose
    missions section is ``prose`` (one referenced sentence)."""
    box = f"{{{{তথ্যছক দ্বিপাক্ষিক সম্পর্ক|বাংলাদেশ–ভুটান সম্পর্ক|{first}|{second}\n"
    for name, value in (("mission1", mission1), ("mission2", mission2)):
        if value is not None:
            box += f"| {name} = {value}\n"
    return (box + "}}\nলেখা।<ref>উৎস</ref>\n\n== কূটনৈতিক মিশন ==\n" + prose
            + "<ref>উৎস দুই</ref>\n\n== তথ্যসূত্র ==\n{{সূত্র তালিকা}}\n")


BD_IN_THIMPHU = "বাংলাদেশ দূতাবাস, [[থিম্পু]]"
BT_IN_DHAKA = "ভুটান দূতাবাস, [[ঢাকা]]"


def test_e002_compares_a_slot_only_with_its_own_sender_and_host(lint):
    # the prose names Bangladesh's mission in New Delhi: neither slot's mission (E004's
    # business, not E002's); kills bot.rules.missions.x_check_disagree__mutmut_9 (every prose
    # fact with a sender compared with mission2) and _10 (same sender *or* same host)
    text = _missions_page(BD_IN_THIMPHU, BT_IN_DHAKA, "নয়াদিল্লিতে বাংলাদেশের একটি হাই কমিশন রয়েছে।")
    _, findings = lint(text, "বাংলাদেশ–ভুটান সম্পর্ক", select=["E002"])
    assert findings == []


def test_e002_a_slot_the_prose_is_silent_on_does_not_end_the_check(lint):
    # mission2 (Bhutan's) is read first and the prose says nothing of it; mission1 disagrees
    # (a high commission, not an embassy); kills bot.rules.missions.x_check_disagree__mutmut_15
    text = _missions_page(BD_IN_THIMPHU, BT_IN_DHAKA, "থিম্পুতে বাংলাদেশের একটি হাই কমিশন রয়েছে।")
    _, findings = lint(text, "বাংলাদেশ–ভুটান সম্পর্ক", select=["E002"])
    value = text.index("| mission1 =") + len("| mission1 =")
    assert [(f.code, f.start, f.end) for f in findings] == [("E002", value, text.index("| mission2"))]


@pytest.mark.parametrize("mission1, sentence", [
    (BD_IN_THIMPHU, "ভুটানে বাংলাদেশের একটি দূতাবাস রয়েছে।"),      # the prose names no city
    ("বাংলাদেশ দূতাবাস", "থিম্পুতে বাংলাদেশের একটি দূতাবাস রয়েছে।"),  # the infobox names none
])
def test_e002_a_city_named_on_one_side_only_agrees(lint, mission1, sentence):
    # kills bot.rules.missions.x_check_disagree__mutmut_18 (`or` -> `and`: both must lack a city)
    _, findings = lint(_missions_page(mission1, BT_IN_DHAKA, sentence), "বাংলাদেশ–ভুটান সম্পর্ক",
                       select=["E002"])
    assert findings == []


def test_e002_a_bare_city_in_the_infobox_agrees_with_any_kind(lint):
    # "[[থিম্পু]]" names no kind of mission ("other"): the prose's embassy there agrees; kills
    # bot.rules.missions.x_check_disagree__mutmut_24, _25 (the word "other" misspelt)
    text = _missions_page("[[থিম্পু]]", BT_IN_DHAKA, "থিম্পুতে বাংলাদেশের একটি দূতাবাস রয়েছে।")
    _, findings = lint(text, "বাংলাদেশ–ভুটান সম্পর্ক", select=["E002"])
    assert findings == []


def test_e005_a_filled_first_slot_does_not_end_the_check(lint):
    # mission1 is filled; mission2 is empty while the prose states Bhutan's embassy in Dhaka;
    # kills bot.rules.missions.x_check_infobox_empty__mutmut_29 (`continue` -> `break`)
    text = _missions_page(BD_IN_THIMPHU, "", "ঢাকায় ভুটানের একটি দূতাবাস রয়েছে।")
    _, findings = lint(text, "বাংলাদেশ–ভুটান সম্পর্ক", select=["E005"])
    start = text.index("| mission2 =") + 1
    assert [(f.code, f.start, f.end, f.message_en) for f in findings] == [
        ("E005", start, text.index("}}", start),
         "prose states ভুটান's mission but the infobox parameter mission2 is empty")]


def test_e005_a_slot_without_a_prose_fact_does_not_end_the_check(lint):
    # both slots empty; the prose states only Bhutan's mission: E005 on mission2 alone; kills
    # bot.rules.missions.x_check_infobox_empty__mutmut_46 (`continue` -> `break`)
    text = _missions_page("", "", "ঢাকায় ভুটানের একটি দূতাবাস রয়েছে।")
    _, findings = lint(text, "বাংলাদেশ–ভুটান সম্পর্ক", select=["E005"])
    assert [f.message_en for f in findings] == [
        "prose states ভুটান's mission but the infobox parameter mission2 is empty"]


def test_e005_a_third_countrys_mission_fills_no_slot(lint):
    # India's embassy in Thimphu is neither Bangladesh's nor Bhutan's mission; kills
    # bot.rules.missions.x_check_infobox_empty__mutmut_37, _38, _39 (`and` -> `or` in the match)
    text = _missions_page("", "", "থিম্পুতে ভারতের একটি দূতাবাস রয়েছে।")
    _, findings = lint(text, "বাংলাদেশ–ভুটান সম্পর্ক", select=["E005"])
    assert findings == []


def test_e005_an_absent_parameter_is_reported_on_the_infobox(lint):
    # the infobox has no mission1 at all: E005 spans the whole infobox, and its fix adds the
    # parameter (the profile's "{sender} {kind}, [[{city}]]") before the closing braces; kills bot.rules.missions.x_check_infobox_empty__mutmut_50
    # (no default: StopIteration), _58 (the absent parameter's span read), _61, _62 (box["span"])
    text = _missions_page(None, BT_IN_DHAKA, "থিম্পুতে বাংলাদেশের একটি দূতাবাস রয়েছে।")
    _, findings = lint(text, "বাংলাদেশ–ভুটান সম্পর্ক", select=["E005"])
    end = text.index("}}") + 2
    assert [(f.code, f.start, f.end) for f in findings] == [("E005", 0, end)]
    assert [(e.start, e.end, e.new) for e in findings[0].fix.edits] == [
        (end - 2, end - 2, "| mission1 = বাংলাদেশ দূতাবাস, [[থিম্পু]]\n")]


def test_e007_judges_only_the_slot_whose_country_is_the_titles(lint):
    # the infobox pairs Bangladesh with India under a Bangladesh–Bhutan title: I006 reports
    # that. mission1, Bangladesh's slot, should hold Bangladesh's mission in Bhutan and holds
    # India's embassy in Dhaka: E007 (issue #22; before it, E007 said nothing of either slot);
    # mission2, India's slot, is no slot of the title's pair and is not judged
    text = _missions_page("ভারত দূতাবাস, [[ঢাকা]]", BD_IN_THIMPHU, "লেখা।", second="ভারত")
    _, findings = lint(text, "বাংলাদেশ–ভুটান সম্পর্ক", select=["E007", "I006"])
    value = text.index("| mission1 =") + len("| mission1 =")
    assert [(f.code, f.start) for f in findings][1:] == [("E007", value)] and findings[0].code == "I006"
    assert findings[1].message_en == ("infobox parameter mission1 should hold বাংলাদেশ's mission in ভুটান, but "
                                      "its value names the other country's mission or a mission in the wrong "
                                      "country (ভারত)")


def test_e007_quiet_when_an_infobox_country_is_unknown_and_the_title_no_pair(lint):
    # "জাম্বুনিয়া" is no country: neither the infobox's nor the title's pair is known;
    # kills bot.rules.missions.x_check_infobox_wrong_mission__mutmut_25 (`or` -> `and`)
    text = _missions_page("বাংলাদেশ দূতাবাস, [[নয়াদিল্লি]]", None, "লেখা।", second="জাম্বুনিয়া")
    _, findings = lint(text, "বাংলাদেশ–জাম্বুনিয়া সম্পর্ক", select=["E007"])
    assert findings == []


def test_e007_names_the_wrong_host_when_the_sender_is_right(lint):
    # mission1 is Bangladesh's mission, but in New Delhi: the message names ভারত (the host
    # found), not বাংলাদেশ; kills bot.rules.missions.x_check_infobox_wrong_mission__mutmut_53
    text = _missions_page("বাংলাদেশ দূতাবাস, [[নয়াদিল্লি]]", BT_IN_DHAKA, "লেখা।")
    _, findings = lint(text, "বাংলাদেশ–ভুটান সম্পর্ক", select=["E007"])
    value = text.index("| mission1 =") + len("| mission1 =")
    assert [(f.code, f.start, f.end, f.message_en) for f in findings] == [
        ("E007", value, text.index("| mission2"),
         "infobox parameter mission1 should hold বাংলাদেশ's mission in ভুটান, but its value names "
         "the other country's mission or a mission in the wrong country (ভারত)")]


def test_i003_a_fourth_positional_parameter_is_unknown(lint):
    # positionals 1-3 are the title and the two countries; a fourth is unknown; kills
    # bot.rules.infobox.x_check_unknown__mutmut_10 (every positional accepted), _13 (`int(None)`),
    # _14 (`< 3`: country2 reported), _15 (`<= 4`)
    text = ("{{তথ্যছক দ্বিপাক্ষিক সম্পর্ক|বাংলাদেশ–ভুটান সম্পর্ক|বাংলাদেশ|ভুটান|ভারত\n"
            "| mission1 = বাংলাদেশ দূতাবাস, [[থিম্পু]]\n}}\nলেখা।\n")
    _, findings = lint(text, "বাংলাদেশ–ভুটান সম্পর্ক", select=["I003"])
    at = text.index("|ভারত") + 1
    assert [(f.start, f.end, f.message_en) for f in findings] == [
        (at, text.index("| mission1"), "unknown infobox parameter “4” (closest known: “—”)")]


def test_i006_ends_at_the_second_country_and_is_quiet_for_an_unknown_one(lint):
    # kills bot.rules.infobox.x_check_countries__mutmut_40 (the span's end) and _33 (an unknown
    # infobox country with a known title pair reported)
    text = ("{{তথ্যছক দ্বিপাক্ষিক সম্পর্ক|বাংলাদেশ–ভুটান সম্পর্ক|বাংলাদেশ|ভারত\n"
            "| mission1 = বাংলাদেশ দূতাবাস, [[থিম্পু]]\n}}\nলেখা।\n")
    _, findings = lint(text, "বাংলাদেশ–ভুটান সম্পর্ক", select=["I006"])
    assert [(f.start, f.end) for f in findings] == [(text.index("বাংলাদেশ|ভারত"), text.index("| mission1"))]
    unknown = text.replace("|ভারত\n", "|জাম্বুনিয়া\n")
    _, findings = lint(unknown, "বাংলাদেশ–ভুটান সম্পর্ক", select=["I006"])
    assert findings == []


REFLIST = "\n\n== তথ্যসূত্র ==\n{{সূত্র তালিকা}}\n"


def test_w002_a_ref_with_a_cite_error_shows_its_opening_tag(lint):
    # a numeric name is Cite's error; the message quotes the opening tag, the span is the whole
    # ref; kills bot.rules.markup.x_check_ref_tags__mutmut_15 (the rest of the page quoted) and
    # _16 (the whole ref quoted)
    ref = '<ref name="1">উৎস</ref>'
    text = "লেখা।" + ref + " আরও।" + REFLIST
    _, findings = lint(text, select=["W002"])
    at = text.index(ref)
    assert [(f.start, f.end, f.message_en) for f in findings] == [
        (at, at + len(ref), 'unclosed or malformed <ref> tag “<ref name="1">”')]


def test_w002_a_stray_closing_tag_inside_a_references_list_is_found(lint):
    # the content of <references>…</references> is wikitext again: the defined refs in it are
    # hidden markup, a stray </ref> after them is shown; kills
    # bot.rules.markup.x_check_ref_tags__mutmut_46 (the whole list hidden) and _47 (hidden up
    # to the content's end)
    text = ('লেখা।<ref name="ক" /> আরও।\n\n== তথ্যসূত্র ==\n<references>\n<ref name="ক">উৎস</ref>\n'
            '</ref>\n</references>\n')
    _, findings = lint(text, select=["W002"])
    at = text.index("</ref>\n</references>")
    assert [(f.start, f.end, f.message_en) for f in findings] == [
        (at, at + 6, "unclosed or malformed <ref> tag “</ref>”")]


def test_w002_a_stray_closing_tag_right_after_a_ref(lint):
    # "<ref>উৎস</ref></ref>": the second </ref> starts where the ref ends and is shown as text;
    # kills bot.rules.markup.x_check_ref_tags__mutmut_66 (`<` -> `<=`: taken as hidden)
    text = "লেখা।<ref>উৎস</ref></ref> আরও।" + REFLIST
    _, findings = lint(text, select=["W002"])
    at = text.index("</ref></ref>") + 6
    assert [(f.code, f.start, f.end) for f in findings] == [("W002", at, at + 6)]


def test_r003_r004_a_ref_with_a_cite_error_and_unnamed_refs_file_nothing(lint):
    # `<ref name="x" foo="y" />` is W002's (an unknown attribute), not an undefined name (R003);
    # two unnamed refs with different texts are no conflict (R004); kills
    # bot.rules.references.x__batches__mutmut_11 (`or` -> `and`)
    text = 'লেখা।<ref name="x" foo="y" /> আরও।<ref>উৎস এক</ref> শেষ।<ref>উৎস দুই</ref>' + REFLIST
    _, findings = lint(text, select=["R003", "R004", "W002"])
    assert [f.code for f in findings] == ["W002"]


def test_r004_a_ref_right_after_a_list_belongs_to_the_next_batch(lint):
    # "<references />" takes the x before it; the x right after its end goes to the list Cite
    # adds at the end: two names in two lists, no conflict; kills
    # bot.rules.references.x__batches__mutmut_40 (`<=` -> `<`: the list's end not before the ref)
    text = 'লেখা।<ref name="x">ক</ref>\n<references /><ref name="x">খ</ref> আরও।' + REFLIST
    _, findings = lint(text, select=["R004"])
    assert findings == []


def test_t004_a_one_letter_latin_word_before_the_number_holds_it(lint):
    # the nearest letter before 2 is "B" (Latin), two characters away: a name ("প্ল্যান B 2"),
    # the digits stay; kills bot.rules.text.x__bengali_number__mutmut_11 (every other character)
    _, findings = lint("তিনি প্ল্যান B 2 বেছে নেন।\n", select=["T004"])
    assert findings == []


def test_t004_a_numeral_cited_in_spaced_parentheses_keeps_its_digits(lint):
    # "( 8 )" is "(8)" with spaces; kills bot.rules.text.x__bengali_number__mutmut_26 (`lstrip`)
    _, findings = lint("একে 'এইট' ( 8 ) বলা হয়।\n", select=["T004"])
    assert findings == []


def test_t004_a_reference_marker_ending_in_the_number_keeps_its_digits(lint):
    # "[৬০, 61]": the number right before "]" is a marker copied as text, whatever is on its
    # left; kills bot.rules.text.x__bengali_number__mutmut_36 (`"]"` misspelt)
    _, findings = lint("দুই দেশের সম্পর্ক ভালো।[৬০, 61] পরে আরও।\n", select=["T004"])
    assert findings == []


def test_t004_only_in_text_that_holds_bengali(lint):
    # "1990" in bold is a text node of its own with no Bengali letter: T004 looks only in text
    # that holds Bengali; kills bot.rules.text.x__find__mutmut_8 (the condition dropped)
    _, findings = lint("দুই দেশ '''1990''' সালে চুক্তি করে।\n", select=["T004"])
    assert findings == []
    text = "দুই দেশ 1990 সালে চুক্তি করে।\n"  # the same number in the sentence's text is found
    _, findings = lint(text, select=["T004"])
    assert [(f.start, f.end) for f in findings] == [(text.index("1990"), text.index("1990") + 4)]


def test_w004_spans_the_repeated_category_and_takes_its_line_break(lint):
    # the repeated category stands alone on its line, mid-list: the safe fix drops it with its
    # line break and nothing more; kills bot.rules.markup.x_check_duplicate_categories__mutmut_26
    # (the line break taken only at the page's end), _31 (a character too many), _33 (the
    # span's end), _53, _60, _61 (the description)
    text = "লেখা।\n[[বিষয়শ্রেণী:ক]]\n[[বিষয়শ্রেণী:ক]]\n[[বিষয়শ্রেণী:খ]]\n"
    _, findings = lint(text, select=["W004"])
    at = text.index("[[বিষয়শ্রেণী:ক]]", text.index("]]"))
    end = at + len("[[বিষয়শ্রেণী:ক]]")
    assert [(f.code, f.start, f.end, f.message_en) for f in findings] == [
        ("W004", at, end, "category “ক” appears twice")]
    fix = findings[0].fix
    assert (fix.applicability, fix.description) == ("safe", "drop the repeated category")
    assert [(e.start, e.end, e.new) for e in fix.edits] == [(at, end + 1, "")]


def test_w007_a_link_right_after_a_ref_is_not_in_it(lint):
    # "<ref>…</ref>[[Category:ক]]": the link starts where the ref ends, outside it; kills
    # bot.rules.markup.x_check_english_prefix__mutmut_30 (`< e` -> `<= e`: taken as quoted)
    text = "লেখা।<ref>উৎস</ref>[[Category:ক]]\n" + REFLIST
    _, findings = lint(text, select=["W007"])
    at = text.index("[[Category")
    assert [(f.code, f.start, f.end) for f in findings] == [("W007", at, at + len("[[Category:ক]]"))]


def test_w001_names_the_link_and_table_brackets(lint):
    # kills bot.rules.markup.x_check_brackets__mutmut_7 and _10 (the "[[ ]]" and "{| |}" names)
    text = "লেখা [[ঢাকা আরও লেখা।\n{|\n| ক\n"
    _, findings = lint(text, select=["W001"])
    link, table = text.index("[["), text.index("{|")
    assert [(f.start, f.end, f.message_en) for f in findings] == [
        (link, link + 2, "unbalanced [[ ]] bracket “[[”"),
        (table, table + 2, "unbalanced {| |} bracket “{|”")]
