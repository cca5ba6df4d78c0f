""""Today": the system date, or ``SAMDRIFT_IDAG=ÅÅÅÅ-MM-DD`` (design.md §4).

Evidence dated later than today does not count, and frister are judged against it. Setting the
variable answers "what will the status be on that day?", and makes tests independent of the clock.
"""

from __future__ import annotations

import datetime as dt
import os
import re

from samdrift_cli.fund import Fund, SamdriftFejl

VARIABEL = "SAMDRIFT_IDAG"


def idag() -> dt.date:
    tekst = os.environ.get(VARIABEL, "").strip()
    if not tekst:
        return dt.date.today()
    m = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", tekst)
    try:
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        pass
    raise SamdriftFejl([Fund(VARIABEL, None, None, "fejl",
                             f"'{tekst[:40]}' er ikke en dato; skriv {VARIABEL}=ÅÅÅÅ-MM-DD, fx {VARIABEL}=2026-12-01")])


MAANEDER = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
            "november", "december")


def dansk_dato(d: dt.date) -> str:
    """A date as Danish prose writes it: '1. juli 2026'."""
    return f"{d.day}. {MAANEDER[d.month - 1]} {d.year}"
