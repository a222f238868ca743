"""Measure what pywikibot does with each refusal of tests/refusals.py (writes docs/refusals.md's table).

    cd <repo> && python3 tests/measure_refusals.py /tmp/somewhere

Installs a refusing sandbox in the given folder, serves it, and for each refusal runs pywikibot in
a subprocess through tests/faultproxy.py (forwarding only, to count and record every request):
the subprocess logs in, the refusal is switched on, then ``page.save`` runs; stdin is closed (a
CAPTCHA question would otherwise wait for ever). Prints one JSON line per refusal.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import refusals as R  # noqa: E402
from bot import sandbox  # noqa: E402
from faultproxy import FaultProxy  # noqa: E402
from wiki_fixtures import GUARD_SNIPPET, install_guard  # noqa: E402

PAGE = "বাংলাদেশ–ভুটান সম্পর্ক"
ONLY: list[str] = []  # refusal names to measure (command line after the folder); empty: all

CHILD = r'''
import json, sys, pywikibot
from pywikibot.exceptions import Error
site = pywikibot.Site()
site.login()
ui = dict(site.userinfo)
print("USERINFO " + json.dumps({"keys": sorted(ui), "rights_has_bot": "bot" in ui.get("rights", []),
                               "blockinfo": {k: v for k, v in ui.items() if k.startswith("block")}}), flush=True)
if PRIME:
    site.tokens["csrf"]
print("READY", flush=True)
sys.stdin.readline()          # the parent switches the refusal on
print("MARK", flush=True)
page = pywikibot.Page(site, TITLE)
page.text = page.text + APPEND
try:
    page.save("relbot refusal measurement", **SAVE_KW)
    print("RESULT " + json.dumps({"exc": None, "msg": "saved", "revid": page.latest_revision_id}), flush=True)
except BaseException as e:
    print("RESULT " + json.dumps({"exc": type(e).__module__ + "." + type(e).__name__, "msg": str(e)[:400]}), flush=True)
if EXTRA:
    exec(EXTRA)
'''


def pwb_copy(sb, dest: Path, port: int) -> Path:
    folder = dest / "pwb"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(sb.pywikibot_dir, folder, ignore=shutil.ignore_patterns("apicache*", "throttle.ctrl", "*.lwp"))
    fam = next((folder / "families").glob("*_family.py"))
    fam.write_text(fam.read_text().replace(f"127.0.0.1:{sb.port}", f"127.0.0.1:{port}"))
    return folder


def measure(sb, proxy, tmp: Path, name, on, off=None, append="\nrelbot measurement", save_kw=None, extra="",
            prime=False):
    if ONLY and name not in ONLY:
        return None
    pwb = pwb_copy(sb, tmp, proxy.port)
    code = GUARD_SNIPPET + f"PRIME={prime!r}\nTITLE={PAGE!r}\nAPPEND={append!r}\nSAVE_KW={save_kw or {}!r}\nEXTRA={extra!r}\n" + CHILD
    env = sb.env() | {"PYWIKIBOT_DIR": str(pwb)}
    p = subprocess.Popen([sys.executable, "-c", code], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    out = {"refusal": name}
    for line in p.stdout:
        if line.startswith("USERINFO "):
            out["userinfo"] = json.loads(line[9:])
        elif line.startswith("READY"):
            out["login_requests"] = len(proxy.requests)
            out["login_params"] = [{k: v for k, v in r.items() if k in ("action", "meta", "uiprop", "prop", "inprop")}
                                   for r in proxy.requests]
            on()
            p.stdin.write("go\n")
            p.stdin.close()
        elif line.startswith("MARK:"):  # a named point: the requests made after it are recorded
            out.setdefault("marks", []).append((line.strip()[5:], len(proxy.requests)))
        elif line.startswith("MARK"):
            start = len(proxy.requests)
        elif line.startswith("RESULT "):
            out.update(json.loads(line[7:]))
            out["save_requests"] = [{k: v for k, v in r.items() if k in ("action", "meta", "assert", "captchaid", "captchaword", "uiprop", "prop")}
                                    for r in proxy.requests[start:]]
        else:
            if "RESULT " in line:  # after a question printed without a newline (captcha)
                out.update(json.loads(line[line.index("RESULT ") + 7:]))
            out.setdefault("other", []).append(line.rstrip()[:300])
    p.wait(timeout=300)
    marks = out.pop("marks", [])
    for i, (mark, at) in enumerate(marks):
        end = marks[i + 1][1] if i + 1 < len(marks) else len(proxy.requests)
        out[f"after {mark}"] = [{k: v for k, v in r.items() if k in ("action", "meta", "prop", "inprop", "type", "assert")}
                                for r in proxy.requests[at:end]]
    err = p.stderr.read()
    out["stderr_tail"] = [ln[:300] for ln in err.splitlines()[-6:]]
    if off:
        off()
    R.reset(sb)
    proxy.requests.clear()
    print(json.dumps(out, ensure_ascii=False), flush=True)
    return out


def main(folder: str, only: list[str]) -> None:
    install_guard()
    ONLY[:] = only
    tmp = Path(folder)
    sb = R.install(tmp / "wiki", 0)
    sandbox.seed(sb, sandbox.default_pages(R.FIXTURES))
    sandbox.snapshot(sb)
    sb = sandbox.serve(sb)
    proxy = FaultProxy(sb.port)
    proxy.port = proxy.start()
    try:
        bot = sb.bot_user
        af = f'action == "edit" & user_name == "{bot}" & added_lines contains "RELBOT-AF"'
        measure(sb, proxy, tmp, "none (control)", lambda: None)
        measure(sb, proxy, tmp, "protect", lambda: R.protect(sb, PAGE))
        measure(sb, proxy, tmp, "abusefilter disallow", lambda: R.abuse_filter(sb, af, "disallow", "relbot test: no RELBOT-AF"),
                append="\nRELBOT-AF")
        measure(sb, proxy, tmp, "abusefilter warn", lambda: R.abuse_filter(sb, af, "warn", "relbot test warning"),
                append="\nRELBOT-AF")
        measure(sb, proxy, tmp, "spam blacklist", lambda: R.spam_blacklist(sb, r"\bspam\.example\.org\b"),
                append="\n[http://spam.example.org/x spam]")
        measure(sb, proxy, tmp, "title blacklist", lambda: R.title_blacklist(sb, ".*ভুটান.* <noedit>"))
        measure(sb, proxy, tmp, "captcha", lambda: R.captcha_on(sb), append="\n[http://example.org/c link]")
        measure(sb, proxy, tmp, "read-only", lambda: R.read_only(sb, "relbot maintenance"))
        measure(sb, proxy, tmp, "rate limit", lambda: R.rate_limit(sb, 1, 60),
                extra="for i in range(2):\n    page.text += '\\nagain %d' % i\n    try:\n        page.save('again'); print('AGAIN saved', flush=True)\n"
                      "    except BaseException as e: print('AGAIN', type(e).__name__, str(e)[:300], flush=True)\n")
        measure(sb, proxy, tmp, "block", lambda: R.block(sb))
        measure(sb, proxy, tmp, "revoke bot password", lambda: R.revoke_bot_password(sb))
        measure(sb, proxy, tmp, "remove bot right", lambda: R.remove_right(sb),
                extra="r = site.simple_request(action='edit', title=TITLE, appendtext='\\nx', summary='s', token=site.tokens['csrf'], **{'assert': 'bot'})\n"
                      "try:\n    print('SIMPLE', r.submit(), flush=True)\nexcept BaseException as e: print('SIMPLE', type(e).__name__, getattr(e, 'code', None), str(e)[:200], flush=True)\n"
                      "r = site.simple_request(action='edit', title=TITLE, appendtext='\\ny', summary='s', token=site.tokens['csrf'])\nr['assert'] = 'bot'\n"
                      "try:\n    print('SIMPLE2', r.submit(), flush=True)\nexcept BaseException as e: print('SIMPLE2', type(e).__name__, getattr(e, 'code', None), str(e)[:200], flush=True)\n"
                      "print('RIGHTS-CACHED', 'bot' in site.userinfo['rights'], flush=True)\ndel site.userinfo\nprint('RIGHTS-FRESH', 'bot' in site.userinfo['rights'], site.has_right('bot'), flush=True)\n")
        measure(sb, proxy, tmp, "lose session", lambda: R.lose_session(sb))
        measure(sb, proxy, tmp, "lose session (tokens used since login)", lambda: R.lose_session(sb), prime=True)
        measure(sb, proxy, tmp, "preload protection", lambda: R.protect(sb, PAGE),
                extra="import pywikibot as P\nprint('MARK:preloadpages', flush=True)\n"
                      "pages = list(site.preloadpages([P.Page(site, 'বাংলাদেশ–ভারত সম্পর্ক'), P.Page(site, TITLE)]))\n"
                      "print('MARK:protection()', flush=True)\n"
                      "print('PROT', [p.protection() for p in pages], flush=True)\nprint('MARK:end', flush=True)\n")
    finally:
        proxy.stop()
        sandbox.stop(sb.dir)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
