"""The one save path, and every way a wiki says no.

``run``, ``apply``, ``undo``, ``report --publish`` and ``--publish-rules`` all save through
:func:`save`. It reads the shutoff page, sends ``baserevid`` (never overwrite a newer revision),
asserts the bot right (``assert=bot``: MediaWiki would otherwise drop the bot flag silently), and
turns each answer of the wiki into a :class:`Saved` whose ``outcome`` says what the page's
standing becomes:

============  ====================================================================  ==========
outcome       the wiki's answer                                                      standing
============  ====================================================================  ==========
saved         the edit was saved (also after an AbuseFilter warning, when the        done
              profile says to resubmit)
conflict      someone edited since the revision that was read                       (re-read)
blocked       the page is protected beyond the account's rights                     held
wiki-refused  AbuseFilter (disallow, or warn unless resubmitted), SpamBlacklist,    held
              TitleBlacklist, a CAPTCHA (an unattended bot never answers one)
failed        rate limit, maxlag, a lost session, a timeout, a server error, an      pending
              unknown API error
declined      the operator said no (``--interactive``)                              held
============  ====================================================================  ==========

The wiki telling the whole *run* to stop raises :class:`Stop`: the account blocked, its login
no longer working, the ``bot`` right gone, no right to edit at all, the wiki read-only.
pywikibot's own ``editpage`` is not used: it resubmits past AbuseFilter warnings by itself, asks
CAPTCHAs on standard input, retries a read-only wiki for many minutes and loses the filter's
description.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .site import _one_line, _server_trouble, _unreachable, block_words


class Shutoff(Exception):
    """The shutoff page says stop."""


class Stop(Exception):
    """The wiki says stop for the whole run (one line naming the cause)."""


@dataclass
class Saved:
    """What one save came to: an outcome (see the module's table), its reason in plain words, and
    the new revision when saved."""
    outcome: str
    reason: str = ""
    new_rev: int | None = None


#: API error codes that mean the page is protected against the account.
_PROTECTED = {"protectedpage", "cascadeprotected", "protectedtitle", "protectednamespace",
              "protectednamespace-interface", "customcssprotected", "customjsprotected"}
#: API error codes that mean the account may not edit at all.
_NO_EDIT = {"noedit", "writeapidenied", "permissiondenied", "noedit-anon", "mwoauth-invalid-authorization"}


def check_shutoff(site, title: str, run_word: str) -> None:
    """One request: the shutoff page's current text must be the run word."""
    import pywikibot
    from pywikibot.exceptions import NoPageError

    try:
        text = pywikibot.Page(site, title).get(force=True)
    except NoPageError:
        text = ""
    if text.strip() != run_word:
        raise Shutoff(f"the shutoff page [[{title}]] says stop")


def save(page, text: str, summary: str, base_rev: int | None, profile, shutoff_title: str, *,
         minor: bool = True, trial: bool = False, ask: Callable[[str], str] | None = None) -> Saved:
    """Save ``text`` as the next revision of ``page`` after ``base_rev`` (None: create the page,
    never overwriting one made meanwhile). ``trial``: the account has no bot flag yet (the edit
    is not flagged and only a login is asserted). ``ask``: a person answers CAPTCHAs
    (``--interactive`` only). Raises :class:`Shutoff` and :class:`Stop`; every other answer is
    a :class:`Saved`."""
    from pywikibot.exceptions import APIError, CaptchaError, MaxlagTimeoutError, NoUsernameError

    site = page.site
    try:
        check_shutoff(site, shutoff_title, profile.data["bot"]["run_word"])
    except NoUsernameError as exc:  # reading it, pywikibot found the login gone and could not renew it
        raise Stop(f"the bot's login no longer works: {_one_line(exc)}") from None
    params = {"action": "edit", "title": page.title(), "text": text, "summary": summary,
              "minor": minor, "notminor": not minor, "bot": not trial}
    if base_rev:
        params |= {"baserevid": base_rev, "nocreate": True}
    else:
        params["createonly"] = True
    resubmit = profile.data["bot"].get("abusefilter_warnings") == "resubmit"
    warned = ""
    for _ in range(3):  # an AbuseFilter warning resubmitted, a CAPTCHA answered, a login renewed
        req = _request(site, params, trial)
        try:
            answer = req.submit()["edit"]
        except APIError as err:
            if err.code == "abusefilter-warning" and resubmit and not warned:
                warned = _abusefilter(err)
                continue  # MediaWiki takes the same edit the second time it is sent
            if err.code in ("assertbotfailed", "assertuserfailed"):
                _renew_login(site, trial)  # raises Stop unless the login is back
                continue
            return _refused(err, page)
        except NoUsernameError:  # pywikibot renewed a lost login itself, and was refused
            _renew_login(site, trial)  # once more with fresh tokens; raises Stop if it fails again
            continue
        except CaptchaError:  # pywikibot's own check, in case it ever sees one first
            return Saved("wiki-refused", _CAPTCHA)
        except MaxlagTimeoutError as exc:
            return Saved("failed", f"maxlag: the wiki's database lag stayed too high ({_one_line(exc)})")
        except _server_trouble() as exc:  # HTTP 5xx or no answer in time, after pywikibot's retries
            if _unreachable(exc):
                raise
            return Saved("failed", f"server error: {_one_line(exc)}")
        result = answer.get("result")
        if result == "Success":
            new = answer.get("newrevid") or base_rev
            if new:
                page.latest_revision_id = new
            del page.text  # what the wiki stored is not necessarily what was sent
            return Saved("saved", f"after an AbuseFilter warning: {warned}" if warned else "", new)
        captcha = answer.get("captcha")
        if captcha is not None:
            if ask is None or "question" not in captcha:
                return Saved("wiki-refused", _CAPTCHA)
            params |= {"captchaid": captcha["id"], "captchaword": ask(captcha["question"])}
            continue
        if "spamblacklist" in answer:
            return Saved("wiki-refused", f"spam blacklist: {answer['spamblacklist']}")
        return Saved("failed", f"the wiki did not save: {_one_line(Exception(answer))}")
    return Saved("failed", "the wiki refused the edit again after it was resubmitted")


_CAPTCHA = "CAPTCHA: the bot account needs the skipcaptcha right (a bot run never answers one)"


def _request(site, params: dict, trial: bool):
    from pywikibot.data import api
    from pywikibot.exceptions import APIError

    class SaveRequest(api.Request):
        """One attempt, with no waiting inside: a read-only wiki or a rate limit is an outcome
        now (pywikibot would wait and retry them for many minutes)."""

        def _internal_api_error(self, code, error, result):
            if code == "readonly":
                raise APIError(**error)
            return super()._internal_api_error(code, error, result)

        def _ratelimited(self):
            raise APIError("ratelimited", self.last_error.get("info") or "rate limited")

    req = SaveRequest.create_simple(site, token=site.tokens["csrf"], **params)
    # pywikibot asserts a login only; without the bot right MediaWiki drops the flag silently
    req["assert"] = "user" if trial else "bot"
    return req


def _renew_login(site, trial: bool) -> None:
    """After a failed assertion: the login is gone (log in again) or the right is (stop)."""
    del site.userinfo
    info = site.userinfo  # one request
    if "anon" in info or not info.get("id"):
        # pywikibot would log in again with the login token of the lost session, which the wiki refuses
        site.tokens.clear()
        try:
            site.login()
        except Exception as exc:  # pywikibot reports a refused login in several shapes
            raise Stop(f"the bot's login no longer works: {_one_line(exc)}") from None
        if not site.logged_in():
            raise Stop("the bot's login no longer works (the wiki did not accept it again)")
        info = site.userinfo
    if "blockid" in info or "blockinfo" in info:
        raise Stop(f"the bot account {info.get('name')} is blocked{block_words(info.get('blockinfo') or info)}")
    if not trial and "bot" not in info.get("rights", ()):
        raise Stop(f"the bot account {info.get('name')} lost the 'bot' right: its edits would not be flagged "
                   "as a bot's (give the right back, or run with --trial)")


def _abusefilter(err) -> str:
    """``filter 3 (disallow): description`` from an AbuseFilter refusal, the description whole."""
    hit = err.other.get("abusefilter") or {}
    actions = ", ".join(hit.get("actions") or []) or err.code.removeprefix("abusefilter-")
    desc = _plain(hit.get("description") or "")
    if not hit:  # an older AbuseFilter: the description is only in the message
        return f"AbuseFilter ({actions}): {_plain(err.info)}"
    return f"AbuseFilter filter {hit.get('id')} ({actions}): {desc}"


def _plain(text) -> str:
    """An API message on one line (the API's ``info`` is plain text: ``<noedit>`` is the entry's own)."""
    return " ".join(str(text).split())


def _refused(err, page) -> Saved:
    """The outcome of an API error answering an edit."""
    code, info = err.code, _plain(err.info)
    if code == "editconflict":
        return Saved("conflict")
    if code in _PROTECTED:
        return Saved("blocked", f"protected ({info})")
    if code in ("abusefilter-disallowed", "abusefilter-warning"):
        return Saved("wiki-refused", _abusefilter(err))
    if code == "spamblacklist":
        matches = (err.other.get("spamblacklist") or {}).get("matches") or []
        return Saved("wiki-refused", f"spam blacklist: {', '.join(matches) or info}")
    if code == "titleblacklist-forbidden":
        return Saved("wiki-refused", f"title blacklist: {info}")
    if code in ("blocked", "autoblocked", "blockedfrommail"):
        detail = block_words(err.other.get("blockinfo") or {})
        raise Stop(f"the bot account {page.site.username()} is blocked{detail}")
    if code == "readonly":
        why = err.other.get("readonlyreason") or info
        raise Stop(f"the wiki is read-only ({why})")
    if code in _NO_EDIT:
        raise Stop(f"the bot account {page.site.username()} may not edit: {info}")
    if code == "ratelimited":
        return Saved("failed", f"rate limited by the wiki: {info}")
    if code == "badtoken":
        return Saved("failed", f"session lost: the wiki refused the edit token ({info})")
    if code == "maxlag":
        return Saved("failed", f"maxlag: {info}")
    return Saved("failed", f"API error {code}: {info}")


