"""The economy over the years: budget against regnskab per konto and afdeling, and the saving against
today's level (``nuvaerende``) and against the economic goal. Pure: returns values or a message.

A konto line's ``budget`` is the budget of ``oekonomi.regnskabsaar`` (or of every year, when the model
names none); ``budgetter`` holds other years', ``regnskab`` the actual costs per year. An afdeling's
budget and regnskab are each konto's amount allocated by the konto's nøgle with the øre rule of
design.md §3.4, so the afdelinger sum to the totals exactly (design.md §4):

    afvigelse = regnskab − budget        besparelse = nuvaerende − regnskab
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from samdrift_cli.beloeb import beloeb_i_tekst, til_oere
from samdrift_cli.fordeling.allokering import fordel_vaegte, vaegte_fra_andele

if TYPE_CHECKING:
    from samdrift_cli.fordeling.beregning import Fordelingsresultat
    from samdrift_cli.indlaesning.samdriftsmappe import Samdriftsmappe


class _Afvigelse:
    """afvigelse = regnskab − budget and besparelse = nuvaerende − regnskab (design.md §4), for a konto line,
    an afdeling and the whole year alike."""

    @property
    def afvigelse(self) -> int:
        return self.regnskab - self.budget

    @property
    def besparelse(self) -> int:
        return self.nuvaerende - self.regnskab


@dataclass
class Kontolinje(_Afvigelse):
    konto: str
    navn: str | None
    noegle: str
    budget: int  # øre
    regnskab: int
    nuvaerende: int | None  # øre, all afdelinger together (None: not given)
    budget_fordeling: dict[str, int]
    regnskab_fordeling: dict[str, int]


@dataclass
class Afdelingslinje(_Afvigelse):
    id: str
    navn: str
    lejemaal: int
    nuvaerende: int
    budget: int
    regnskab: int


@dataclass
class Maalvaerdi:
    titel: str
    beloeb: int | None  # øre, read from the goal's målværdi ("Mindst 400.000 kr. lavere udgifter om året")
    tekst: str | None


@dataclass
class Opfoelgning(_Afvigelse):
    aar: int
    konti: list[Kontolinje]
    afdelinger: list[Afdelingslinje]
    maal: Maalvaerdi | None

    @property
    def nuvaerende(self) -> int:
        return sum(a.nuvaerende for a in self.afdelinger)

    @property
    def budget(self) -> int:
        return sum(k.budget for k in self.konti)

    @property
    def regnskab(self) -> int:
        return sum(k.regnskab for k in self.konti)


def budgetaar(mappe: "Samdriftsmappe") -> int | None:
    """The year a konto line's ``budget`` is for: ``oekonomi.regnskabsaar``, or None (every year)."""
    o = mappe.model.oekonomi if mappe.model else None
    tekst = (o.regnskabsaar or "").strip() if o else ""
    return int(tekst) if re.fullmatch(r"[0-9]{4}", tekst) else None


def regnskabsaarene(mappe: "Samdriftsmappe") -> list[int]:
    """The years some included konto line has a regnskab for, in order."""
    return sorted({int(a) for k in mappe.model.konti if k.med for a in (k.regnskab or {})})


def aarets_budget(k, aar: int, budget_aar: int | None):
    """A konto line's budget for ``aar`` (a Decimal), or None when it has none."""
    if k.budgetter and str(aar) in k.budgetter:
        return k.budgetter[str(aar)]
    if budget_aar is None or budget_aar == aar:
        return k.budget
    return None


def _maalvaerdi(mappe: "Samdriftsmappe") -> Maalvaerdi | None:
    """The economic goal (the first mål of type oekonomi) and the amount its målværdi names, if any."""
    m = next((x for x in mappe.model.maal if x.type == "oekonomi"), None)
    if m is None:
        return None
    return Maalvaerdi(m.titel, beloeb_i_tekst(m.maalvaerdi), m.maalvaerdi)


def opfoelg(mappe: "Samdriftsmappe", r: "Fordelingsresultat", aar: int) -> Opfoelgning | list[str]:
    """The follow-up of ``aar``, or what is missing for it (one message per konto line)."""
    budget_aar = budgetaar(mappe)
    ids = r.ids
    vaegte = {n.id: vaegte_fra_andele(n.andele) for n in r.noegler}
    mangler: list[str] = []
    konti: list[Kontolinje] = []
    nu_pr_afd = dict.fromkeys(ids, 0)
    for k in mappe.model.konti:
        if not k.med:
            continue
        navn = f"konto {k.konto}" + (f" {k.navn}" if k.navn else "")
        budget = aarets_budget(k, aar, budget_aar)
        regnskab = (k.regnskab or {}).get(str(aar))
        if budget is None:
            mangler.append(f"{navn} har intet budget for {aar} (budgetter i model.yaml; 'samdrift import budget FIL --aar {aar}')")
        if regnskab is None:
            mangler.append(f"{navn} har intet regnskab for {aar} (regnskab i model.yaml; 'samdrift import regnskab FIL --aar {aar}')")
        if budget is None or regnskab is None:
            continue
        w, naevner = vaegte[k.noegle]
        b, rs = til_oere(budget), til_oere(regnskab)
        nu = {a: til_oere(v) for a, v in k.nuvaerende.items()} if k.nuvaerende else None
        for a, v in (nu or {}).items():
            nu_pr_afd[a] = nu_pr_afd.get(a, 0) + v
        konti.append(Kontolinje(str(k.konto), k.navn, k.noegle, b, rs, sum(nu.values()) if nu else None,
                                fordel_vaegte(b, w, naevner, ids), fordel_vaegte(rs, w, naevner, ids)))
    if mangler:
        return mangler
    afdelinger = [Afdelingslinje(a, navn, r.lejemaal[a], nu_pr_afd.get(a, 0), sum(k.budget_fordeling[a] for k in konti),
                                 sum(k.regnskab_fordeling[a] for k in konti)) for a, navn in r.afdelinger]
    return Opfoelgning(aar, konti, afdelinger, _maalvaerdi(mappe))
