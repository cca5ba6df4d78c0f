"""The open frister and planned activities as an iCalendar file (RFC 5545), for Outlook and the rest.

Every entry is an all-day event with a stable UID (the samdrift, the file and the activity's id), so
importing the file again updates the entries instead of doubling them; DTSTAMP is the latest date the
plans give, so the same folder gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from samdrift_cli.indlaesning.samdriftsmappe import Samdriftsmappe
    from samdrift_cli.milepaele.tidslinje import AabenAktivitet


def _uid(samdrift: str, a: "AabenAktivitet", endelse: str = "") -> str:
    noegle = hashlib.sha256(samdrift.encode("utf-8")).hexdigest()[:16]
    return f"{a.fil.removesuffix('.yaml')}-{a.id}{'-' + endelse if endelse else ''}-{noegle}@samdrift"


def kalender(mappe: "Samdriftsmappe", aktiviteter: list["AabenAktivitet"]) -> bytes:
    import icalendar

    from samdrift_cli import __version__
    from samdrift_cli.milepaele.tidslinje import AKTIVITETSSTATUS_TEKST

    navn = " ".join(mappe.samdrift.navn.split())  # one line: a line end would end the property
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//samdrift//samdrift {__version__}//DA")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", navn)
    datoer = [d for a in aktiviteter for d in (a.start, a.frist) if d]
    stempel = max(datoer) if datoer else dt.date(2000, 1, 1)
    for a in aktiviteter:
        if a.frist is None and a.start is None:
            continue
        plan = "Implementeringsplan" if a.fil.startswith("implementering") else "Inddragelsesplan"
        linjer = [f"{navn} — {plan}", a.beskrivelse, f"Status: {AKTIVITETSSTATUS_TEKST.get(a.status, a.status)}"]
        if a.ansvarlig:
            linjer.append(f"Ansvarlig: {a.ansvarlig}")
        if a.overskredet:
            linjer.append("Fristen er overskredet.")
        if a.start and a.frist:
            linjer.append(f"Fra {a.start.isoformat()} til {a.frist.isoformat()}.")
        tekst = " ".join(a.aktivitet.split())
        # an activity with a start and a frist is two entries, each one day: when it begins and when it is due
        # (a block of weeks would fill the calendar and hide the deadline)
        dage = [("start", a.start, f"Start: {tekst}"), ("frist", a.frist, f"Frist: {tekst}")] if a.start and a.frist else \
            [("", a.start or a.frist, f"{'Frist: ' if a.frist and plan == 'Implementeringsplan' else ''}{tekst}")]
        for endelse, dag, overskrift in dage:
            e = icalendar.Event()
            e.add("uid", _uid(navn, a, endelse))
            e.add("dtstamp", dt.datetime(stempel.year, stempel.month, stempel.day, tzinfo=dt.timezone.utc))
            e.add("dtstart", dag)
            e.add("dtend", dag + dt.timedelta(days=1))  # all-day: the end is exclusive
            e.add("summary", overskrift)
            e.add("description", "\n".join(x for x in linjer if x))
            e.add("categories", [plan])
            e.add("transp", "TRANSPARENT")
            cal.add_component(e)
    return cal.to_ical()
