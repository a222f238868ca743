"""References read as MediaWiki and its Cite extension read them, on lines of real bnwiki pages.

Each case copies real wikitext from the sample in fixtures/bnwiki (page title in a comment);
what Cite says of it was checked on MediaWiki 1.39 with Cite (``relbot sandbox``).
"""

from __future__ import annotations

import pytest

from bot.article import build
from bot.validate import validate

from realpages import BILATERAL_TITLE, articles

TITLE = BILATERAL_TITLE


def codes(art, code):
    return [f for f in validate(art) if f.code == code]


def lint(text, profile, gaz):
    art = build(text, TITLE, profile, gaz)
    assert art.status == "checked"
    return art


# পৃথিবী: the infobox uses a note that only the reflist's refs= defines, in the list's group "n"
EARTH = ("'''পৃথিবী'''\n| epoch = [[জে২০০০]]<ref group=\"n\" name=\"epoch\" />\n\n== টীকা ==\n"
         "{{সূত্র তালিকা |30em |group=\"n\" |refs=\n\n"
         "<ref name=epoch>All astronomical quantities vary, both [[Secular phenomena|secularly]] and "
         "[[Frequency|periodically]]. The quantities given are the values at the instant [[J2000.0]] of "
         "the secular variation, ignoring all periodic variations.</ref>\n}}\n")


def test_list_defined_ref_is_a_definition_in_the_lists_group(profile, gaz):
    art = lint(EARTH, profile, gaz)
    assert codes(art, "R003") == []
    use, definition = art.doc["references"]["refs"]
    assert (use["name"], use["group"], use["list_defined"]) == ("epoch", "n", False)
    assert (definition["name"], definition["group"], definition["list_defined"]) == ("epoch", "n", True)
    assert art.doc["references"]["reflists"][0]["group"] == "n"


def test_list_defined_ref_of_another_group_does_not_define(profile, gaz):
    # the same lines with the list's group removed: Cite files the definition under the default
    # group and reports the note "epoch" of group "n" as never defined
    art = lint(EARTH.replace(' |group="n"', ""), profile, gaz)
    assert [f.message_en for f in codes(art, "R003")] == ["named reference “epoch” is used but never defined"]


def test_references_tag_content_defines(profile, gaz):
    # পৃথিবী's note, defined inside <references>…</references> instead of refs=
    text = ("| epoch = [[জে২০০০]]<ref group=\"n\" name=\"epoch\" />\n\n== টীকা ==\n<references group=\"n\">\n"
            "<ref name=epoch>All astronomical quantities vary.</ref>\n</references>\n")
    art = lint(text, profile, gaz)
    assert codes(art, "R003") == []
    assert [r["list_defined"] for r in art.doc["references"]["refs"]] == [False, True]


# পুরাণ (ভারতীয় শাস্ত্র): the quotation marks open with '` and close with '': mwparserfromhell
# does not read this <ref> as a tag, MediaWiki (and Cite) renders it as a reference
PURANA = ("[[ভারতীয় উপমহাদেশ|ভারতীয় উপমহাদেশে]] এইরূপ অনেক উপপুরাণের সন্ধান পাওয়া যায়।<ref>'`Verbal "
          "Narratives: Performance and Gender of the Padma Purana'', by T.N. Sankaranarayana in ''Chanted "
          "Narratives'' - The Katha Vachana Tradition, Edited by Molly Kaushal, p. 225–234. "
          "{{আইএসবিএন|81-246-0182-8}}</ref> তার মধ্যে বিশেষ উল্লেখযোগ্য [[বঙ্গ|বঙ্গদেশ]] ও [[অসম|অসমে]] "
          "প্রচলিত সর্পদেবী [[মনসা|মনসার]] মহিমাজ্ঞাপক ''পদ্মপুরাণ''।\n\n== তথ্যসূত্র ==\n{{সূত্র তালিকা}}\n")


def test_ref_with_unbalanced_quotes_is_a_reference(profile, gaz):
    art = lint(PURANA, profile, gaz)
    assert codes(art, "W002") == []
    refs = art.doc["references"]["refs"]
    assert len(refs) == 1
    start = PURANA.index("<ref>")
    end = PURANA.index("</ref>") + len("</ref>")
    assert (refs[0]["span"]["start"], refs[0]["span"]["end"]) == (start, end)
    assert refs[0]["content"] == PURANA[start + 5:end - 6]
    # the reference is not prose: the reader sees the sentence, then the next one
    assert "Verbal" not in art.prose.text
    assert "যায়। তার মধ্যে" in art.prose.text
    assert art.parsed.src(art.ref_nodes[0]) == PURANA[start:end]


def test_named_ref_with_unclosed_italics_defines_its_name():
    """রবীন্দ্রনাথ ঠাকুর, whole page: ``<ref name = sarbanajer8>''সর্বজনের রবীন্দ্রনাথ, পৃ. ৮</ref>``
    (the '' never closes) is reused by ``<ref name = sarbanajer8 />`` before and after it."""
    from bot.gazetteer import Gazetteer
    from bot.profile import load_profile

    text = dict(articles())["রবীন্দ্রনাথ ঠাকুর"]
    art = build(text, TITLE, load_profile("bn"), Gazetteer.load("bn"))
    named = [r for r in art.doc["references"]["refs"] if r["name"] == "sarbanajer8"]
    assert [r["content"] for r in named] == [None, None, "''সর্বজনের রবীন্দ্রনাথ, পৃ. ৮", None, None]
    found = validate(art)
    assert not any("sarbanajer8" in f.message_en for f in found if f.code == "R003")
    assert [f for f in found if f.code == "W002"] == []


def test_truly_unclosed_ref_is_w002(profile, gaz):
    # পুরাণ (ভারতীয় শাস্ত্র)'s line with its </ref> deleted: MediaWiki prints "<ref>" as text
    text = PURANA.replace("</ref>", "")
    art = lint(text, profile, gaz)
    found = codes(art, "W002")
    at = text.index("<ref>")
    assert [(f.start, f.end) for f in found] == [(at, at + 5)]
    assert art.doc["references"]["refs"] == []


def test_ref_holding_another_ref_is_w002(profile, gaz):
    # the same line with a second <ref> opened inside the first: Cite's included_ref error
    text = PURANA.replace("p. 225–234.", "p. 225–234.<ref name=x>")
    art = lint(text, profile, gaz)
    (ref,) = art.doc["references"]["refs"]
    assert ref["cite_error"] == "included_ref"
    assert [(f.start, f.end) for f in codes(art, "W002")] == [(ref["span"]["start"], ref["span"]["end"])]


@pytest.mark.parametrize("tag, error", [("<ref/>", "ref_no_key"), ("<ref> </ref>", "ref_no_input"),
                                        ('<ref name="1">a</ref>', "ref_numeric_key"),
                                        ("<ref name=Smith 2005>a</ref>", "ref_too_many_keys")])
def test_cite_errors_of_one_ref_are_w002(profile, gaz, tag, error):
    text = PURANA.replace("<ref>'`Verbal", tag + "<ref>'`Verbal")
    art = lint(text, profile, gaz)
    first = art.doc["references"]["refs"][0]
    assert first["cite_error"] == error
    assert [(f.start, f.end) for f in codes(art, "W002")] == [(first["span"]["start"], first["span"]["end"])]


def test_ref_in_nowiki_or_comment_is_nothing(profile, gaz):
    # ঈশ্বর: "<nowiki><ref></nowiki>" shows the text "<ref>" on purpose
    text = PURANA.replace("পদ্মপুরাণ''।", "পদ্মপুরাণ''।<nowiki><ref></nowiki> <!-- <ref>x </ref -->")
    art = lint(text, profile, gaz)
    assert codes(art, "W002") == []
    assert len(art.doc["references"]["refs"]) == 1


# কঙ্গো প্রজাতন্ত্র: "CIA" is defined five times, the first time with other content
CIA_1 = ("<ref name=\"CIA\">{{ওয়েব উদ্ধৃতি |ইউআরএল=https://www.cia.gov/library/publications/the-world-factbook/"
         "geos/cf.html |শিরোনাম=Congo, Republic of the |প্রকাশক=CIA – The World Factbook |সংগ্রহের-তারিখ=৯ "
         "সেপ্টেম্বর ২০১৭ }}</ref>")
CIA_2 = ("<ref name=\"CIA\">{{ওয়েব উদ্ধৃতি|প্রকাশক=CIA – The World Factbook|শিরোনাম=Congo, Republic of the|"
         "ইউআরএল=https://www.cia.gov/the-world-factbook/countries/congo-republic-of-the/|সংগ্রহের-তারিখ=30 May "
         "2007}}</ref>")


def test_same_name_other_content_is_r004(profile, gaz):
    text = f"ক।{CIA_1} খ।{CIA_2} গ।{CIA_2}\n\n== তথ্যসূত্র ==\n{{{{সূত্র তালিকা}}}}\n"
    art = lint(text, profile, gaz)
    second = text.index(CIA_2)
    third = text.index(CIA_2, second + 1)
    assert [(f.start, f.end) for f in codes(art, "R004")] == [(second, second + len(CIA_2)),
                                                                (third, third + len(CIA_2))]


def test_same_content_is_not_r004_but_a_space_more_is(profile, gaz):
    same = f"খ।{CIA_2} গ।{CIA_2}\n\n== তথ্যসূত্র ==\n{{{{সূত্র তালিকা}}}}\n"
    assert codes(lint(same, profile, gaz), "R004") == []
    # Cite 1.39 compares the content exactly: a trailing space is a different definition
    spaced = CIA_2.replace("}}</ref>", "}} </ref>")
    text = f"খ।{CIA_2} গ।{spaced}\n\n== তথ্যসূত্র ==\n{{{{সূত্র তালিকা}}}}\n"
    art = lint(text, profile, gaz)
    at = text.index(spaced)
    assert [(f.start, f.end) for f in codes(art, "R004")] == [(at, at + len(spaced))]


def test_name_reused_after_its_list_is_undefined(profile, gaz):
    # Cite lists a group's refs at each reference list: a name defined above the list and reused
    # below it has no content in the second batch (references_no_text)
    text = (f"খ।{CIA_2}\n== তথ্যসূত্র ==\n{{{{সূত্র তালিকা}}}}\n== টীকা ==\nগ।<ref name=\"CIA\" />\n")
    art = lint(text, profile, gaz)
    at = text.index('<ref name="CIA" />')
    assert [(f.start, f.end) for f in codes(art, "R003")] == [(at, at + len('<ref name="CIA" />'))]


def test_no_r003_for_names_defined_in_a_list_on_real_pages(profile, gaz):
    seen = 0
    for title, text in articles():
        art = build(text, TITLE, profile, gaz)
        if art.status != "checked":
            continue
        refs = art.doc["references"]["refs"]
        listed = set()  # (group of the list, name) of every named ref with content inside a list
        for r in refs:
            holder = next((lst for lst in art.doc["references"]["reflists"]
                           if lst["span"]["start"] < r["span"]["start"] < lst["span"]["end"]), None)
            if holder is not None and r["name"] and r["content"]:
                listed.add((holder["group"] or None, r["name"]))
        seen += len(listed)
        for f in codes(art, "R003"):
            use = next(r for r in refs if r["span"]["start"] == f.start)
            assert (use["group"], use["name"]) not in listed, (title, use["name"])
    assert seen >= 10  # the sample has list-defined notes (পৃথিবী, …)


# জাকার্তা: a note in the group "note", and no list of that group anywhere on the page
JAKARTA = ("'''জাকার্তা''' ({{IPAc-en|dʒ|ə|ˈ|k|ɑr|t|ə}});{{IPA-id|dʒaˈkarta|3=Id-Jakarta.ogg}}),,<ref group=\"note\">"
           "[[ইন্দোনেশীয় ভাষা]]য় উচ্চারণকৃত: {{IPA-id|dʒaˈkarta|}}.</ref>\n\n== তথ্যসূত্র ==\n{{সূত্র তালিকা}}\n")


def test_named_group_without_its_list_is_r002_with_no_edit(profile, gaz):
    art = lint(JAKARTA, profile, gaz)
    (found,) = codes(art, "R002")
    ref = art.doc["references"]["refs"][0]
    assert (found.start, found.end) == (ref["span"]["start"], ref["span"]["end"])
    # the references section has its reflist: the R002 fix has nothing to add for a group
    assert found.fix.edits == []
    listed = JAKARTA + "\n== টীকা ==\n{{সূত্র তালিকা|group=note}}\n"
    assert codes(lint(listed, profile, gaz), "R002") == []


def test_tag_function_ref_is_a_reference_of_its_group(profile, gaz):
    # মানুষ: a note made with {{#tag:ref|…|group=n}} in the infobox, holding a <ref> of its own;
    # the page has no list of group "n" (Cite: group_refs_without_references)
    text = ("| label3 = [[বিশ্বের বৃহত্তম শহর|বৃহত্তর শহর]]{{#tag:ref|Cities with over 10 million inhabitants as "
            "of 2018.<ref>{{cite news|title=The World's Cities in 2018|newspaper=[[United Nations]]|"
            "url-status=live}}</ref>|group=n}}\n\n== তথ্যসূত্র ==\n{{সূত্র তালিকা|৩}}\n")
    art = lint(text, profile, gaz)
    note, inner = art.doc["references"]["refs"]
    assert (note["form"], note["group"], note["name"]) == ("#tag", "n", None)
    assert note["content"].startswith("Cities with over") and note["content"].endswith("</ref>")
    assert (inner["form"], inner["group"]) == ("tag", None)
    assert [(f.start, f.end) for f in codes(art, "R002")] == [(note["span"]["start"], note["span"]["end"])]


def test_guard_counts_the_refs_inside_a_ref_left_open(profile, gaz):
    # পুরাণ (ভারতীয় শাস্ত্র)'s line with its </ref> deleted, then জাকার্তা's note: to MediaWiki the
    # first ref runs on to the note's </ref> (Cite: included_ref); the note is still counted
    from bot.fixes import inventory

    text = PURANA.replace("</ref>", "").replace("\n\n== তথ্যসূত্র ==", " " + JAKARTA.split("\n\n")[0]
                                                                    + "\n\n== তথ্যসূত্র ==")
    art = lint(text, profile, gaz)
    (ref,) = art.doc["references"]["refs"]
    assert ref["cite_error"] == "included_ref"
    note = "[[ইন্দোনেশীয় ভাষা]]য় উচ্চারণকৃত: {{IPA-id|dʒaˈkarta|}}."
    assert inventory(art)["reference"] == {note: 1}


def test_list_defined_ref_nobody_uses_is_w002(profile, gaz):
    # পৃথিবী's lines with the infobox using the note "apsis" instead: "apsis" is never defined
    # (R003) and the list defines "epoch", which nothing uses (Cite: references_missing_key)
    text = EARTH.replace('name="epoch" />', 'name="apsis" />')
    art = lint(text, profile, gaz)
    use, definition = art.doc["references"]["refs"]
    assert (use["cite_error"], definition["cite_error"]) == (None, "references_missing_key")
    assert [f.message_en for f in codes(art, "R003")] == ["named reference “apsis” is used but never defined"]
    assert [(f.start, f.end) for f in codes(art, "W002")] == [(definition["span"]["start"],
                                                                definition["span"]["end"])]
    # without any ref of the group "n" before the list: references_missing_group
    alone = lint(EARTH.replace('<ref group="n" name="epoch" />', ""), profile, gaz)
    assert [r["cite_error"] for r in alone.doc["references"]["refs"]] == ["references_missing_group"]


def test_ref_debris_inside_a_reference_is_w002(profile, gaz):
    # ঈশ্বর: a note's content holds "<nowiki><ref></nowiki>" (a broken edit): the reference list
    # shows "<ref>" as text, so inside a reference even a nowiki'd tag is debris
    ishwar = ("ঈশ্বর বেদান্তে বিভিন্নভাবে ব্যাখ্যাত।<ref name=\"werner37\">{{Harvnb|Werner|1994|p=p37}} "
              "বৈদান্তে দর্শনের তিনটি মুখ্য ধারা। নির্ভরশীল ঈশ্বরের অণুগ্রহের উপর ।<nowiki><ref></nowiki>"
              "{{Harvnb|Werner|1994|p=7}}</ref> পরমসত্ত্বা রূপে ঈশ্বর আখ্যাত।\n\n== তথ্যসূত্র ==\n{{সূত্র তালিকা}}\n")
    art = lint(ishwar, profile, gaz)
    at = ishwar.index("<ref></nowiki>")
    assert [(f.start, f.end) for f in codes(art, "W002")] == [(at, at + 5)]
    assert len(art.doc["references"]["refs"]) == 1
    # মানুষ: a lost "><ref " ran a closing tag into the next ref's name: "</refname=…" shows as text
    manush = ("ঝুঁকি বেশি।<ref>The lifetime risk is 1 in 16 in [[sub-Saharan Africa]].</refname=এটি মূলত "
              "অপেক্ষাকৃত বড় মাথার কারণে হয়।</ref> এটি তুলনামূলকভাবে বড় পরিধির কারণে হতে পারে।\n\n"
              "== তথ্যসূত্র ==\n{{সূত্র তালিকা}}\n")
    art = lint(manush, profile, gaz)
    at = manush.index("</refname=")
    (found,) = codes(art, "W002")
    assert found.start == at and manush[found.start:found.end].startswith("</refname=এটি")
    # the same debris inside a comment in the reference is hidden from readers
    quiet = manush.replace("</refname=", "<!-- </refname= -->")
    assert codes(lint(quiet, profile, gaz), "W002") == []


# -- footnote templates: {{efn}}, {{refn}}, {{sfn}} make references, {{notelist}} lists them -------
# bn.wikipedia's templates are copies of en.wikipedia's (bot/profiles/bn.json: footnotes):
# {{efn|…}} is {{#tag:ref|…|group=lower-alpha}}, {{sfn}} a reference of the default group that
# Module:Footnotes writes, {{notelist}} / {{টীকা তালিকা}} the list of group lower-alpha.

# চীন: notes in the infobox, two of them holding refs; the page has no list of group lower-alpha
CHINA = ("| title = [[চীনের জাতিগত গোষ্ঠীর তালিকা|সংখ্যালঘু ৫৫টি]]{{efn|জাতিগতভাবে সংখ্যালঘু যারা সরকারীভাবে "
         "স্বীকৃত।}}\n"
         "| percent_water                = ২.৮% {{efn|This figure was calculated using data from the CIA World "
         "Factbook.<ref name=\"CIA\"/>}}\n"
         "| population_estimate          = {{increase}} ১.৪১ বিলিয়ন<ref name=\"CIA\">"
         "http://www.xinhuanet.com/english/2021-05/11/c_139937914.htm</ref>\n\n"
         "== তথ্যসূত্র ==\n{{সূত্র তালিকা}}\n")


def test_efn_is_a_reference_of_group_lower_alpha(profile, gaz):
    art = lint(CHINA, profile, gaz)
    refs = art.doc["references"]["refs"]
    assert [(r["form"], r["group"], r["name"], r["cite_error"]) for r in refs] == [
        ("template", "lower-alpha", None, None), ("template", "lower-alpha", None, None),
        ("tag", None, "CIA", None), ("tag", None, "CIA", None)]
    assert refs[0]["content"] == "জাতিগতভাবে সংখ্যালঘু যারা সরকারীভাবে স্বীকৃত।"
    # the note holds <ref name="CIA"/>: Cite has made it a reference before the note reaches it,
    # so it is no <ref> left open (no W002)
    assert codes(art, "W002") == []
    # no list of group lower-alpha (Cite: group_refs_without_references): R002 on the first note
    assert [(f.start, f.end) for f in codes(art, "R002")] == [(refs[0]["span"]["start"], refs[0]["span"]["end"])]


@pytest.mark.parametrize("notes", [
    "{{notelist}}",  # মেগারার ইউক্লিড, যিশু
    "{{টীকা তালিকা}}",  # বাইবেল
    "<references group=\"lower-alpha\" />",  # আফগানিস্তান, খালেদা জিয়া: efn with a <references> of its group
])
def test_efn_shown_by_its_notes_list(profile, gaz, notes):
    art = lint(CHINA.replace("== তথ্যসূত্র ==", "== টীকা ==\n" + notes + "\n\n== তথ্যসূত্র =="), profile, gaz)
    assert [r["group"] for r in art.doc["references"]["refs"]] == ["lower-alpha", "lower-alpha", None, None]
    assert codes(art, "R002") == []
    assert [x["group"] for x in art.doc["references"]["reflists"]] == ["lower-alpha", ""]


def test_efn_ua_needs_the_upper_alpha_list(profile, gaz):
    # আর্জেন্টিনা: {{efn-ua}} with only {{সূত্র তালিকা}}: its group upper-alpha has no list
    text = ("| area_km2 = 2,780,400{{efn-ua|name=excl_area|Area does not include territorial claims in "
            "[[Argentine Antarctica#Argentine claim|Antarctica]].}}\n\n== তথ্যসূত্র ==\n{{সূত্র তালিকা|30em}}\n")
    art = lint(text, profile, gaz)
    (note,) = art.doc["references"]["refs"]
    assert (note["group"], note["name"]) == ("upper-alpha", "excl_area")
    assert len(codes(art, "R002")) == 1
    assert codes(lint(text + "{{notelist-ua}}\n", profile, gaz), "R002") == []


def test_sfn_is_a_reference_of_the_default_group(profile, gaz):
    # শেখ মুজিবুর রহমান: a paragraph whose only citation is {{sfn}}; without a reflist Cite lists it
    # at the page's end by itself (R002), and the page is not unreferenced (no R001)
    text = ("বিয়ের ৯ বছর পর ১৯৪২ খ্রিষ্টাব্দে শেখ মুজিব ২২ বছর বয়সে ও ফজিলাতুন্নেসা ১২ বছর বয়সে দাম্পত্যজীবন শুরু "
            "করেন।{{sfn|Mujibur Rahman|2012|p=৭}}\n")
    art = lint(text, profile, gaz)
    (ref,) = art.doc["references"]["refs"]
    assert (ref["form"], ref["group"], ref["name"], ref["cite_error"]) == ("template", None, None, None)
    assert [f.code for f in validate(art) if f.code in ("R001", "R002", "R007")] == ["R002"]
    listed = lint(text + "\n== তথ্যসূত্র ==\n{{সূত্র তালিকা}}\n", profile, gaz)
    assert [f.code for f in validate(listed) if f.code in ("R001", "R002", "R007")] == []


def test_efn_name_defined_twice_with_other_text_is_r004(profile, gaz):
    # যিশু: the English note and its Bengali translation both named "exist", in one group
    text = ("সিকভাবে বিদ্যমান ছিলেন,{{efn |name=exist|In a 2011 review of the state of modern scholarship, "
            "[[Bart Ehrman]] wrote, \"He certainly existed\".}} ঐতিহাসিক ব্যক্তিত্ব]]।{{efn |name=exist|আধুনিক "
            "গবেষণার অবস্থান পর্যালোচনা করতে গিয়ে ২০১১ সালে [[বার্ট এরম্যান]] লেখেন।}}\n\n== টীকা ==\n{{notelist}}\n")
    art = lint(text, profile, gaz)
    assert [f.message_en for f in codes(art, "R004")] == ["reference name “exist” defined twice with different content"]


def test_refn_passes_its_quoted_group_on(profile, gaz):
    # অ্যান্টার্কটিকা: {{refn|…|group="পা"}} listed by {{সূত্র তালিকা|group="পা"}}; #tag:ref drops
    # the quotes as the reflist's #tag:references does, so the note is listed
    text = ("মনে করতেন অস্ট্রেলিয়ার দক্ষিণে উল্লেখযোগ্য মাপের কোন মহাদেশ পাওয়া সম্ভব নয়।{{refn|There is no "
            "probability, that any other detached body of land will ever be found.|group=\"পা\"}}\n\n"
            "== পাদটীকা ==\n{{সূত্র তালিকা|group=\"পা\"}}\n\n== তথ্যসূত্র ==\n{{সূত্র তালিকা|25em}}\n")
    art = lint(text, profile, gaz)
    (note,) = art.doc["references"]["refs"]
    assert (note["form"], note["group"]) == ("template", "পা")
    assert codes(art, "R002") == [] and codes(art, "R007") == []


def test_tag_function_ref_holding_a_self_closing_ref_is_no_ref_left_open(profile, gaz):
    # en.wikipedia, Foreign relations of Nauru (fixtures/enwiki): a note listing states, each
    # with <ref name="NauruUN"/>. {{#tag:ref}} gets its text expanded, the inner refs already
    # references, so Cite sees no <ref> left open (no included_ref, no W002)
    text = ("most of [[EU member states|its member states]]{{#tag:ref|Austria,<ref name=\"NauruUN\"/> Belgium,"
            "<ref name=\"NauruUN\"/> Bulgaria,<ref name=\"NauruUN\"/> Cyprus.}} Nauru<ref name=\"NauruUN\">"
            "{{Cite web|url=http://www.un.int/nauru/foreignaffairs.html|title=Foreign affairs}}</ref>\n\n"
            "== তথ্যসূত্র ==\n{{সূত্র তালিকা}}\n")
    art = lint(text, profile, gaz)
    note = art.doc["references"]["refs"][0]
    assert (note["form"], note["cite_error"]) == ("#tag", None)
    assert codes(art, "W002") == [] and codes(art, "R003") == []
