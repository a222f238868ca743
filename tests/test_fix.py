"""The fix engine: the seed acceptance, exactness, idempotence, the content guard and the
`relbot fix` command (the hand-written expectation for each fixable rule: test_fix_expected.py)."""

import os
import re
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.cli import main
from bot.fixes import fix_page, inventory
from bot.rules import REGISTRY, Edit, Fix, Hit, Rule, all_rules
from conftest import FIXTURES, SEED, read, title_of

TODAY = date(2026, 11, 28)
FIXABLE = sorted(code for code, rule in all_rules().items() if rule.fix)
ALL_FIXTURES = sorted(p for p in FIXTURES.rglob("*.wikitext") if p.stat().st_size)


@pytest.fixture(scope="module")
def fix(profile, gaz):
    def run(text, title, **kw):
        kw.setdefault("today", TODAY)
        return fix_page(text, title, profile, gaz, **kw)
    return run


def test_every_fixable_rule_has_a_hand_written_expectation():
    # the expectations themselves are in test_fix_expected.py, typed by hand
    from test_fix_expected import CASES, ON_FIXTURES
    assert {c.code for c in CASES} == set(FIXABLE)
    assert set(ON_FIXTURES) == set(FIXABLE)


def _changed_lines(a: str, b: str) -> list[tuple[str, str]]:
    import difflib
    sm = difflib.SequenceMatcher(None, a.splitlines(), b.splitlines(), autojunk=False)
    return [("\n".join(a.splitlines()[i1:i2]), "\n".join(b.splitlines()[j1:j2]))
            for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal"]


def test_seed_safe_fixes_exactly(fix):
    text = read(SEED)
    out = fix(text, title_of(SEED))
    assert out.codes == ["L003", "L007", "T001"]
    expected = (text.replace("রয়েছে।।", "রয়েছে।", 1)
                .replace("==ইতিহাস==", "== ইতিহাস ==", 1)
                .replace("==বাণিজ্য এবং দ্বিপাক্ষিক সম্পর্ক==", "== বাণিজ্য এবং দ্বিপাক্ষিক সম্পর্ক ==", 1)
                .replace("== তথ্যসূত্র ==\n", "== তথ্যসূত্র ==\n{{সূত্র তালিকা}}\n", 1))
    assert out.text == expected
    assert out.summary == ("বট: দ্বিপাক্ষিক সম্পর্ক নিবন্ধ পরিষ্করণ — দ্বিগুণ দাঁড়ি (T001), "
                           "শিরোনামের ফাঁকা জায়গা (L007), তথ্যসূত্র অনুচ্ছেদ (L003)")
    assert not out.cosmetic  # T001 and L003 are warnings


def test_seed_unsafe_layout(fix):
    text = read(SEED)
    out = fix(text, title_of(SEED), unsafe=True, layout=True)
    assert {"I001", "R001", "T001", "L003", "L007"} <= set(out.codes)
    safe = fix(text, title_of(SEED)).text
    assert out.text.endswith(safe)  # the rest of the page is exactly the safe result
    assert out.text[: -len(safe)] == (
        "{{উৎসহীন|তারিখ=নভেম্বর ২০২৬}}\n"
        "{{তথ্যছক দ্বিপাক্ষিক সম্পর্ক|আজারবাইজান–আর্জেন্টিনা সম্পর্ক|আজারবাইজান|আর্জেন্টিনা\n"
        "| mission1 = আজারবাইজান দূতাবাস, [[বুয়েনোস আইরেস]]\n"
        "| mission2 = আর্জেন্টিনা দূতাবাস, [[বাকু]]\n"
        "}}\n")
    facts = {(f.source, f.sender, f.host_city_id) for f in out.article.facts}
    assert ("infobox", "AZ", "AR:buenos-aires") in facts and ("infobox", "AR", "AZ:baku") in facts


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fix_is_idempotent_and_loses_nothing(fix, build, path):
    text, title = read(path), title_of(path)
    before = inventory(build(text, title)) if build(text, title).status == "checked" else None
    for mode in ({}, {"unsafe": True, "layout": True}):
        once = fix(text, title, **mode)
        twice = fix(once.text, title, **mode)
        assert twice.text == once.text, (mode, twice.codes)
        assert not twice.applied
        if once.changed:
            after = inventory(once.article)
            for kind in ("reference", "file", "interlanguage", "template"):
                assert not before[kind] - after[kind], kind
            assert set(before["category"]) <= set(after["category"])


def test_untouched_bytes_stay_identical(fix):
    # a precomposed letter far from the fixed danda must survive: only edited spans are NFC
    text = read(SEED).replace("সম্প্রদায়ের", "সম্প্রদা\u09dfের", 1)
    assert "\u09df" in text
    out = fix(text, title_of(SEED), select=["T001"])
    assert out.codes == ["T001"]
    assert "\u09df" in out.text
    assert out.text == text.replace("রয়েছে।।", "রয়েছে।", 1)


def test_cosmetic_flag(fix):
    path = next((FIXTURES / "rules" / "T003").glob("*.wikitext"))
    out = fix(read(path), title_of(path), select=["T003"])
    assert out.codes == ["T003"] and out.cosmetic


@pytest.fixture
def harmful_rule(monkeypatch):
    """A deliberately harmful 'fix': it claims to tidy the first reference and deletes it."""
    def check(art):
        refs = [r for r in art.doc["references"]["refs"] if r["content"]]
        if refs:
            s, e = refs[0]["span"]["start"], refs[0]["span"]["end"]
            yield Hit(s, e, {}, Fix("safe", "tidy", [Edit(s, e, "")]))

    rule = Rule("Z999", "harmful", "warning", "ক্ষতিকর", "harmful", "safe", "test only", "", check)
    all_rules()
    monkeypatch.setitem(REGISTRY, "Z999", rule)
    return rule


def test_guard_refuses_a_harmful_fix(fix, harmful_rule):
    path = next((FIXTURES / "clean").glob("*.wikitext"))
    text = read(path)
    out = fix(text, title_of(path))
    assert out.refused is not None
    assert "reference" in out.refused["en"] and "হারিয়ে" in out.refused["bn"]
    assert out.text == text and not out.applied and not out.changed


def test_guard_allows_dropping_a_duplicate_category(fix):
    path = next((FIXTURES / "rules" / "W004").glob("*.wikitext"))
    out = fix(read(path), title_of(path), select=["W004"])
    assert out.refused is None and out.codes == ["W004"]


def test_conflicting_fixes_wait_for_the_next_round(fix):
    # L001 (rename) and L007 (spacing) edit the same heading title
    text = read(SEED).replace("== তথ্যসূত্র ==", "==উৎস==")
    out = fix(text, title_of(SEED))
    assert "== তথ্যসূত্র ==\n{{সূত্র তালিকা}}" in out.text
    assert out.rounds >= 2 and {"L001", "L003"} <= set(out.codes)


# -- the command --------------------------------------------------------------------------

def test_cli_diff_is_the_default(tmp_path, capsys):
    copy = tmp_path / SEED.name  # same name, same title; the shipped seed is never at risk
    copy.write_bytes(SEED.read_bytes())
    os.utime(copy, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))  # an mtime a write would change
    before = copy.read_bytes()
    assert main(["fix", str(copy)]) == 1  # E003 findings remain, no fix settles them
    out = capsys.readouterr().out
    title = title_of(SEED)
    assert out.startswith(f"--- {title}\n+++ {title}\n")
    assert "-==ইতিহাস==\n+== ইতিহাস ==\n" in out
    assert out.rstrip().endswith("তথ্যসূত্র অনুচ্ছেদ (L003)")
    # nothing written: the same bytes, not touched, and no other file beside it
    assert copy.read_bytes() == before
    assert copy.stat().st_mtime_ns == 1_000_000_000_000_000_000
    assert [p.name for p in tmp_path.iterdir()] == [SEED.name]


def test_cli_write_and_output(tmp_path, capsys):
    src = next((FIXTURES / "rules" / "L007").glob("*.wikitext"))
    copy = tmp_path / src.name
    copy.write_text(read(src), "utf-8")
    assert main(["fix", str(copy), "--write", "--select", "L007"]) == 0
    assert "== ইতিহাস ==" in copy.read_text("utf-8")
    assert main(["fix", str(copy), "--write", "--select", "L007"]) == 0  # idempotent
    out = tmp_path / "out.wikitext"
    assert main(["fix", str(src), "-o", str(out)]) == 0  # the heading spacing was its only finding
    assert out.read_text("utf-8") == read(src).replace("==ইতিহাস==", "== ইতিহাস ==", 1)
    outdir = tmp_path / "many"
    assert main(["fix", str(FIXTURES / "clean"), "-o", str(outdir)]) == 0
    clean = sorted((FIXTURES / "clean").glob("*.wikitext"))
    assert sorted(p.name for p in outdir.iterdir()) == [p.name for p in clean]
    assert all((outdir / p.name).read_bytes() == p.read_bytes() for p in clean)  # nothing to fix: copies


def test_cli_fix_clean_exits_zero_with_no_output(capsys):
    assert main(["fix", str(FIXTURES / "clean")]) == 0
    assert capsys.readouterr().out == ""


def test_cli_fix_bad_inputs(tmp_path, capsys):
    bad = tmp_path / "x.wikitext"
    bad.write_bytes(b"\xff\xfe")
    assert main(["fix", str(bad)]) == 2
    with pytest.raises(SystemExit) as exc:
        main(["fix", str(SEED), "--write", "-o", "x"])
    assert exc.value.code == 2
    assert main(["fix", str(SEED), "--select", "Q123"]) == 2
    assert main(["fix", str(SEED), "-o", str(tmp_path / "no" / "such" / "dir" / "x")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("relbot: error:") == 4


# -- properties ------------------------------------------------------------------------------

def _split(text):
    """Lead, top-level sections and the closing run of categories of a fixture."""
    parts = re.split(r"(?m)^(?===[^=])", text)
    return parts[0], parts[1:]


SECTIONS = sorted({s for p in ALL_FIXTURES if "rules" in p.parts or "clean" in p.parts or "seed" in p.parts
                   for s in _split(read(p))[1]})
LEADS = sorted({_split(read(p))[0] for p in ALL_FIXTURES if "clean" in p.parts or "seed" in p.parts
                or "rules" in p.parts})
mixtures = st.tuples(st.sampled_from(LEADS), st.lists(st.sampled_from(SECTIONS), max_size=6)).map(
    lambda t: t[0] + "".join(t[1]))


@settings(max_examples=int(os.environ.get("RELBOT_EXAMPLES", "60")), deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(mixtures, st.booleans())
def test_fixing_mixtures_keeps_references_and_categories(fix, build, text, unsafe):
    title = "বাংলাদেশ–ভুটান সম্পর্ক"
    out = fix(text, title, unsafe=unsafe, layout=unsafe)
    if out.status != "checked":
        return
    assert out.refused is None, out.refused["en"]  # no fix ever tries to lose content
    before, after = inventory(build(text, title)), inventory(out.article)
    assert not before["reference"] - after["reference"]
    assert set(before["category"]) <= set(after["category"])
    again = fix(out.text, title, unsafe=unsafe, layout=unsafe)
    assert again.text == out.text
