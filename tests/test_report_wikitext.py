"""The published report's wikitext offline (bot/report.py wikitext): new / fixed counted as
multisets, hostile messages shown as text, Bengali digits, the size budget."""

from __future__ import annotations

import copy

from bot.profile import Profile
from bot.report import changes, finding_keys, wikitext


def finding(code: str, line: int, en: str, bn: str = "বার্তা", severity: str = "warning") -> dict:
    return {"code": code, "severity": severity, "line": line, "column": 1, "end_line": line, "end_column": 2,
            "message": {"bn": bn, "en": en}, "fix": None}


def page(title: str, *findings: dict) -> dict:
    return {"title": title, "source": f"bn:{title}", "status": "checked", "findings": list(findings)}


def test_new_and_fixed_are_multisets_of_page_code_and_message():
    before = [page("ক–খ সম্পর্ক", finding("T001", 3, "a"), finding("T001", 9, "a"), finding("L007", 1, "b"))]
    # one of two equal T001 fixed, L007 moved to another line (the same finding), an E003 new
    after = [page("ক–খ সম্পর্ক", finding("T001", 4, "a"), finding("L007", 2, "b"), finding("E003", 5, "c"))]
    assert changes(after, finding_keys(before)) == (1, 1)
    assert changes(before, finding_keys(before)) == (0, 0)
    assert changes([], finding_keys(before)) == (0, 3)


def test_messages_are_shown_as_text_and_numbers_in_bengali_digits(profile):
    hostile = "a |} [[x]] {{y}} </nowiki> <b>&amp;"
    text = wikitext([page("ক–খ সম্পর্ক", finding("I003", 12, "en", bn=hostile))], profile,
                    "2026-01-02 03:04 UTC", {"when": "2025-12-31 23:59 UTC", "findings": []}, "নিয়ম")
    assert ("| ১২ || [[নিয়ম#i003|I003]] অজানা প্যারামিটার || সতর্কতা · '''নতুন''' || "
            "<nowiki>a |} [[x]] {{y}} &lt;/nowiki> &lt;b>&amp;amp;</nowiki>\n") in text
    assert ("সর্বশেষ হালনাগাদ: ২০২৬-০১-০২ ০৩:০৪ UTC — আগের প্রতিবেদনের (২০২৫-১২-৩১ ২৩:৫৯ UTC) পর: "
            "নতুন ১টি, সংশোধিত ০টি ফলাফল\n") in text


def test_per_article_tables_stop_at_the_size_budget(profile):
    data = copy.deepcopy(profile.data)
    data["report"]["max_bytes"] = 30000
    small = Profile(data, "test")
    pages = [page(f"দেশ{i}–খ সম্পর্ক", *(finding("T001", n, "a" * 40) for n in range(1, 8))) for i in range(30)]
    text = wikitext(pages, small, "2026-01-02 03:04 UTC", None)
    shown = text.count("mw-collapsible")
    assert 0 < shown < 30 and len(text.encode("utf-8")) <= 30000
    assert f"আরও {small.number(30 - shown)}টি নিবন্ধের ফলাফল পাতার আকারের সীমার জন্য এখানে দেখানো হয়নি" in text
    full = wikitext(pages, profile, "2026-01-02 03:04 UTC", None)
    assert full.count("mw-collapsible") == 30 and "আরও" not in full


def test_blocked_pages_new_findings_and_twin_rows_are_told_apart(profile):
    """A page the bot may not edit says so beside "checked" (templates as text); against the
    last published report, only the finding it did not have is marked new (one of two equal
    ones: multisets); two E003 on one line show their columns; the marks do not count as a
    change (the page is not saved again for them)."""
    from bot.report import without_time

    twin = dict(finding("E003", 7, "no source", severity="warning"), column=5)
    pages = [dict(page("ক–খ সম্পর্ক", finding("T001", 3, "a"), finding("T001", 9, "a"), twin,
                       dict(twin, column=40)), block="{{nobots}}"),
             dict(page("গ–ঘ সম্পর্ক", finding("L007", 1, "b", severity="style")), block="in use ({{ব্যবহৃত হচ্ছে}})"),
             page("ঙ–চ সম্পর্ক", finding("L007", 1, "b", severity="style"))]
    before = finding_keys([page("ক–খ সম্পর্ক", finding("T001", 1, "a"), finding("E003", 2, "no source")),
                           page("গ–ঘ সম্পর্ক", finding("L007", 1, "b"))])
    text = wikitext(pages, profile, "2026-01-02 03:04 UTC", {"when": "2026-01-01 00:00 UTC", "findings": before}, "নিয়ম")
    assert "| [[ক–খ সম্পর্ক]] " in text and " || পরীক্ষিত · বট সম্পাদনা করবে না: <nowiki>{{nobots}}</nowiki> || " in text
    assert " || পরীক্ষিত · বট সম্পাদনা করবে না: <nowiki>ব্যবহৃত হচ্ছে ({{ব্যবহৃত হচ্ছে}})</nowiki> || " in text
    new = " · QQQনতুনQQQ".replace("QQQ", "'" * 3)
    rows = [line for line in text.splitlines() if line.startswith("| ") and "<nowiki>বার্তা</nowiki>" in line]
    assert [(r.split(" || ")[0], r.split(" || ")[2]) for r in rows] == [
        ("| ৩", "সতর্কতা"), ("| ৭:৫", "সতর্কতা"), ("| ৭:৪০", "সতর্কতা" + new), ("| ৯", "সতর্কতা" + new),
        ("| ১", "শৈলী"), ("| ১", "শৈলী" + new)]
    again = wikitext(pages, profile, "2026-01-03 03:04 UTC", {"when": "2026-01-02 03:04 UTC",
                                                               "findings": finding_keys(pages)}, "নিয়ম")
    assert new not in again and without_time(again, profile) == without_time(text, profile)


def test_pages_the_wiki_refused_are_listed_for_a_person_in_bengali(profile):
    held = [  # as the state keeps them (bot/state.py checks, bot/wiki/obstacles.py)
        {"title": "ভারত–নেপাল সম্পর্ক", "reason": "protected (edit=sysop)", "run_id": 3,
         "obstacle": {"cause": "protected", "mark": "edit=sysop"}},
        {"title": "চীন–নেপাল সম্পর্ক", "reason": "AbuseFilter filter 12 (disallow): সূত্র তালিকা যোগ নিষেধ (পরীক্ষা)",
         "run_id": 12, "obstacle": {"cause": "abusefilter", "filter": 12, "mark": "enabled@x"}},
        {"title": "জাপান–ভারত সম্পর্ক", "reason": "spam blacklist: spam.example.org", "run_id": 4,
         "obstacle": {"cause": "spam-blacklist", "mark": "7"}},
        {"title": "কিউবা–ভারত সম্পর্ক", "reason": "CAPTCHA: the bot account needs the skipcaptcha right "
         "(a bot run never answers one)", "run_id": 4, "obstacle": {"cause": "captcha", "mark": ""}},
        {"title": "ঘানা–ভারত সম্পর্ক", "reason": 'title blacklist: It matches the entry ".*ঘানা.* <noedit>"',
         "run_id": 5, "obstacle": {"cause": "title-blacklist", "mark": "9"}},
    ]
    text = wikitext([], profile, "2026-12-07 10:00 UTC", None, None, held)
    part = text.split("=== উইকি যেসব পাতায় বটের সংশোধন ফিরিয়ে দিয়েছে ===\n", 1)[1].splitlines()
    assert part[:6] == [
        "এই পাতাগুলোর সংশোধন বট জমা দিতে পারেনি; বাধাটি সরানো হলে (বা পাতাটি সম্পাদিত হলে) পরের রানে আবার চেষ্টা হবে।",
        "* [[কিউবা–ভারত সম্পর্ক]] — ক্যাপচা: বট অ্যাকাউন্টের skipcaptcha অধিকার নেই (রান ৪ থেকে)",
        "* [[ঘানা–ভারত সম্পর্ক]] — শিরোনাম কালোতালিকা: <nowiki>It matches the entry \".*ঘানা.* &lt;noedit>\"</nowiki> "  # &lt;: shown as <
        "(রান ৫ থেকে)",
        "* [[চীন–নেপাল সম্পর্ক]] — অপব্যবহার ছাঁকনি: <nowiki>filter 12 (disallow): সূত্র তালিকা যোগ নিষেধ (পরীক্ষা)"
        "</nowiki> (রান ১২ থেকে)",
        "* [[জাপান–ভারত সম্পর্ক]] — স্প্যাম কালোতালিকা: <nowiki>spam.example.org</nowiki> (রান ৪ থেকে)",
        "* [[ভারত–নেপাল সম্পর্ক]] — সুরক্ষিত পাতা: <nowiki>edit=sysop</nowiki> (রান ৩ থেকে)",
    ]
    assert "উইকি যেসব পাতায়" not in wikitext([], profile, "2026-12-07 10:00 UTC", None, None, [])
