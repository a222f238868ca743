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
    assert ("| ১২ || [[নিয়ম#i003|I003]] অজানা প্যারামিটার || সতর্কতা || "
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
