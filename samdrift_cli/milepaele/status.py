"""The judgement of the milestones: plain data, shown by `status` and `check milepael N`.

Kept apart from the rules (regler.py), which need the loaded folder: renderers and exporters read
only this.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from samdrift_cli.milepaele.katalog import Milepael


@dataclass
class Vurdering:
    mangler: list[str] = field(default_factory=list)
    advarsler: list[str] = field(default_factory=list)

    @property
    def opfyldt(self) -> bool:
        return not self.mangler


@dataclass
class Punkt:
    art: str  # "opgave" | "leverance"
    nr: int
    titel: str
    opfyldt: bool
    mangler: list[str]
    advarsler: list[str]
    dato: dt.date | None = None  # from milepaele.yaml, if registered

    def som_json(self) -> dict:
        return {"nr": self.nr, "titel": self.titel, "opfyldt": self.opfyldt, "mangler": self.mangler,
                "advarsler": self.advarsler, "dato": self.dato.isoformat() if self.dato else None}


@dataclass
class Milepaelsstatus:
    milepael: Milepael
    opgaver: list[Punkt]
    leverancer: list[Punkt]
    egen_opfyldt: bool  # all own opgaver and leverancer met
    naaet: bool  # and every earlier milestone reached

    @property
    def status(self) -> str:
        if self.kan_ikke_vurderes:
            return "kan_ikke_vurderes"
        if self.naaet:
            return "naaet"
        if any(p.opfyldt or p.dato for p in self.opgaver + self.leverancer):
            return "i_gang"
        return "ikke_startet"

    @property
    def punkter(self) -> list[Punkt]:
        return self.opgaver + self.leverancer

    faktadato: dt.date | None = None  # the latest date the documents give for this milestone
    kan_ikke_vurderes: list[str] = field(default_factory=list)  # findings of the broken files it rests on

    @property
    def dato(self) -> dt.date | None:
        datoer = [p.dato for p in self.punkter if p.dato] + ([self.faktadato] if self.faktadato else [])
        return max(datoer) if datoer else None

    def som_json(self) -> dict:
        from samdrift_cli.milepaele.katalog import roller_som_data

        m = self.milepael
        return {
            "nr": m.nr, "fase": m.fase, "titel": m.titel, "formaal": m.formaal,
            "naaet": self.naaet, "status": self.status,
            "roller": roller_som_data(m), "vaerktoejer": list(m.vaerktoejer),
            "dato": self.dato.isoformat() if self.dato else None,
            "opgaver": [p.som_json() for p in self.opgaver],
            "leverancer": [p.som_json() for p in self.leverancer],
        }


def aktuel_milepael(status: list[Milepaelsstatus]) -> int:
    """The highest milestone reached (0 if none)."""
    naaet = [s.milepael.nr for s in status if s.naaet]
    return max(naaet) if naaet else 0


STATUS_TEKST = {"naaet": "nået", "i_gang": "i gang", "ikke_startet": "ikke startet", "kan_ikke_vurderes": "kan ikke vurderes"}


def naeste_milepael(status: list[Milepaelsstatus]) -> int | None:
    """The first milestone not reached (None when all 12 are)."""
    return next((s.milepael.nr for s in status if not s.naaet), None)


# a message about one item of a list ("fil:12: aktiviteten 'x': formål, frist mangler"), and the plural of the item
_OM_EN = re.compile(r"^(?P<fil>[\w.-]+\.yaml)(?::\d+)?: (?P<hvad>[a-zæøå]+) '[^']*': (?P<felter>.*) mangler$")
_FLERTAL = {"aktiviteten": "aktiviteter", "målet": "mål", "interessenten": "interessenter", "målgruppen": "målgrupper",
            "nøglen": "nøgler", "tjeklisten for": "tjekpunkter"}
SAML_FRA = 3  # this many like messages become one line


def naeste_skridt(status: list[Milepaelsstatus]) -> list[str]:
    """What is missing for the first milestone not reached, each once; like messages about the items of a
    list summed up in one line (#33: '28 aktiviteter i implementeringsplan.yaml mangler formål, ansvarlig og
    frist'), with the command that lists them."""
    for s in status:
        if not s.naaet:
            unikke: list[str] = []
            for p in s.punkter:
                if not p.opfyldt:
                    unikke.extend(x for x in p.mangler if x not in unikke)
            grupper: dict[tuple[str, str], list[re.Match]] = {}
            for x in unikke:
                m = _OM_EN.match(x)
                if m and m["hvad"] in _FLERTAL:
                    grupper.setdefault((m["fil"], m["hvad"]), []).append(m)
            ud: list[str] = []
            for x in unikke:
                m = _OM_EN.match(x)
                gruppe = grupper.get((m["fil"], m["hvad"])) if m else None
                if gruppe is None or len(gruppe) < SAML_FRA:
                    ud.append(f"Milepæl {s.milepael.nr}: {x}")
                elif gruppe[0].string == x:
                    felter: list[str] = []
                    for g in gruppe:
                        felter.extend(f for f in g["felter"].split(", ") if f not in felter)
                    opremsning = ", ".join(felter[:-1]) + " og " + felter[-1] if len(felter) > 1 else felter[0]
                    ud.append(f"Milepæl {s.milepael.nr}: {len(gruppe)} {_FLERTAL[m['hvad']]} i {m['fil']} mangler "
                              f"{opremsning} (se 'samdrift check milepael {s.milepael.nr}')")
            return ud
    return []


def dokumentdato(status: list[Milepaelsstatus]) -> dt.datetime:
    """A fixed document date from the data, never the clock: same folder, same file."""
    datoer = [s.dato for s in status if s.dato]
    d = max(datoer) if datoer else dt.date(2000, 1, 1)
    return dt.datetime(d.year, d.month, d.day, tzinfo=dt.timezone.utc)
