"""A mission written as a Bengali sentence (bot/sentences.py): the sentences written by hand, and
relbot's own Bengali reader reads each back as the same fact."""

from __future__ import annotations

import pytest

from bot.article import build
from bot.sentences import mission_sentence

# (sender, city, kind) -> the sentence as a bnwiki editor writes it
BY_HAND = [
    (("AR", "AZ:baku", "embassy"), "[[বাকু]]তে আর্জেন্টিনার একটি দূতাবাস রয়েছে।"),
    (("AZ", "AR:buenos-aires", "embassy"), "[[বুয়েনোস আইরেস]]-এ আজারবাইজানের একটি দূতাবাস রয়েছে।"),
    (("IN", "BD:dhaka", "high-commission"), "[[ঢাকা]]য় ভারতের একটি হাই কমিশন রয়েছে।"),
    (("BD", "IN:kolkata", "high-commission"), "[[কলকাতা]]য় বাংলাদেশের একটি হাই কমিশন রয়েছে।"),
    (("US", "IN:kolkata", "consulate-general"), "[[কলকাতা]]য় মার্কিন যুক্তরাষ্ট্রের একটি কনস্যুলেট জেনারেল রয়েছে।"),
    (("BD", "US:washington-dc", "embassy"), "[[ওয়াশিংটন ডি.সি.]]-তে বাংলাদেশের একটি দূতাবাস রয়েছে।"),
    (("BT", "BD:dhaka", "embassy"), "[[ঢাকা]]য় ভুটানের একটি দূতাবাস রয়েছে।"),
    (("BD", "BT:thimphu", "embassy"), "[[থিম্পু]]তে বাংলাদেশের একটি দূতাবাস রয়েছে।"),
    (("PK", "AR:buenos-aires", "embassy"), "[[বুয়েনোস আইরেস]]-এ পাকিস্তানের একটি দূতাবাস রয়েছে।"),
    (("NP", "IN:new-delhi", "embassy"), "[[নয়াদিল্লি]]তে নেপালের একটি দূতাবাস রয়েছে।"),
    (("CN", "BD:chittagong", "consulate-general"), "[[চট্টগ্রাম]]ে চীনের একটি কনস্যুলেট জেনারেল রয়েছে।"),
    (("JP", "GB:london", "embassy"), "[[লন্ডন]]ে জাপানের একটি দূতাবাস রয়েছে।"),
]


@pytest.mark.parametrize("fact, sentence", BY_HAND, ids=[f"{s}-{c}" for (s, c, _), _ in BY_HAND])
def test_the_sentence_as_written_by_hand(fact, sentence, profile, gaz):
    assert mission_sentence(*fact, profile, gaz) == sentence


@pytest.mark.parametrize("fact, sentence", BY_HAND, ids=[f"{s}-{c}" for (s, c, _), _ in BY_HAND])
def test_the_bengali_reader_reads_it_back(fact, sentence, profile, gaz):
    sender, city, kind = fact
    host = city.split(":")[0]
    title = f"{gaz.name(sender)}–{gaz.name(host)} সম্পর্ক"
    art = build(f"'''{title}''' দুই দেশের সম্পর্ক। {sentence}", title, profile, gaz)
    assert [(f.sender, f.host_city_id, f.host_country, f.kind) for f in art.facts] == [(sender, city, host, kind)]


def test_no_sentence_for_another_mission_or_an_unknown_place(profile, gaz):
    assert mission_sentence("JP", "BD:dhaka", "other", profile, gaz) is None
    assert mission_sentence("JP", "XX:nowhere", "embassy", profile, gaz) is None
