"""The false-positive round trip (issue 16): a maintainer proposes edits from the real sandbox
MediaWiki, opens the review page in Chromium, marks a finding as a false positive, saves the line
the page gives to the bot's exceptions page on the wiki, and the next bot run leaves that finding
alone while it saves the other fixes."""

from __future__ import annotations

from browser import launch
from conftest import SEED, read
from test_bot_wiki import SEED_TITLE, safe_fixed
from wiki_fixtures import relbot, revisions


def test_the_review_pages_false_positive_line_silences_the_finding_on_the_wiki(fresh_wiki, tmp_path):
    sb = fresh_wiki
    bundle, page = tmp_path / "bundle.json", tmp_path / "review.html"
    proc = relbot(sb, "propose", "--wiki", "-o", str(bundle), f"-page:{SEED_TITLE}")
    assert proc.returncode == 0, proc.stderr
    proc = relbot(sb, "review", str(bundle), "--html", str(page))
    assert proc.returncode == 0, proc.stderr
    with launch() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="bn-BD")
        view = context.new_page()
        view.goto(page.as_uri())
        view.click("tr.finding[data-code=T001] button.fp")  # the double danda of the lead
        line = view.locator("#fp-lines").inner_text()
        context.close()
    assert line == f"* [[{SEED_TITLE}]] | T001 | ।।\n"
    exceptions = f"ব্যবহারকারী:{sb.bot_user}/ব্যতিক্রম"
    edit = relbot(sb, "--version", harness=f"human_edit({exceptions!r}, text={'== মিথ্যা সতর্কতা ==' + chr(10) + line!r})\n")
    assert edit.returncode == 0, edit.stderr  # (the harness saves the page; --version only ends the process)
    proc = relbot(sb, "run", "--apply", "--state", str(tmp_path / "s.sqlite"), f"-page:{SEED_TITLE}")
    assert proc.returncode == 0, proc.stderr
    assert f"saved: {SEED_TITLE} — L003, L007 (revision " in proc.stderr, proc.stderr
    revs = revisions(sb, SEED_TITLE)
    assert len(revs) == 2 and revs[0]["user"] == sb.bot_user
    # every safe fix but the listed one: the double danda stays
    assert revs[0]["slots"]["main"]["content"] == \
        safe_fixed(read(SEED)).replace("রয়েছে।", "রয়েছে।।", 1).rstrip("\n")
