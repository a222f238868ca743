"""Issue #23, round 2 of the cross-check: the cities that hold missions (bot/data/cities.*.json),
the Bengali sender read from the title's pair, English closures reopened, elliptical and upgraded
missions, and the comparison's pairing (same city, the sender's own page, kind first).

Every sentence here is written for this file; every expectation is written by hand.
"""

from __future__ import annotations

import pytest

from bot.article import build
from bot.counterpart import EnglishPages
from bot.crosscheck import for_article
from bot.facts import facts_for
from bot.missions.en import read_sentence


def bn_facts(text, title, profile, gaz) -> list[tuple]:
    return [(f["sender"], f["kind"], f["host_country"], f["host_city_id"])
            for f in facts_for(text + "\n", title, profile, gaz) if f["source"] == "prose"]


def en_facts(text, en, gaz_en) -> list[tuple]:
    return [(m.sender, m.kind, m.country, m.city_id) for m in read_sentence(text, en, gaz_en)]


# -- the cities -------------------------------------------------------------------------------

@pytest.mark.parametrize("name,cid", [
    ("মেদান", "ID:medan"), ("দেনপাসার", "ID:denpasar"), ("তাবরিজ", "IR:tabriz"), ("কার্স", "TR:kars"),
    ("লাসা", "CN:lhasa"), ("নাখচিভান", "AZ:nakhchivan"), ("আলেকজান্দ্রিয়া", "EG:alexandria"),
    ("ক্রাকুফ", "PL:krakow"), ("ক্রাকোভ", "PL:krakow"), ("ভ্রোৎসোয়াফ", "PL:wroclaw"), ("রোকলো", "PL:wroclaw"),
    ("ইজমির", "TR:izmir"), ("ট্রাবজোন", "TR:trabzon"), ("গাঞ্জা", "AZ:ganja"), ("ওপোলে", "PL:opole"),
])
def test_the_bengali_gazetteer_knows_the_cities_that_hold_missions(name, cid, gaz):
    assert gaz.city(name).id == cid
    assert [(m.place.id, m.case) for m in gaz.find(f"[[{name}]]ে")] == [(cid, "locative")] \
        or [m.place.id for m in gaz.find(name)] == [cid]


@pytest.mark.parametrize("word", ["বন", "বালি", "কিল", "হাল", "পরি", "বাটা", "কালি", "মেরি", "ওরান"])
def test_a_city_whose_bengali_name_is_a_common_word_is_left_out(word, gaz):
    assert gaz.city(word) is None


@pytest.mark.parametrize("name,cid", [("Kraków", "PL:krakow"), ("Krakow", "PL:krakow"), ("Wroclaw", "PL:wroclaw"),
                                      ("Nakhchivan (city)", "AZ:nakhchivan"), ("Iğdır", "TR:igdir")])
def test_the_english_gazetteer_reads_variants_and_link_targets(name, cid, gaz_en):
    assert gaz_en.city(name).id == cid


def test_new_delhi_and_delhi_are_one_city_for_comparison(gaz, gaz_en):
    assert gaz_en.same_city("IN:delhi") == gaz_en.same_city("IN:new-delhi") == gaz.same_city("IN:delhi")
    assert gaz_en.same_city("PK:karachi") == "PK:karachi" and gaz_en.same_city(None) is None


# -- Bengali: the sender of an earlier clause, two cities, the title's pair --------------------

def test_the_second_clause_takes_the_first_clauses_sender(profile, gaz):
    text = "[[কায়রো]]তে তুরস্কের একটি দূতাবাস রয়েছে এবং [[আলেকজান্দ্রিয়া]]য় একটি কনস্যুলেট-জেনারেল রয়েছে।"
    assert bn_facts(text, "মিশর–তুরস্ক সম্পর্ক", profile, gaz) == [
        ("TR", "embassy", "EG", "EG:cairo"), ("TR", "consulate-general", "EG", "EG:alexandria")]


def test_two_cities_sharing_one_locative_are_two_facts(profile, gaz):
    text = "[[ইজমির]] ও [[ট্রাবজোন]]ে জর্জিয়ার কনস্যুলেট-জেনারেল রয়েছে।"
    assert bn_facts(text, "জর্জিয়া–তুরস্ক সম্পর্ক", profile, gaz) == [
        ("GE", "consulate-general", "TR", "TR:izmir"), ("GE", "consulate-general", "TR", "TR:trabzon")]


def test_a_passive_mission_in_a_city_of_the_pair_is_the_other_countrys(profile, gaz):
    text = "নেপাল ১৯৭২ সালে বাংলাদেশকে স্বীকৃতি দেয়। দুই বছর পর [[ঢাকা]]য় একটি দূতাবাস খোলা হয়।"
    assert bn_facts(text, "বাংলাদেশ–নেপাল সম্পর্ক", profile, gaz) == [("NP", "embassy", "BD", "BD:dhaka")]


@pytest.mark.parametrize("text", [
    "দূতাবাস রয়েছে।",  # no city, no sender
    "[[লাসা]]য় একটি কনস্যুলেট-জেনারেল রয়েছে।",  # a city of neither country of the pair
    "জাপান ১৯৭২ সালে বাংলাদেশকে স্বীকৃতি দেয়। [[ঢাকা]]য় একটি দূতাবাস খোলা হয়।",  # a third country before
    "[[ঢাকা]]য় ভারতের হাইকমিশনের পাশে একটি দূতাবাস খোলা হয়।",  # a third country in the sentence
    "[[ঢাকা]]য় অনেক দূতাবাস রয়েছে।",  # generic
    "[[ঢাকা]]য় জাতিসংঘের একটি কার্যালয় ও দূতাবাস রয়েছে।",  # a body
])
def test_no_sender_is_taken_from_the_pair_when_it_is_not_unambiguous(text, profile, gaz):
    # (India's high commission of the fourth sentence is a fact of its own; no mission is Nepal's)
    assert [f for f in bn_facts(text, "বাংলাদেশ–নেপাল সম্পর্ক", profile, gaz) if f[0] == "NP"] == []


# -- English: reopened, elliptical, upgraded ---------------------------------------------------

def test_a_closed_embassy_reopened_in_the_same_sentence_is_present(en, gaz_en):
    assert en_facts("In 1990, Peru closed its embassy in Quito and reopened it in 2001.", en, gaz_en) == [
        ("PE", "embassy", "EC", "EC:quito")]
    assert en_facts("In 1990, Peru closed its embassy in Quito.", en, gaz_en) == []
    assert en_facts("Peru closed its embassy in Quito and plans to reopen it.", en, gaz_en) == []


def test_their_own_takes_the_kind_named_before(en, gaz_en):
    assert en_facts("Nepal opened an embassy in Dhaka in 1973, followed by Bangladesh setting up their own in "
                    "Kathmandu a year later.", en, gaz_en) == [
        ("NP", "embassy", "BD", "BD:dhaka"), ("BD", "embassy", "NP", "NP:kathmandu")]


def test_an_upgraded_mission_is_of_the_last_kind_named(en, gaz_en):
    assert en_facts("A Canadian consulate was opened in Lima in 1950 and this was upgraded to a consulate "
                    "general in 1955 and then to an embassy in 1961.", en, gaz_en) == [
        ("CA", "embassy", "PE", "PE:lima")]
    assert en_facts("Chile opened a consulate in Lima, which was upgraded to an embassy in 1960.", en, gaz_en) == [
        ("CL", "embassy", "PE", "PE:lima")]


# -- the comparison ------------------------------------------------------------------------------

PL_TR = {
    "Foreign relations of Poland": "== Bilateral ==\n{|\n|-\n|{{flag|Turkey}}\n|\n"
    "* Poland has an embassy in [[Ankara]] and a consulate general in [[Istanbul]].\n|}\n",
}


def rows(text, title, pages, profile, gaz) -> list[tuple]:
    art = build(text + "\n", title, profile, gaz)
    return [(r.status, r.sender, r.host, r.kind, r.city_id,
             [(f.kind, f.city_id) for f in r.there]) for r in for_article(art, pages)]


def test_an_embassy_in_another_city_disagrees_with_the_embassy_kind_first(profile, gaz):
    text = "'''পোল্যান্ড–তুরস্ক সম্পর্ক''' দুই দেশের সম্পর্ক। পোল্যান্ডের [[ইস্তানবুল]]ে একটি দূতাবাস রয়েছে।"
    assert rows(text, "পোল্যান্ড–তুরস্ক সম্পর্ক", EnglishPages(PL_TR), profile, gaz) == [
        ("disagreeing", "PL", "TR", "embassy", "TR:istanbul", [("embassy", "TR:ankara")]),
        ("missing-here", "PL", "TR", "consulate-general", "TR:istanbul", [("consulate-general", "TR:istanbul")]),
    ]


def test_new_delhi_here_agrees_with_delhi_there(profile, gaz):
    pages = EnglishPages({"Foreign relations of Indonesia": "== Asia ==\n{|\n|-\n|{{flag|India}}\n|\n"
                                                            "* Indonesia operates an embassy in Delhi.\n|}\n"})
    text = "'''ভারত–ইন্দোনেশিয়া সম্পর্ক''' দুই দেশের সম্পর্ক। [[নয়াদিল্লি]]তে ইন্দোনেশিয়ার দূতাবাস রয়েছে।"
    assert rows(text, "ভারত–ইন্দোনেশিয়া সম্পর্ক", pages, profile, gaz) == [
        ("agreed", "ID", "IN", "embassy", "IN:new-delhi", [("embassy", "IN:delhi")])]


def test_the_senders_own_page_wins_a_kind_the_english_pages_disagree_on(profile, gaz):
    pages = EnglishPages({
        "Foreign relations of Japan": "== Europe ==\n{|\n|-\n|{{flag|Poland}}\n|\n"
        "* Japan has an embassy in [[Warsaw]] and a consulate in [[Kraków]].\n|}\n",
        "Foreign relations of Poland": "== Asia ==\n{|\n|-\n|{{flag|Japan}}\n|\n"
        "* Japan has an embassy in [[Warsaw]] and a consulate general in [[Kraków]].\n|}\n",
    })
    text = "'''জাপান–পোল্যান্ড সম্পর্ক''' দুই দেশের সম্পর্ক। [[ক্রাকুফ]]ে জাপানের একটি কনস্যুলেট রয়েছে।"
    assert rows(text, "জাপান–পোল্যান্ড সম্পর্ক", pages, profile, gaz) == [
        ("agreed", "JP", "PL", "consulate", "PL:krakow", [("consulate", "PL:krakow")]),
        ("missing-here", "JP", "PL", "embassy", "PL:warsaw", [("embassy", "PL:warsaw"), ("embassy", "PL:warsaw")]),
    ]
