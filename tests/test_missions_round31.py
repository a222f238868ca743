"""Round 31 of the Bengali mission grammar (issue 22, tenth day; tuned on the sets spent before it, no new set
spent): each class of form it added, in sentences written here in that form (not copied from the labelled
sets), with exactly the facts and absent missions each states, and near misses. Read by the whole pipeline
(``bot.facts.facts_for`` / ``absent_for``), plus the typing-slip matcher on its own."""

from __future__ import annotations

import pytest

from bot.article import build
from bot.missions import bn as B
from bot.missions import mention_re
from mission_readers import NEUTRAL, absent, prose

# (sentence, facts {(sender, host city as written, host country, kind)}, absent {(sender, host)})
CASES = [
    # রাজধানী between an embassy's phrase and the capital of the country named counts for no word of the gap
    ("কাতারের বাংলাদেশ দূতাবাসের উদ্যোগে রাজধানী দোহায় বিজয় দিবস উদযাপিত হয়েছে",
     {("BD", "দোহা", "QA", "embassy")}, set()),
    ("বাহরাইনে বাংলাদেশ দূতাবাসের উদ্যোগে রাজধানী মানামায় মাতৃভাষা দিবস পালিত হয়েছে",
     {("BD", "মানামা", "BH", "embassy")}, set()),
    # near misses: two other words and a city are too far, the country stays the place; রাজধানী before a city of
    # another country than the one named counts as a word (a reviewer's: the city had become the host, the country
    # the sender)
    ("কাতারের বাংলাদেশ দূতাবাসের উদ্যোগে গত শুক্রবার দোহায় বিজয় দিবস উদযাপিত হয়েছে",
     {("BD", None, "QA", "embassy")}, set()),
    ("কাতারের বাংলাদেশ দূতাবাসের কর্মকর্তারা রাজধানী ঢাকায় এক সভায় যোগ দেন", {("BD", None, "QA", "embassy")}, set()),
    ("সুইডেনের বাংলাদেশ দূতাবাসের কর্মকর্তারা রাজধানী অসলোতে এক সভায় যোগ দেন", {("BD", None, "SE", "embassy")}, set()),
    # a second reviewer's: only রাজধানী before the capital, and only after an embassy or a high commission (শহর before
    # a city is an event's venue; consulates are seldom in capitals); a country in the gap never overrides the one
    # named before the mission
    ("ইতালির বাংলাদেশ দূতাবাসের উদ্যোগে শহর মিলানে বৈশাখী মেলা হয়েছে", {("BD", None, "IT", "embassy")}, set()),
    ("সৌদি আরবের বাংলাদেশ কনস্যুলেটের উদ্যোগে রাজধানী রিয়াদে সভা হয়েছে", {("BD", None, "SA", "consulate")}, set()),
    ("মিয়ানমারের বাংলাদেশ দূতাবাসের কর্মকর্তারা থাইল্যান্ডের রাজধানী ব্যাংককে এক সভায় যোগ দেন",
     {("BD", None, "MM", "embassy")}, set()),
    # a place after the mission in the country of the sender named right before it is where its people are
    ("কাতারের বাংলাদেশ দূতাবাসের কর্মকর্তারা ঢাকায় এক সভায় যোগ দেন", {("BD", None, "QA", "embassy")}, set()),
    ("ভারতীয় হাইকমিশনের কর্মকর্তারা দিল্লিতে গেছেন", set(), set()),
    ("ভারতীয় হাইকমিশন ঢাকায় অবস্থিত", {("IN", "ঢাকা", "BD", "high-commission")}, set()),
    # মাহে রমজান (the month of Ramadan) and the other months after মাহে are no place; Mahé in the Seychelles still is
    ("মাহে রমজান উপলক্ষে বাংলাদেশ হাইকমিশন ইফতার মাহফিলের আয়োজন করে", set(), set()),
    ("মাহে রমজানুল মোবারক উপলক্ষে বাংলাদেশ হাইকমিশন ইফতারের আয়োজন করে", set(), set()),
    ("মাহে রবিউল আউয়াল উপলক্ষে বাংলাদেশ দূতাবাস মিলাদের আয়োজন করে", set(), set()),
    ("সেশেলসের মাহেতে ভারতের হাইকমিশন রয়েছে", {("IN", "মাহে", "SC", "high-commission")}, set()),
    # অবস্থানরত between a locative place and the mission, like অবস্থিত
    ("জাপানে অবস্থানরত চীনা দূতাবাস এক বিবৃতি দিয়েছে", {("CN", None, "JP", "embassy")}, set()),
    # near miss: অবস্থানরত people, the mission word bare at the end
    ("জাপানে অবস্থানরত চীনা নাগরিকদের সতর্ক করেছে দূতাবাস", set(), set()),
    # a state or province named as the place: its country, no city (as ত্রিপুরায়)
    ("টেক্সাসে পাকিস্তানের কনস্যুলেট রয়েছে", {("PK", None, "US", "consulate")}, set()),
    ("অন্টারিওতে বাংলাদেশের একটি কনস্যুলেট আছে", {("BD", None, "CA", "consulate")}, set()),
    ("কেরালায় সংযুক্ত আরব আমিরাতের কনস্যুলেট রয়েছে", {("AE", None, "IN", "consulate")}, set()),
    ("ফ্লোরিডার বাংলাদেশ কনস্যুলেট বিবৃতি দিয়েছে", {("BD", None, "US", "consulate")}, set()),
    # near misses: a consulate to come is none; a state that is a topic or a person's is no place, and no mission in
    # one state says none in its country; regions several states share (Balochistan) and রাখাইন (also a people of
    # Bangladesh) are not places
    ("ফ্লোরিডায় বাংলাদেশের কনস্যুলেট খোলা হবে", set(), set()),
    ("মণিপুরের সহিংসতা নিয়ে মার্কিন দূতাবাস উদ্বেগ প্রকাশ করেছে", set(), set()),
    ("টেক্সাসের সিনেটর এক বিবৃতিতে চীনা দূতাবাসের সমালোচনা করেন", set(), set()),
    ("রাজস্থানে জাপানের কোনো কনস্যুলেট নেই, আছে মুম্বাইয়ে", set(), set()),
    ("ইরানের বেলুচিস্তান অঞ্চলে পাকিস্তানের একটি কনস্যুলেট আছে", {("PK", None, "IR", "consulate")}, set()),
    ("পটুয়াখালীর রাখাইন পল্লিতে জাপান দূতাবাসের অর্থায়নে স্কুল নির্মিত হয়েছে", set(), set()),
    ("রাখাইন সম্প্রদায়ের নেতারা ঢাকায় মিয়ানমারের দূতাবাসে গেছেন", {("MM", "ঢাকা", "BD", "embassy")}, set()),
    # British Columbia is a province, not Colombia
    ("বৃটিশ কলম্বিয়ার ভ্যাঙ্কুভারে বাংলাদেশের কনস্যুলেট রয়েছে", {("BD", "ভ্যাঙ্কুভার", "CA", "consulate")}, set()),
    # a capital before the mission names its sender even when a country stands before the place
    ("চীনের অনুরোধে মঙ্গলবার কাঠমান্ডুতে থাকা নয়াদিল্লির দূতাবাস একটি বিবৃতি দিয়েছে",
     {("IN", "কাঠমান্ডু", "NP", "embassy")}, set()),
    ("কাঠমান্ডুতে থাকা চীনের দূতাবাস একটি বিবৃতি দিয়েছে", {("CN", "কাঠমান্ডু", "NP", "embassy")}, set()),
    # a mission word with one typing slip after its first letter, alone in its sentence or in a compound
    ("ঢাকায় মালয়েশিয়ার হইকমিশনে আবেদন করতে হয়", {("MY", "ঢাকা", "BD", "high-commission")}, set()),
    ("চট্টগ্রামে ভারতের সহকারী হইকমিশন রয়েছে", {("IN", "চট্টগ্রাম", "BD", "assistant-high-commission")}, set()),
    ("সিডনিতে বাংলাদেশের কনস্যুলটে রয়েছে", {("BD", "সিডনি", "AU", "consulate")}, set()),
    ("পোর্তোতে কেনিয়ার কনস্যূলেট জেনারেলের অফিস রয়েছে", {("KE", "পোর্তো", "PT", "consulate-general")}, set()),
    # near misses: a high commissioner and a consul are people, a slip on the first letter is no word read
    ("ঢাকায় নিযুক্ত ব্রিটিশ হাইকমিশনারকে তলব করা হয়েছে", set(), set()),
    ("মুম্বাইয়ে জাপানের কনস্যুলের সঙ্গে বৈঠক হয়েছে", set(), set()),
    ("সিডনিতে বাংলাদেশের গনস্যুলেট রয়েছে", set(), set()),
    # কুটনীতিক (a common spelling of কূটনীতিক) posted somewhere are people: their place is not the mission's
    ("তিনি বাংলাদেশ দূতাবাস এবং যুক্তরাষ্ট্রে নিযুক্ত বাংলাদেশি কুটনীতিকদের সঙ্গে কথা বলেন", set(), set()),
    ("ঢাকায় মার্কিন দূতাবাসের কুটনীতিকরা বৈঠকে ছিলেন", {("US", "ঢাকা", "BD", "embassy")}, set()),
    # an older fault a reviewer found: none in a region (Hong Kong) says nothing of its country; a closure for a
    # lockdown stays a closure (a second reviewer's: লকডাউনের কারণে … স্থায়ীভাবে বন্ধ is one for good)
    ("লকডাউনের কারণে আর্জেন্টিনা ঢাকার দূতাবাস স্থায়ীভাবে বন্ধ করে দেয়", set(), {("AR", "BD")}),
    ("সাংহাইয়ে বাংলাদেশ কনস্যুলেট বন্ধ করে দেওয়া হয়েছে", set(), {("BD", "CN")}),
    ("হংকংয়ে ভারতের দূতাবাস নেই", set(), set()),
    ("বেইজিংয়ে পানামার দূতাবাস নেই", set(), {("PA", "CN")}),
    # বংশোদ্ভূত (of … origin) after a demonym makes people, never a sender (a second reviewer's)
    ("টেক্সাসের ডালাসে ভারতীয় বংশোদ্ভূত এক ব্যক্তি মার্কিন দূতাবাসের সমালোচনা করেন", set(), set()),
    # সেখানকার is not resolved: the country before it is as often a speaker's or a person's (a reviewer's:
    # বাংলাদেশের পররাষ্ট্রমন্ত্রী বলেন, সেখানকার মার্কিন দূতাবাস … had read the US embassy in Bangladesh)
    ("বাংলাদেশের পররাষ্ট্রমন্ত্রী বলেন, সেখানকার মার্কিন দূতাবাস সহযোগিতা করছে", set(), set()),
    ("সেখানকার মিসরীয় দূতাবাস নাগরিকদের তালিকা করছে", set(), set()),
]


@pytest.mark.parametrize("text,want,gone", CASES, ids=range(len(CASES)))
def test_round31_forms(text, want, gone, profile, gaz):
    assert prose(text, profile, gaz) == want
    assert absent(text, profile, gaz) == gone


@pytest.mark.parametrize("typed,base,want", [
    ("দূতাবান", "দূতাবাস", True),  # a letter changed
    ("হইকমিশন", "হাইকমিশন", True),  # left out
    ("দূতাবাসল", "দূতাবাস", True),  # added
    ("কনস্যুলটে", "কনস্যুলেট", True),  # two neighbours swapped
    ("দূতাবাস", "দূতাবাস", False),  # the word itself is no slip
    ("তূতাবাস", "দূতাবাস", False),  # the first letter
    ("কনস্যুলার", "কনস্যুলেট", False),  # two changes
    ("দূতাব", "দূতাবাস", False),  # two left out
])
def test_one_slip(typed, base, want):
    assert B._one_slip(typed, base) is want


def test_slips_are_what_one_slip_accepts():
    bases = ["দূতাবাস", "হাইকমিশন"]
    slips = B._slips(bases)
    assert "হইকমিশন" in slips and "দূতাবান" in slips and not set(bases) & slips
    assert all(any(B._one_slip(s, b) for b in bases) for s in slips)
    assert "তূতাবাস" not in slips


def test_mention_finds_slips_at_word_starts_only(profile):
    pattern = mention_re(profile)
    assert [m.group() for m in pattern.finditer("সিডনিতে বাংলাদেশের কনস্যুলটে রয়েছে")] == ["কনস্যুলটে"]
    assert [m.group() for m in pattern.finditer("আকনস্যুলটে")] == []
    assert [m.group() for m in pattern.finditer("ঢাকায় দূতাবাস")] == ["দূতাবাস"]


def test_article_reads_a_sentence_whose_only_mission_word_has_a_slip(profile, gaz):
    text = "'''আইসল্যান্ড–ফিজি সম্পর্ক''' দুই দেশের সম্পর্ক।\n\nসিডনিতে বাংলাদেশের কনস্যুলটে রয়েছে।\n"
    art = build(text, NEUTRAL, profile, gaz)
    assert [s.text.strip() for s in art.sentences] == ["সিডনিতে বাংলাদেশের কনস্যুলটে রয়েছে।"]
