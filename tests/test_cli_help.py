"""The command line explains itself and takes pages from standard input.

- every verb has a description and every option a help string naming its default (walked from
  ``build_parser()``, and checked in each verb's real ``--help`` output);
- ``relbot`` alone lists the verbs;
- paths that hold no page are an error, not a clean report;
- ``-`` reads one page from standard input for lint, fix, parse and facts (with ``--title``).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import subprocess
import sys

import pytest

from bot.cli import build_parser, main
from conftest import ROOT, SEED

VERBS = ["parse", "lint", "fix", "run", "propose", "review", "apply", "report", "undo", "facts", "crosscheck", "rules",
         "sandbox"]
SEED_TITLE = "আজারবাইজান–আর্জেন্টিনা সম্পর্ক"  # the seed's file name, with a space for _
WIDE = {"COLUMNS": "200"}  # argparse wraps help at the terminal's width
NO_TITLE = "relbot: error: - reads the page from standard input: give its title with --title"


def run(capsys, *argv, stdin: bytes | None = None, monkeypatch=None) -> tuple[int, str, str]:
    """``relbot argv…`` in-process (``stdin``: the bytes standard input holds)."""
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    capsys.readouterr()
    try:
        rc = main([str(a) for a in argv])
    except SystemExit as exc:
        rc = exc.code if isinstance(exc.code, int) else 2
    out, err = capsys.readouterr()
    return rc, out, err


def relbot(*argv, stdin: bytes | None = None, cwd=ROOT) -> subprocess.CompletedProcess:
    """``python3 -m bot.cli argv…`` as a process (this tree first on the path)."""
    env = {**os.environ, **WIDE, "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))}
    return subprocess.run([sys.executable, "-m", "bot.cli", *map(str, argv)], input=stdin, capture_output=True,
                          env=env, cwd=cwd, timeout=120)


def one_error_line(rc: int, out: str, err: str) -> str:
    assert rc == 2, (rc, out, err)
    assert out == "", out
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("relbot: error: "), err
    return lines[0]


def verb_parsers() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def option_blocks(help_text: str) -> dict[str, str]:
    """``--help`` output cut into one block per argument row: first option string -> its text."""
    blocks, current = {}, None
    for line in help_text.splitlines():
        m = re.match(r"^  (-{1,2}[\w-]+|[A-Z]+|\{[\w,]+\})", line)
        if m:
            current = m.group(1)
            blocks[current] = line
        elif current and line.startswith("    "):
            blocks[current] += " " + line.strip()
        else:
            current = None
    return {k: " ".join(v.split()) for k, v in blocks.items()}


# --- help ---------------------------------------------------------------------------------

def test_the_parser_has_exactly_the_verbs():
    assert list(verb_parsers()) == VERBS


def test_every_action_has_help_and_names_its_default(monkeypatch):
    """Every argument of every parser (except -h) has a help string; one with a default that is
    not None or False names it in the rendered --help text."""
    monkeypatch.setenv("COLUMNS", WIDE["COLUMNS"])
    parser = build_parser()
    checked = 0
    for name, p in [("relbot", parser), *verb_parsers().items()]:
        rendered = " ".join(p.format_help().split())
        for action in p._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            where = f"{name} {'/'.join(action.option_strings) or action.dest}"
            assert action.help and action.help.strip() and action.help is not argparse.SUPPRESS, where
            text = " ".join(p._get_formatter()._expand_help(action).split())
            assert text in rendered, (where, text)
            default = action.default
            if (default is None or default is False or default is argparse.SUPPRESS  # --version: none
                    or isinstance(action, argparse._SubParsersAction)):
                checked += 1
                continue
            if default is True:  # a --no-X flag: its default state said in words
                assert "by default" in text, (where, text)
            else:
                names = {str(default)} | ({format(default, "g")} if isinstance(default, float) else set())
                assert any(n in text for n in names), (where, default, text)
            checked += 1
    assert checked > 75  # the issue counted 75 options; the positional arguments come on top


@pytest.mark.parametrize("verb", VERBS)
def test_verb_help_lists_every_option_and_the_description(verb):
    p = verb_parsers()[verb]
    proc = relbot(verb, "--help")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == b""
    out = proc.stdout.decode("utf-8")
    assert out.startswith(f"usage: relbot {verb} ")
    assert p.description and p.description.strip()
    assert " ".join(p.description.split()) in " ".join(out.split())
    for action in p._actions:
        for option in action.option_strings:
            assert re.search(rf"(^|[\s,\[]){re.escape(option)}\b", out), (verb, option)


@pytest.mark.parametrize("verb, option, phrase", [
    ("lint", "--page-timeout", "(default: 10)"),
    ("propose", "--page-timeout", "(default: 10)"),
    ("run", "--state", "(default: relbot-state.sqlite)"),
    ("apply", "--state", "(default: relbot-state.sqlite)"),
    ("undo", "--state", "(default: relbot-state.sqlite)"),
    ("lint", "--profile", "(default: bn)"),
    ("run", "--profile", "(default: bn)"),
    ("facts", "--profile", "(default: bn)"),
    ("lint", "--format", "(default: text)"),
    ("lint", "--lang", "(default: bn)"),
    ("facts", "--format", "(default: json)"),
    ("review", "--approvals", "(default: approvals.json)"),
    ("sandbox", "--dir", "(default: relbot-sandbox, relbot-sandbox-en with --lang en)"),
    ("sandbox", "--lang", "(default: bn;"),
    ("run", "--apply", "(default: dry-run)"),
    ("run", "--no-progress", "by default"),
])
def test_readme_defaults_are_in_the_help(verb, option, phrase):
    proc = relbot(verb, "--help")
    blocks = option_blocks(proc.stdout.decode("utf-8"))
    assert phrase in blocks[option], blocks[option]


@pytest.mark.parametrize("verb", VERBS)
def test_every_option_names_its_default_once(verb, monkeypatch):
    """No option's help says "(default" twice (report --state did: its help named it, and the
    formatter added it again)."""
    monkeypatch.setenv("COLUMNS", WIDE["COLUMNS"])
    p = verb_parsers()[verb]
    for action in p._actions:
        text = " ".join(p._get_formatter()._expand_help(action).split()) if action.help else ""
        assert text.count("(default") <= 1, (verb, action.option_strings, text)
    out = " ".join(p.format_help().split())
    assert "(default: relbot-state.sqlite) (default" not in out


def test_relbot_alone_lists_the_verbs(capsys, monkeypatch):
    """No verb: the verbs with their one-line help on stdout, one error line on stderr, exit 2."""
    monkeypatch.setenv("COLUMNS", WIDE["COLUMNS"])
    rc, out, err = run(capsys)
    assert rc == 2
    assert err == "relbot: error: give a verb: relbot VERB … (relbot VERB --help shows its options)\n"
    assert out.startswith("usage: relbot [-h] [--version] VERB ...\n")
    listed = re.findall(r"^    (\w+) +(\S.*)$", out, re.M)
    helps = {name: p for name, p in verb_parsers().items()}
    assert [name for name, _ in listed] == VERBS
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    one_line = {a.dest: a.help for a in sub._choices_actions}
    assert set(one_line) == set(helps)
    for name, text in listed:
        assert text == one_line[name] and text.strip(), name
    assert ("lint", "report findings") in listed
    assert ("parse", "print the structured article as JSON") in listed


def test_relbot_alone_as_a_process():
    proc = relbot()
    assert proc.returncode == 2
    assert proc.stderr.decode("utf-8").splitlines() == [
        "relbot: error: give a verb: relbot VERB … (relbot VERB --help shows its options)"]
    assert all(f"\n    {verb} " in proc.stdout.decode("utf-8") for verb in VERBS)


# --- paths without a page -----------------------------------------------------------------

@pytest.mark.parametrize("verb", ["lint", "fix", "facts"])
def test_paths_holding_no_page_are_an_error(capsys, tmp_path, verb):
    empty = tmp_path / "empty"
    empty.mkdir()
    others = tmp_path / "others"
    (others / "sub").mkdir(parents=True)
    (others / "notes.txt").write_text("[[ভারত]]\n", "utf-8")  # wikitext, but not a *.wikitext file
    line = one_error_line(*run(capsys, verb, empty))
    assert line == f"relbot: error: no *.wikitext page in {empty}"
    line = one_error_line(*run(capsys, verb, empty, others))
    assert line == f"relbot: error: no *.wikitext page in {empty}, {others}"


def test_a_folder_with_a_page_is_still_read(capsys, tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / SEED.name).write_bytes(SEED.read_bytes())
    rc, out, err = run(capsys, "lint", tmp_path / "empty", tmp_path / "full", "--format", "json")
    assert rc in (0, 1) and err == ""
    assert [p["title"] for p in json.loads(out)["pages"]] == [SEED_TITLE]


# --- standard input -----------------------------------------------------------------------

def test_lint_stdin_pipe_gives_the_file_report():
    """A real pipe: the JSON report of ``-`` is the file's, but for the source."""
    data = SEED.read_bytes()
    piped = relbot("lint", "-", "--title", SEED_TITLE, "--format", "json", stdin=data)
    from_file = relbot("lint", SEED, "--title", SEED_TITLE, "--format", "json")
    assert piped.returncode == from_file.returncode and piped.returncode in (0, 1), piped.stderr
    assert piped.stderr == b""
    a, b = json.loads(piped.stdout), json.loads(from_file.stdout)
    assert a["pages"][0]["source"] == "<stdin>" and b["pages"][0]["source"] == str(SEED)
    a["pages"][0]["source"] = b["pages"][0]["source"]
    assert a == b
    findings = a["pages"][0]["findings"]
    # the first line of the seed doubles a danda: "রয়েছে।।"
    first_line = SEED.read_text("utf-8").splitlines()[0]
    assert {"code": "T001", "line": 1, "column": first_line.index("।।") + 1} in [
        {k: f[k] for k in ("code", "line", "column")} for f in findings]


def test_lint_stdin_text_lines_name_stdin(capsys, monkeypatch):
    rc, out, err = run(capsys, "lint", "-", "--title", SEED_TITLE, stdin=SEED.read_bytes(), monkeypatch=monkeypatch)
    assert rc in (0, 1) and err == ""
    lines = out.splitlines()
    assert len(lines) > 1
    assert all(line.startswith("<stdin>:") for line in lines[:-1])
    assert lines[-1].startswith("1 pages (1 checked")


def test_parse_stdin_is_the_file(capsys, monkeypatch):
    rc, piped, err = run(capsys, "parse", "-", "--title", SEED_TITLE, stdin=SEED.read_bytes(),
                         monkeypatch=monkeypatch)
    assert rc == 0 and err == ""
    rc, from_file, err = run(capsys, "parse", SEED, "--title", SEED_TITLE)
    assert rc == 0
    assert piped == from_file
    assert json.loads(piped)["title"]["text"] == SEED_TITLE


def test_facts_stdin_is_the_file(capsys, monkeypatch):
    rc, piped, err = run(capsys, "facts", "-", "--title", SEED_TITLE, stdin=SEED.read_bytes(),
                         monkeypatch=monkeypatch)
    assert rc == 0 and err == ""
    rc, from_file, _ = run(capsys, "facts", SEED)  # the title from the file name is the same
    assert piped == from_file
    facts = json.loads(piped)
    # "আজারবাইজানের রাজধানী [[বাকু]]তে আর্জেন্টিনার একটি দূতাবাস রয়েছে" (line 1)
    assert {"line": 1, "sender": "AR", "host_city": "বাকু", "host_country": "AZ", "kind": "embassy",
            "title": SEED_TITLE} in [{k: f[k] for k in ("line", "sender", "host_city", "host_country", "kind",
                                                        "title")} for f in facts]


def test_fix_stdin_prints_the_files_diff(capsys, monkeypatch):
    rc_piped, piped, err = run(capsys, "fix", "-", "--title", SEED_TITLE, stdin=SEED.read_bytes(),
                               monkeypatch=monkeypatch)
    assert err == ""
    rc_file, from_file, _ = run(capsys, "fix", SEED, "--title", SEED_TITLE)
    assert (rc_piped, piped) == (rc_file, from_file)
    assert piped.startswith(f"--- {SEED_TITLE}\n+++ {SEED_TITLE}\n")
    assert "\n-==ইতিহাস==\n+== ইতিহাস ==\n" in piped  # the seed's line 3 lacks the heading's spaces
    new_first = [line for line in piped.splitlines() if line.startswith("+'''")]  # the lead's first line
    assert len(new_first) == 1 and "দূতাবাস রয়েছে। এর পাশাপাশি" in new_first[0] and "।।" not in new_first[0]


def test_fix_stdin_to_output_file(capsys, monkeypatch, tmp_path):
    rc, out, err = run(capsys, "fix", "-", "--title", SEED_TITLE, "-o", tmp_path / "a.wikitext",
                       stdin=SEED.read_bytes(), monkeypatch=monkeypatch)
    assert err == ""
    run(capsys, "fix", SEED, "--title", SEED_TITLE, "-o", tmp_path / "b.wikitext")
    fixed = (tmp_path / "a.wikitext").read_text("utf-8")
    assert fixed == (tmp_path / "b.wikitext").read_text("utf-8")
    assert "\n== ইতিহাস ==\n" in fixed


def test_fix_stdin_write_is_an_error(tmp_path):
    proc = relbot("fix", "-", "--title", SEED_TITLE, "--write", stdin=SEED.read_bytes(), cwd=tmp_path)
    line = one_error_line(proc.returncode, proc.stdout.decode(), proc.stderr.decode("utf-8"))
    assert line.startswith("relbot: error: --write cannot rewrite standard input")
    assert list(tmp_path.iterdir()) == []  # no file named "-"


@pytest.mark.parametrize("verb", ["lint", "fix", "parse", "facts"])
def test_stdin_without_title_is_an_error(capsys, monkeypatch, verb):
    line = one_error_line(*run(capsys, verb, "-", stdin=SEED.read_bytes(), monkeypatch=monkeypatch))
    assert line == NO_TITLE


def test_stdin_is_one_page(capsys, monkeypatch):
    line = one_error_line(*run(capsys, "lint", "-", SEED, "--title", SEED_TITLE, stdin=SEED.read_bytes(),
                               monkeypatch=monkeypatch))
    assert line == "relbot: error: --title needs exactly one file"


def test_stdin_not_utf8_is_an_error(capsys, monkeypatch):
    """As for a file: the error line, and the (empty) report of the pages read."""
    rc, out, err = run(capsys, "lint", "-", "--title", SEED_TITLE, stdin="Café\n".encode("latin-1"),
                       monkeypatch=monkeypatch)
    assert rc == 2
    assert err == "relbot: error: <stdin>: not UTF-8 (invalid byte 0xe9 at offset 3)\n"
    assert out.startswith("0 pages")


def test_a_reader_that_goes_away_is_no_error():
    """`relbot rules | head -1`: the pipe closes before relbot has written; exit 0, stderr empty."""
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "rules"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    proc.stdout.close()  # the reader is gone before the first write
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 0 and err == b""
