"""An English Wikipedia reference written as this wiki writes it (E003's fix with ``--against``).

Each citation template of the reference's content whose kind the English profile knows
(``{{cite web}}`` → ``web``) becomes the local template of that kind, with the local parameter
names, date values in the local months and digits, and the values that have a local word
(``url-status=dead`` → ``অকার্যকর``), all from the local profile's ``citations.from_english``.
A parameter the profile does not list keeps its English name (CS1 takes it); a date that does
not read as one stays as written; text outside citation templates stays as it is.
"""

from __future__ import annotations

import re

import mwparserfromhell

from .profile import Profile, name_key, nfc

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def spec(profile: Profile) -> dict | None:
    """The profile's ``citations.from_english``, None when it has none."""
    return profile.data["citations"].get("from_english")


def local_date(value: str, en: Profile, local: Profile) -> str | None:
    """``16 May 2019``, ``May 16, 2019``, ``2019-05-16`` (``May 2019``, ``2019``) in the local
    profile's date format, months and digits; None when ``value`` is no such date."""
    months = [m.casefold() for m in en.data["text"]["months"]]

    def month(word: str) -> int | None:
        w = word.casefold().rstrip(".")
        for i, m in enumerate(months):
            if w == m or (len(w) >= 3 and m.startswith(w)):
                return i + 1
        return None

    v = " ".join(value.split())
    day = mon = year = None
    m = _ISO.fullmatch(v)
    if m:
        year, mon, day = int(m[1]), int(m[2]), int(m[3])
    else:
        m = re.fullmatch(r"(\d{1,2}) ([A-Za-z.]+),? (\d{4})", v) or None
        if m and month(m[2]):
            day, mon, year = int(m[1]), month(m[2]), int(m[3])
        else:
            m = re.fullmatch(r"([A-Za-z.]+) (\d{1,2}),? (\d{4})", v)
            if m and month(m[1]):
                mon, day, year = month(m[1]), int(m[2]), int(m[3])
            else:
                m = re.fullmatch(r"([A-Za-z.]+) (\d{4})", v)
                if m and month(m[1]):
                    mon, year = month(m[1]), int(m[2])
    if mon is None or not 1 <= mon <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    digits = local.data["text"]["digits"]

    def num(n: int) -> str:
        return str(n).translate(str.maketrans("0123456789", digits))

    names = local.data["text"]["months"]
    if day is None:
        return f"{names[mon - 1]} {num(year)}"
    return spec(local)["date_format"].format(day=num(day), month=names[mon - 1], year=num(year))


def localize(content: str, en: Profile, local: Profile) -> str:
    """The reference content ``content`` (an English ref's inside) written for the local wiki."""
    sp = spec(local)
    if sp is None:
        return content
    kinds = {name_key(k): v for k, v in en.data["citations"]["templates"].items()}
    code = mwparserfromhell.parse(content)
    for tpl in code.filter_templates(recursive=False):
        kind = kinds.get(name_key(str(tpl.name)))
        if kind is None or kind not in sp["templates"]:
            continue
        parts = [sp["templates"][kind]]
        for param in tpl.params:
            name = str(param.name).strip()
            value = str(param.value).strip()
            key = name.casefold()
            if key in sp["dates"]:
                value = local_date(value, en, local) or value
            value = sp["values"].get(key, {}).get(value.casefold(), value)
            parts.append(f"{sp['params'].get(key, name)}={value}" if param.showkey else value)
        code.replace(tpl, "{{" + "|".join(parts) + "}}")
    return nfc(str(code))
