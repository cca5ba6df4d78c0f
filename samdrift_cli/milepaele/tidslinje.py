"""The time line of a samdrift: open activities and their frister, judged against "today".

An activity of the implementeringsplan is open while its status is planlagt, igang or udskudt; one
of the inddragelsesplan while it has not been held (gennemfoert.dato). Open and past its frist, it
is "frist overskredet" (design.md §5).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from samdrift_cli.milepaele.status import Mangel, Skridt

if TYPE_CHECKING:
    from samdrift_cli.indlaesning.samdriftsmappe import Samdriftsmappe

AABNE_STATUSSER = ("planlagt", "igang", "udskudt")
AKTIVITETSSTATUS_TEKST = {"planlagt": "planlagt", "igang": "i gang", "udskudt": "udskudt", "gennemfoert": "gennemført",
                "aflyst": "aflyst", "ikke_holdt": "ikke holdt"}


@dataclass(frozen=True)
class AabenAktivitet:
    fil: str
    id: str
    aktivitet: str
    start: dt.date | None
    frist: dt.date | None
    status: str
    ansvarlig: str | None
    beskrivelse: str  # tema, formål or form, for a calendar entry
    overskredet: bool
    milepaele: tuple[int, ...]  # the milestones the activity belongs to

    def som_json(self) -> dict:
        return {"fil": self.fil, "id": self.id, "aktivitet": self.aktivitet,
                "start": self.start.isoformat() if self.start else None,
                "frist": self.frist.isoformat() if self.frist else None, "status": self.status,
                "ansvarlig": self.ansvarlig, "overskredet": self.overskredet}


def aabne_aktiviteter(mappe: "Samdriftsmappe", idag: dt.date) -> list[AabenAktivitet]:
    from samdrift_cli.skemaer.implementeringsplan import TEMA_TITLER

    ud: list[AabenAktivitet] = []
    ind = mappe.inddragelsesplan
    for a in (ind.aktiviteter if ind else []):
        if a.gennemfoert is not None and a.gennemfoert.dato is not None:
            continue
        form = {"dialog": "Dialog", "inddragelse": "Inddragelse", "information": "Information"}.get(a.form or "", "")
        ud.append(AabenAktivitet("inddragelsesplan.yaml", a.id, a.aktivitet, None, a.dato, "ikke_holdt", a.ansvarlig,
                                 " · ".join(x for x in (form, a.hvem) if x), a.dato is not None and a.dato < idag, (4, 5)))
    ip = mappe.implementeringsplan
    for a in (ip.aktiviteter if ip else []):
        if a.status not in AABNE_STATUSSER:
            continue
        ud.append(AabenAktivitet("implementeringsplan.yaml", a.id, a.aktivitet, a.start, a.frist, a.status, a.ansvarlig,
                                 " · ".join(x for x in (TEMA_TITLER[a.tema], a.formaal) if x),
                                 a.frist is not None and a.frist < idag, (7, 10)))
    return ud


def efter_milepael_12(mappe: "Samdriftsmappe") -> list[Skridt]:
    """The next step once all 12 milestones are reached: with ``aendres: true`` a new aftale, made and
    accepted as in milepæl 6; else to follow up on the mål and the aftale."""
    e = mappe.evaluering
    if e is not None and e.aftalevurdering is not None and e.aftalevurdering.aendres:
        return [Skridt(None, Mangel(
            "aftalen skal ændres, som evalueringen konkluderer: udarbejd en ny aftale om samdrift som i milepæl 6, og få den "
            "tiltrådt af hver afdeling eller af organisationsbestyrelsen; ændringer uden for det gældende budget skal først "
            "budgetgodkendes af afdelingsmøderne"))]
    return []
