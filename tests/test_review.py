"""Review bundles and approvals from files, the terminal review driven by a scripted stdin, and
the word-level diffs."""

import io
import json

from bot import diffs, review
from bot.cli import main
from bot.schema import validator
from conftest import FIXTURES, SEED


def propose(tmp_path, *paths, extra=()):
    out = tmp_path / "bundle.json"
    assert main(["propose", *map(str, paths), "-o", str(out), *extra]) == 0
    doc = json.loads(out.read_text("utf-8"))
    assert not list(validator("bundle").iter_errors(doc))
    return out, doc


def test_bundle_entries(tmp_path):
    _, doc = propose(tmp_path, SEED, FIXTURES / "rules" / "T003", FIXTURES / "clean")
    assert doc["source"] == "files" and len(doc["entries"]) == 2  # the clean articles need nothing
    seed = next(e for e in doc["entries"] if e["title"] == "আজারবাইজান–আর্জেন্টিনা সম্পর্ক")
    assert [r["code"] for r in seed["rules"]] == ["T001", "L007", "L003"]
    assert seed["applicability"] == "safe" and not seed["cosmetic"]
    assert seed["summary"].startswith("বট: ") and seed["diff"].startswith("--- আজারবাইজান–আর্জেন্টিনা সম্পর্ক")
    t003 = next(e for e in doc["entries"] if e is not seed)
    assert t003["cosmetic"]
    # the ids are stable: the same proposal twice gives the same ids and bundle id
    _, again = propose(tmp_path, SEED, FIXTURES / "rules" / "T003", FIXTURES / "clean")
    assert [e["id"] for e in again["entries"]] == [e["id"] for e in doc["entries"]] and again["id"] == doc["id"]


def test_unsafe_entries_say_so(tmp_path):
    _, doc = propose(tmp_path, SEED, extra=["--unsafe"])
    (entry,) = doc["entries"]
    assert entry["applicability"] == "unsafe"
    assert {"I001", "R001"} <= {r["code"] for r in entry["rules"] if r["applicability"] == "unsafe"}


def test_terminal_review_with_scripted_stdin(tmp_path):
    _, doc = propose(tmp_path, SEED, FIXTURES / "rules" / "T003", FIXTURES / "rules" / "L007")
    shown = io.StringIO()
    decided = review.terminal_review(doc, stdin=io.StringIO("maybe\ny\ns\nn\n"), stdout=shown, colour=False)
    ids = [e["id"] for e in doc["entries"]]
    assert decided == {"relbot_approvals": 2, "bundle": doc["id"], "decisions": {ids[0]: "approved", ids[2]: "rejected"}}
    assert not list(validator("approvals").iter_errors(decided))
    text = shown.getvalue()
    assert text.count("approve this edit?") == 4  # "maybe" is asked again
    # word-level: the changed danda is shown inside its paragraph
    assert "রয়েছে।। এর" in text and "রয়েছে। এর" in text


def test_terminal_review_quit_and_end_of_input(tmp_path):
    _, doc = propose(tmp_path, SEED, FIXTURES / "rules" / "T003")
    assert review.terminal_review(doc, stdin=io.StringIO("q\n"), stdout=io.StringIO())["decisions"] == {}
    assert review.terminal_review(doc, stdin=io.StringIO("y\n"), stdout=io.StringIO())["decisions"] == \
        {doc["entries"][0]["id"]: "approved"}


def test_review_cli_writes_approvals(tmp_path, monkeypatch, capsys):
    path, doc = propose(tmp_path, SEED)
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    out = tmp_path / "approvals.json"
    assert main(["review", str(path), "--approvals", str(out)]) == 0
    assert json.loads(out.read_text("utf-8"))["decisions"] == {doc["entries"][0]["id"]: "approved"}


def test_bad_bundles_are_one_line_errors(tmp_path, capsys):
    bad = tmp_path / "b.json"
    bad.write_text("{}", "utf-8")
    assert main(["review", str(bad)]) == 2
    assert main(["review", str(tmp_path / "missing.json")]) == 2
    path, doc = propose(tmp_path, SEED)
    wrong = tmp_path / "a.json"
    wrong.write_text(json.dumps({"relbot_approvals": 1, "bundle": "0" * 16, "approved": [], "rejected": []}))
    assert main(["apply", str(path), "--approvals", str(wrong)]) == 2
    err = capsys.readouterr().err
    assert err.count("relbot: error:") == 3 and "Traceback" not in err


def test_word_diff_finds_the_danda():
    ops = diffs.words("রয়েছে।। এর পাশাপাশি", "রয়েছে। এর পাশাপাশি")
    assert ("-", "।") in ops or any(op == "-" and "।" in t for op, t in ops)
    assert "".join(t for op, t in ops if op != "+") == "রয়েছে।। এর পাশাপাশি"
    assert "".join(t for op, t in ops if op != "-") == "রয়েছে। এর পাশাপাশি"


# -- reviews that cannot contradict themselves ----------------------------------------------------

def same_title_twice(tmp_path, extra_text=("", "")):
    """The seed article under the same file name in two folders: same title, same fix."""
    text = SEED.read_text("utf-8")
    paths = []
    for folder, extra in zip(("a", "b"), extra_text):
        (tmp_path / folder).mkdir()
        path = tmp_path / folder / SEED.name
        path.write_text(extra + text, "utf-8")
        paths.append(path)
    return paths


def test_same_title_and_fix_in_two_files_are_two_entries(tmp_path):
    path, doc = propose(tmp_path, *same_title_twice(tmp_path))
    a, b = doc["entries"]
    assert a["title"] == b["title"] and a["new_sha256"] == b["new_sha256"]
    assert a["id"] != b["id"] and a["source"] != b["source"]
    assert review.load_bundle(str(path))["id"] == doc["id"]


def test_a_bundle_with_a_repeated_id_is_refused(tmp_path, capsys):
    path, doc = propose(tmp_path, *same_title_twice(tmp_path))
    doc["entries"][1]["id"] = doc["entries"][0]["id"]
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    assert main(["review", str(path), "--html", str(tmp_path / "r.html")]) == 2
    assert "given twice" in capsys.readouterr().err


def write(tmp_path, name, doc):
    path = tmp_path / name
    path.write_text(json.dumps(doc), "utf-8")
    return str(path)


def test_approvals_cannot_be_both(tmp_path):
    path, doc = propose(tmp_path, *same_title_twice(tmp_path))
    one, two = (e["id"] for e in doc["entries"])
    # version 1: the schema cannot compare the lists, loading refuses
    both = {"relbot_approvals": 1, "bundle": doc["id"], "approved": [one, two], "rejected": [two]}
    assert not list(validator("approvals").iter_errors(both))
    try:
        review.load_approvals(write(tmp_path, "both.json", both), doc)
        raise AssertionError("an id both approved and rejected was accepted")
    except review.BundleError as exc:
        assert f"{two} is both approved and rejected" in str(exc)
    # version 2 has one value per id; any other value, or a list, is refused by the schema
    for bad in ({one: "approved", two: "maybe"}, {one: ["approved", "rejected"]}):
        assert list(validator("approvals").iter_errors({"relbot_approvals": 2, "bundle": doc["id"], "decisions": bad}))
    assert list(validator("approvals").iter_errors(
        {"relbot_approvals": 2, "bundle": doc["id"], "decisions": {}, "approved": [one]}))
    # a version-1 file without contradiction still loads
    ok = review.load_approvals(write(tmp_path, "v1.json", {"relbot_approvals": 1, "bundle": doc["id"],
                                                          "approved": [two], "rejected": [one]}), doc)
    assert ok["approved"] == [two] and ok["rejected"] == [one]
    # an id from another bundle is refused
    try:
        review.load_approvals(write(tmp_path, "x.json", {"relbot_approvals": 2, "bundle": doc["id"],
                                                        "decisions": {"0" * 12: "approved"}}), doc)
        raise AssertionError("an unknown id was accepted")
    except review.BundleError as exc:
        assert "no entry of bundle" in str(exc)


def test_json_keeps_the_later_decision():
    doc = {"entries": [{"id": "a" * 12}, {"id": "b" * 12}], "id": "c" * 16}
    assert review.approvals(doc, {"b" * 12: "rejected", "a" * 12: "approved"})["decisions"] == \
        {"a" * 12: "approved", "b" * 12: "rejected"}  # bundle order
    text = '{"relbot_approvals": 2, "bundle": "%s", "decisions": {"%s": "approved", "%s": "rejected"}}' % (
        "c" * 16, "a" * 12, "a" * 12)
    assert json.loads(text)["decisions"] == {"a" * 12: "rejected"}


def test_nobots_and_in_use_pages_are_not_saveable(tmp_path):
    paths = same_title_twice(tmp_path, ("{{nobots}}\n", "{{ব্যবহৃত হচ্ছে}}\n"))
    (tmp_path / "c").mkdir()
    free = tmp_path / "c" / SEED.name
    free.write_text(SEED.read_text("utf-8"), "utf-8")
    path, doc = propose(tmp_path, *paths, free)
    nobots, in_use, open_ = doc["entries"]
    assert (nobots["saveable"], nobots["block"]) == (False, "{{nobots}}")
    assert (in_use["saveable"], in_use["block"]) == (False, "in use ({{ব্যবহৃত হচ্ছে}})")
    assert (open_["saveable"], open_["block"]) == (True, None)
    shown = io.StringIO()
    decided = review.terminal_review(doc, stdin=io.StringIO("y\n"), stdout=shown, colour=False)
    assert decided["decisions"] == {open_["id"]: "approved"}  # the one "y" went to the saveable entry
    assert shown.getvalue().count("approve this edit?") == 1
    assert "not saveable: {{nobots}}" in shown.getvalue()
    rejected = review.load_approvals(write(tmp_path, "r.json", {"relbot_approvals": 2, "bundle": doc["id"],
                                                               "decisions": {nobots["id"]: "rejected"}}), doc)
    assert rejected["rejected"] == [nobots["id"]]


# -- links, places, readable diffs ---------------------------------------------------------------

def test_links_are_well_formed():
    from bot import links

    w = "https://bn.wikipedia.org"
    # ক খ = U+0995 U+0996: UTF-8 E0 A6 95, E0 A6 96; the space an underscore
    assert links.article(w, "ক খ") == "https://bn.wikipedia.org/wiki/%E0%A6%95_%E0%A6%96"
    assert links.edit(w + "/", "ক খ", 2) == \
        "https://bn.wikipedia.org/w/index.php?title=%E0%A6%95_%E0%A6%96&action=edit&section=2"
    assert links.edit(w, "ক", 0).endswith("title=%E0%A6%95&action=edit&section=0")  # the lead
    assert links.history(w, "A (B)") == "https://bn.wikipedia.org/w/index.php?title=A_(B)&action=history"
    assert links.diff(w, "A", 1234) == "https://bn.wikipedia.org/w/index.php?title=A&diff=cur&oldid=1234"
    # a title cannot end the URL or add a parameter
    assert links.article(w, "A&B?c=d#e+f%") == "https://bn.wikipedia.org/wiki/A%26B%3Fc%3Dd%23e%2Bf%25"
    sandbox = {"base_url": "http://127.0.0.1:8080", "script": "/index.php", "article_path": "/index.php/$1"}
    assert links.article(sandbox, "ক") == "http://127.0.0.1:8080/index.php/%E0%A6%95"
    assert links.history(sandbox, "ক") == "http://127.0.0.1:8080/index.php?title=%E0%A6%95&action=history"


def test_entries_know_each_finding_s_section_and_anchor(tmp_path):
    _, doc = propose(tmp_path, SEED)
    (e,) = doc["entries"]
    assert doc["links"] == {"base_url": "https://bn.wikipedia.org"}
    by = {(f["code"], f["line"]): p for f, p in zip(e["findings"], e["places"])}
    # the seed: ==ইতিহাস== on line 3 is section 1, == তথ্যসূত্র == on line 16 section 3; line 1 the lead
    assert by[("L007", 3)] == {"section": 1, "anchor": "ইতিহাস"}
    assert by[("L007", 13)]["section"] == 2 and by[("L003", 16)]["section"] == 3
    assert by[("T001", 1)] == {"section": 0, "anchor": "।।"}


def test_anchor_text_is_safe_in_a_list_field():
    text = "ক [[খ|গ ঘ ঙ]] চ {{ছ}} জ\nঝ"
    assert review.anchor_text(text, 0, len(text)) == "গ ঘ ঙ"  # the longest part without | [[ ]] {{ }}
    # an empty span: the words around it on its line
    assert review.anchor_text("এক দুই।\nতিন", 3, 3) == "এক দুই।"
    long = "অ" * 50 + "কি" * 50
    cut = review.anchor_text(long, 0, len(long))
    assert cut == "অ" * 50 + "কি" * 10  # 60 grapheme clusters: কি is one, never split


def test_segments_show_invisible_changes():
    nukta = diffs.segments("নয়া দিল্লি".replace("য়", "\u09df"), "নয়া দিল্লি".replace("য়", "\u09af\u09bc"))
    change = [s for s in nukta if s["op"] == "change"]
    assert len(change) == 1 and change[0]["kind"] == "nfc" and change[0]["codes"] == "U+09DF → U+09AF U+09BC"
    space = [s for s in diffs.segments("==ইতিহাস==", "== ইতিহাস ==") if s["op"] == "change"]
    assert [(s["kind"], s["old"], s["new"], s["codes"]) for s in space] == [("space", "", " ", "∅ → U+0020")] * 2
    assert diffs.visible(" \u00a0\t\u200c") == "·⍽→[ZWNJ]"
    danda = [s for s in diffs.segments("রয়েছে।। এর", "রয়েছে। এর") if s["op"] == "change"]
    assert [(s["kind"], s["old"], s["new"], s["codes"]) for s in danda] == [("punct", "।", "", "U+0964 → ∅")]
    lookalike = [s for s in diffs.segments("হয়৷", "হয়।", {"৷": "।"}) if s["op"] == "change"]
    assert [(s["kind"], s["old"], s["new"]) for s in lookalike] == [("nfc", "৷", "।")]
    word = [s for s in diffs.segments("দূতাবাস আছে", "কনস্যুলেট আছে") if s["op"] == "change"]
    assert [(s["kind"], s["old"], s["new"]) for s in word] == [("text", "দূতাবাস", "কনস্যুলেট")]


def test_a_one_character_change_in_a_long_paragraph_is_one_change():
    para = "২০১০ সালের অক্টোবর মাসে আর্জেন্টিনার রাজধানী বুয়েনোস আইরেসে আজারবাইজান তাদের দূতাবাস স্থাপন করে।।"
    old = f"ক\n{para}\nখ\n"
    new = f"ক\nনতুন লাইন\n{para[:-1]}\nখ\n"  # a line added before it, its double danda made single
    (hunk,) = diffs.hunks(old, new)
    ops = [(line["op"], line["old"], line["new"]) for line in hunk["lines"]]
    assert ops == [(" ", "ক", "ক"), ("+", None, "নতুন লাইন"), ("~", para, para[:-1]), (" ", "খ", "খ")]
    changed = hunk["lines"][2]["words"]
    assert [w for w in changed if w[0] != "="] == [("-", "।")]


def test_cuts_fall_between_grapheme_clusters():
    text = "ক্ষি" * 40  # one cluster each (a conjunct with its vowel sign) in \X
    head, tail = diffs.elide(text, 5)
    assert head == "ক্ষি" * 5 and tail == "ক্ষি" * 5
    for cut in (head, tail):
        assert not cut[0] in "\u09bf\u09cd" and cut[-1] == "\u09bf"  # never starts with a sign


def test_review_page_of_real_pages_cuts_between_graphemes_and_loses_nothing():
    """The bnwiki sample's proposed edits: each changed line's segments give back both lines
    exactly, and where the page cuts unchanged text, no cut starts with a vowel sign or virama."""
    import re
    import unicodedata

    from bot.fixes import fix_page
    from bot.gazetteer import Gazetteer
    from bot.profile import load_profile
    from bot.reviewpage import render_review
    from realpages import BILATERAL_TITLE, articles

    profile, gaz = load_profile("bn"), Gazetteer.load("bn")
    entries, lines = [], 0
    for n, (_, text) in enumerate(articles()[:80]):
        out = fix_page(text, BILATERAL_TITLE, profile, gaz)
        if not out.changed:
            continue
        entries.append(review.entry(out, f"sample/{n}", None, profile))
        for hunk in entries[-1]["hunks"]:
            for line in hunk["lines"]:
                if line["op"] != "~":
                    continue
                lines += 1
                segs = diffs.segments(line["old"], line["new"])
                assert "".join(s["text"] if s["op"] == "=" else s["old"] for s in segs) == line["old"]
                assert "".join(s["text"] if s["op"] == "=" else s["new"] for s in segs) == line["new"]
    assert len(entries) > 40 and lines > 200
    html = render_review(review.bundle(entries, profile, "files", None, {}))
    cuts = re.findall(r'<span class="gap"[^>]*>…</span>(.)', html)
    assert len(cuts) > 100
    assert not [c for c in cuts if unicodedata.category(c).startswith("M") or c in "\u200c\u200d"]


def test_terminal_review_names_invisible_changes():
    old = "নয়াদিল্লি ছিল".replace("য়", "\u09df")  # য় as one code point, then as য + nukta
    new = "নয়াদিল্লি  ছিল".replace("য়", "\u09af\u09bc")
    e = {"title": "ক", "applicability": "safe", "cosmetic": False, "id": "a" * 12, "source": "x", "summary": "s",
         "hunks": [{"old_start": 1, "new_start": 1,
                    "lines": [{"op": "~", "old": old, "new": new, "words": diffs.words(old, new)}]}]}
    text = review.render_entry(e, colour=False)
    assert text.splitlines()[-1] == "  (U+09DF → U+09AF U+09BC; ∅ → U+0020)"


def test_a_markup_finding_gets_an_anchor_of_its_lines_words_that_picks_it_alone():
    """Two pipes used as dandas (T002, own text «|»: an empty anchor once, which lists every
    T002 of the page): each gets the word before it, and the exported line, read back as the
    exceptions page reads it, suppresses that finding and no other."""
    from bot import exceptions
    from bot.fixes import fix_page
    from bot.profile import load_profile

    title = "আজারবাইজান–আর্জেন্টিনা সম্পর্ক"
    text = SEED.read_text("utf-8").replace("\n\n", "\n\nদুই দেশের বাণিজ্য বাড়ছে| এটি সত্য।\n\n"
                                           "রাষ্ট্রপতির সফর হয়েছে| এটিও সত্য।\n\n", 1)
    out = fix_page(text, title, load_profile("bn"))
    pipes = [i for i, f in enumerate(out.findings) if f.code == "T002"]
    assert [out.original[out.findings[i].start:out.findings[i].end] for i in pipes] == ["|", "|"]
    anchors = [p["anchor"] for p in review.places(out)]
    assert [anchors[i] for i in pipes] == ["বাড়ছে", "হয়েছে"]
    for i in pipes:
        line = exceptions.line_for(title, "T002", anchors[i])
        listed = exceptions.load(line)
        assert not listed.malformed
        assert set(exceptions.assign(listed.for_page(title), out.findings, out.original)) == {i}
    # a finding that is a word or more keeps its own text (the seed's double danda)
    seed = next(i for i, f in enumerate(out.findings) if f.code == "T001")
    assert anchors[seed] == "।।"
