"""Round 30 of the Bengali mission grammar (issue 22, ninth day; tuned on bn_real51, spent that day: visas and
missions accredited from elsewhere): each class of form it added, in sentences written here in that form (not
copied from the labelled sets), with exactly the facts and absent missions each states, and near misses. Read by
the whole pipeline (``bot.facts.facts_for`` / ``absent_for``)."""

from __future__ import annotations

import pytest

from mission_readers import absent, prose

# (sentence, facts {(sender, host city as written, host country, kind)}, absent {(sender, host)})
CASES = [
    # a mission there was none of (ছিল না) is denied, as one there is none of (নেই)
    ("তখন বাংলাদেশে পর্তুগালের কোনো দূতাবাস ছিল না", set(), {("PT", "BD")}),
    ("১৯৭২ সালে ঢাকায় ব্রাজিলের দূতাবাস ছিল", {("BR", "ঢাকা", "BD", "embassy")}, set()),
    # a mission that may be opened (খোলা হতে পারে, before the mission word) is to come
    ("ঢাকা সফরে আসছেন চিলির পররাষ্ট্রমন্ত্রী, খোলা হতে পারে দূতাবাস", set(), set()),
    # the spellings এ্যামবাসি, অ্যামবাসি of embassy
    ("হাঙ্গেরির এ্যামবাসি বাংলাদেশে নেই", set(), {("HU", "BD")}),
    ("নয়াদিল্লিতে চেক প্রজাতন্ত্রের অ্যামবাসিতে ভিসার আবেদন করতে হয়", {("CZ", "নয়াদিল্লি", "IN", "embassy")}, set()),
]


@pytest.mark.parametrize("text,want,gone", CASES, ids=range(len(CASES)))
def test_round30_forms(text, want, gone, profile, gaz):
    assert prose(text, profile, gaz) == want
    assert absent(text, profile, gaz) == gone
