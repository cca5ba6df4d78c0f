"""The judgement of the milestones: plain data, shown by `status` and `check milepael N`.

Kept apart from the rules (regler.py), which need the loaded folder: renderers and exporters read
only this.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from samdrift_cli.milepaele.katalog import Milepael


@dataclass(frozen=True)
class Mangel:
    """What a rule finds missing (or warns about), as data. The renderers choose the words around it:
    someone editing the files gets the place and the keys (:meth:`til_redaktoer`), a board the
    sentence alone (:meth:`til_bestyrelsen`), JSON the fields (:meth:`som_json`).

    ``tekst`` is the sentence a person reads: things by their names, never an id, a file or a key.
    ``sti`` is where in ``fil`` it is (keys and list positions, exactly); :func:`regler.vurder` sets
    ``linje`` and ``kolonne`` from the document's positions. ``felt`` is the key (or keys) to write,
    ``henvisning`` a command that does it. A finding about one item of a list gives the list's
    plural (``gruppe``, "aktiviteter") and the parts missing (``felter``), so that many alike can be
    said in one line; one that only sums up others is ``afledt``."""

    tekst: str
    fil: str | None = None
    sti: tuple = ()
    felt: str | None = None
    henvisning: str | None = None
    gruppe: str | None = None
    felter: tuple[str, ...] = ()
    linje: int | None = None
    kolonne: int | None = None
    afledt: bool = False  # follows from other findings ("opgave 1 og 2 … er ikke opfyldt"): no step of its own

    @property
    def sted(self) -> str | None:
        if self.fil is None:
            return None
        if self.linje is None:
            return self.fil
        return f"{self.fil}:{self.linje}" + (f":{self.kolonne}" if self.kolonne is not None else "")

    def til_redaktoer(self) -> str:
        """'implementeringsplan.yaml:41:5: aktiviteten »Fælles kontor«: frist mangler (frist)'."""
        tekst = self.tekst + (f" ({self.felt})" if self.felt else "") + (f"; {self.henvisning}" if self.henvisning else "")
        return f"{self.sted}: {tekst}" if self.sted else tekst

    def til_bestyrelsen(self) -> str:
        return self.tekst[:1].upper() + self.tekst[1:]

    def som_json(self) -> dict:
        return {"fil": self.fil, "linje": self.linje, "kolonne": self.kolonne, "sti": list(self.sti), "tekst": self.tekst,
                "felt": self.felt, "henvisning": self.henvisning}


def opremsning(dele) -> str:
    """'a, b og c'."""
    dele = list(dele)
    return ", ".join(dele[:-1]) + " og " + dele[-1] if len(dele) > 1 else "".join(dele)


@dataclass
class Vurdering:
    mangler: list[Mangel] = field(default_factory=list)
    advarsler: list[Mangel] = field(default_factory=list)

    @property
    def opfyldt(self) -> bool:
        return not self.mangler


@dataclass
class Punkt:
    art: str  # "opgave" | "leverance"
    nr: int
    titel: str
    opfyldt: bool
    mangler: list[Mangel]
    advarsler: list[Mangel]
    dato: dt.date | None = None  # from milepaele.yaml, if registered

    def som_json(self) -> dict:
        return {"nr": self.nr, "titel": self.titel, "opfyldt": self.opfyldt,
                "mangler": [m.til_redaktoer() for m in self.mangler],
                "advarsler": [m.til_redaktoer() for m in self.advarsler],
                "fund": [{"niveau": "mangel", **m.som_json()} for m in self.mangler]
                        + [{"niveau": "advarsel", **m.som_json()} for m in self.advarsler],
                "dato": self.dato.isoformat() if self.dato else None}


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
    kan_ikke_vurderes: list[Mangel] = field(default_factory=list)  # findings of the broken files it rests on

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


# a milestone's status in words: terminal, workbook, documents and pages say it alike
MILEPAELSSTATUS_TEKST = {"naaet": "nået", "i_gang": "i gang", "ikke_startet": "ikke begyndt", "kan_ikke_vurderes": "kan ikke vurderes"}


def naeste_milepael(status: list[Milepaelsstatus]) -> int | None:
    """The first milestone not reached (None when all 12 are)."""
    return next((s.milepael.nr for s in status if not s.naaet), None)


SAML_FRA = 3  # this many like findings about the items of one list become one line

# what a document is called in a sentence: "28 aktiviteter i implementeringsplanen"
DOKUMENTNAVNE = {"oplaeg.yaml": "oplægget", "analyse.yaml": "analysen",
                 "interessenter.yaml": "interessentanalysen", "model.yaml": "samdriftsmodellen",
                 "inddragelsesplan.yaml": "inddragelsesplanen", "aftale.yaml": "aftalen",
                 "implementeringsplan.yaml": "implementeringsplanen", "orientering.yaml": "orienteringsplanen",
                 "evaluering.yaml": "evalueringen"}


@dataclass(frozen=True)
class Skridt:
    """One next step: what is missing, and for which milestone (None: after milepæl 12)."""

    milepael: int | None
    mangel: Mangel

    def _med_nr(self, tekst: str) -> str:
        return f"Milepæl {self.milepael}: {tekst}" if self.milepael is not None else tekst[:1].upper() + tekst[1:]

    def til_redaktoer(self) -> str:
        return self._med_nr(self.mangel.til_redaktoer())

    def til_bestyrelsen(self) -> str:
        return self._med_nr(self.mangel.til_bestyrelsen())


def naeste_skridt(status: list[Milepaelsstatus]) -> list[Skridt]:
    """What is missing for the first milestone not reached, each once; like findings about the items of a
    list summed up in one line (#33: '28 aktiviteter i implementeringsplanen mangler formål, ansvarlig og
    frist'), with the command that lists them."""
    for s in status:
        if not s.naaet:
            nr = s.milepael.nr
            unikke: list[Mangel] = []
            for p in s.punkter:
                if not p.opfyldt:
                    unikke.extend(x for x in p.mangler if x not in unikke and not x.afledt)
            grupper: dict[tuple, list[Mangel]] = {}
            for x in unikke:
                if x.gruppe:
                    grupper.setdefault((x.fil, x.gruppe), []).append(x)
            ud: list[Skridt] = []
            for x in unikke:
                gruppe = grupper.get((x.fil, x.gruppe)) if x.gruppe else None
                if gruppe is None or len(gruppe) < SAML_FRA:
                    ud.append(Skridt(nr, x))
                elif gruppe[0] is x:
                    felter: list[str] = []
                    for g in gruppe:
                        felter.extend(f for f in g.felter if f not in felter)
                    hvor = DOKUMENTNAVNE.get(x.fil or "", x.fil)
                    ud.append(Skridt(nr, Mangel(f"{len(gruppe)} {x.gruppe} i {hvor} mangler {opremsning(felter)}",
                                                henvisning=f"se 'samdrift check milepael {nr}'")))
            return ud
    return []


def dokumentdato(status: list[Milepaelsstatus]) -> dt.datetime:
    """A fixed document date from the data, never the clock: same folder, same file."""
    datoer = [s.dato for s in status if s.dato]
    d = max(datoer) if datoer else dt.date(2000, 1, 1)
    return dt.datetime(d.year, d.month, d.day, tzinfo=dt.timezone.utc)
