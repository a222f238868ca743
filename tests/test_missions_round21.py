"""Round 21 of the Bengali mission grammar (issue 22, tuned on fixtures/facts/bn_real26.json after its fresh
reading): each class of form it added, in sentences written here in that form (not copied from the labelled
sets), with exactly the facts and the absent missions each states, and near misses that must keep their
reading. Read by the whole pipeline (``bot.facts.facts_for`` / ``absent_for``)."""

from __future__ import annotations

import pytest

from mission_readers import absent, prose

# (sentence, facts {(sender, host city as written, host country, kind)}, absent {(sender, host)})
CASES = [
    # hosts named 'including' before 'of various countries' (দেশের), a sender's demonym after
    ("অস্ট্রিয়া, হাঙ্গেরি ও পোল্যান্ড-সহ বিভিন্ন দেশের জাপানি দূতাবাস অনুষ্ঠান আয়োজন করেছে",
     {("JP", None, "AT", "embassy"), ("JP", None, "HU", "embassy"), ("JP", None, "PL", "embassy")}, set()),
    # a closure denied, a list of subjects after the verb: each keeps its mission
    ("দামেস্কে থাকা দূতাবাস বন্ধ করছে না ইরান ও ইরাক",
     {("IR", "দামেস্ক", "SY", "embassy"), ("IQ", "দামেস্ক", "SY", "embassy")}, set()),
    # … and a closure done by two: each has none there
    ("দামেস্কে দূতাবাস বন্ধ করে দিয়েছে ইরান ও ইরাক", set(), {("IR", "SY"), ("IQ", "SY")}),
    # a capital alone as the subject after the verb still names its country
    ("কারাকাসে দূতাবাসের কার্যক্রম শুরু করেছে মাদ্রিদ", {("ES", "কারাকাস", "VE", "embassy")}, set()),
    # a capital right before the mission word, a host in the locative before it: the capital's country sends
    ("সেনেগালে অবস্থিত প্যারিস দূতাবাস জানিয়েছে", {("FR", None, "SN", "embassy")}, set()),
    # a spelling met in real text
    ("বুরকিনা ফাঁসোতে জার্মান দূতাবাসে হামলা হয়েছে", {("DE", None, "BF", "embassy")}, set()),
    # a diplomat (objective case) working at a mission: the diplomat's country is its sender
    ("বার্লিন দূতাবাসে কর্মরত এক রুশ কূটনীতিককে বহিষ্কার করেছে জার্মানি", {("RU", "বার্লিন", "DE", "embassy")}, set()),
]


@pytest.mark.parametrize("text,want,gone", CASES, ids=range(len(CASES)))
def test_round21_forms(text, want, gone, profile, gaz):
    assert prose(text, profile, gaz) == want
    assert absent(text, profile, gaz) == gone
