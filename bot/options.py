"""Which leftover command-line arguments a verb accepts: pywikibot's options, nothing else.

argparse knows each verb's own options; whatever it leaves over must be a pywikibot option the
verb uses, else it is refused before anything is read or saved. The wiki verbs take pywikibot's
global options (``-user:``, ``-code:``, ``-log`` …); the verbs that read a page generator also
take its generator options (``-cat:``, ``-page:`` …). No network request decides this:
generator options are the names of ``GeneratorFactory._handle_<name>`` methods, the same lookup
``GeneratorFactory.handle_arg`` makes.
"""

from __future__ import annotations

#: The options pywikibot.bot.handle_args handles by name (pywikibot 11; ``-lang`` is kept there
#: for old scripts). It also takes ``-<numeric config variable>:N``: see :func:`unknown`.
GLOBAL = frozenset(("help", "config", "dir", "site", "family", "code", "lang", "user", "putthrottle", "pt",
                    "log", "nolog", "cosmeticchanges", "cc", "simulate", "debug", "verbose", "v", "daemonize",
                    "maxlag"))

#: verb -> whether it takes pywikibot generator options (the other wiki verbs: global ones only)
WIKI_VERBS = {"crosscheck": True, "run": True, "propose": True, "report": True, "apply": False, "undo": False}


def _split(arg: str) -> tuple[str, str] | None:
    """``-name:value`` -> (name, value); None for what is no pywikibot option at all."""
    if not arg.startswith("-") or arg.startswith("--") or len(arg) < 2:
        return None
    name, _, value = arg[1:].partition(":")
    return (name, value) if name else None


def _integer(value: str) -> bool:
    try:
        int(value)
        return True
    except ValueError:
        return False


def unknown(verb: str, leftover: list[str], on_wiki: bool, pywikibot_dir: str | None) -> list[str]:
    """The arguments of ``leftover`` that neither the verb nor pywikibot knows, in order.

    ``on_wiki``: the verb works on a wiki this time (``propose`` only with ``--wiki``). pywikibot
    is imported only for a single-dash option that is no global one by name but could be a
    generator option (verbs with a generator) or a numeric setting (``-name:N``); ``pywikibot_dir``
    is set first, since pywikibot reads its configuration once, at import."""
    if verb not in WIKI_VERBS or not on_wiki:
        return list(leftover)
    parts = [(arg, _split(arg)) for arg in leftover]
    if not any(p and p[0] not in GLOBAL and (WIKI_VERBS[verb] or _integer(p[1])) for _, p in parts):
        return [arg for arg, p in parts if p is None or p[0] not in GLOBAL]  # pywikibot need not say
    from .wiki import WikiError, pywikibot_dir as set_dir

    set_dir(pywikibot_dir)
    try:
        from pywikibot import config
        from pywikibot.pagegenerators import GeneratorFactory
    except Exception as exc:  # pywikibot reports configuration errors in many shapes
        raise WikiError(f"pywikibot could not start: {' '.join(str(exc).split())[:300]}") from None

    def numeric_config(name: str, value: str) -> bool:  # handle_args: int(value) into an int setting
        return _integer(value) and isinstance(getattr(config, name, None), int)

    def known(p: tuple[str, str] | None) -> bool:
        if p is None:
            return False
        name, value = p
        if name in GLOBAL or numeric_config(name, value):
            return True
        return WIKI_VERBS[verb] and hasattr(GeneratorFactory, "_handle_" + name)

    return [arg for arg, p in parts if not known(p)]
