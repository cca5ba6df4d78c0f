"""The fordelingsnøgler of a samdrift: exact shares per nøgle, allocation per konto to the øre,
today vs samdrift, and the hour check of milepæl 10. Pure: returns values and findings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from samdrift_cli.fordeling.allokering import andele_fra_basis, fordel_oere, fordel_vaegte, vaegte_fra_andele
from samdrift_cli.beloeb import til_oere
from samdrift_cli.fund import Fund

if TYPE_CHECKING:
    from samdrift_cli.indlaesning.samdriftsmappe import Samdriftsmappe
    from samdrift_cli.skemaer.model import Fordelingsnoegle

GRUNDLAG_TEKST = {
    "lejemaal": "antal lejemål",
    "areal": "areal (m²)",
    "lige": "lige store andele",
    "fast": "faste procentandele",
    "timer": "registrerede timer",
}


@dataclass
class Noegleresultat:
    id: str
    navn: str | None
    grundlag: str
    medlemmer: list[str]
    basis: dict[str, Decimal]  # lejemål, m², 1, procent or hours per member
    andele: dict[str, Fraction]  # exact, summing to 1 over members

    @property
    def visningsnavn(self) -> str:
        """The nøgle as the documents name it: its navn, else its id."""
        return self.navn or self.id


@dataclass
class Kontoresultat:
    indeks: int  # position in model.yaml's konti
    konto: str
    navn: str | None
    noegle: str
    beloeb: int  # øre
    fordeling: dict[str, int]  # øre per afdeling (all afdelinger)
    nuvaerende: dict[str, int] | None  # øre per afdeling today


@dataclass
class Fordelingsresultat:
    afdelinger: list[tuple[str, str]]  # (id, navn) in samdrift.yaml order
    lejemaal: dict[str, int]
    areal: dict[str, Decimal | None]
    noegler: list[Noegleresultat]
    konti: list[Kontoresultat]
    total: int = 0
    total_fordeling: dict[str, int] = field(default_factory=dict)

    @property
    def ids(self) -> list[str]:
        return [a for a, _ in self.afdelinger]

    def noegle(self, id_: str) -> Noegleresultat:
        return next(n for n in self.noegler if n.id == id_)

    @property
    def afdelingsnavne(self) -> dict[str, str]:
        """Each afdeling's id -> its navn, as this result names them (another revision may differ)."""
        return dict(self.afdelinger)

    @property
    def noeglenavne(self) -> dict[str, str]:
        return {n.id: n.visningsnavn for n in self.noegler}

    # -- today vs samdrift (Bilag 3, 1.1 Mål for økonomien) ------------------------
    @property
    def har_nuvaerende(self) -> bool:
        return any(k.nuvaerende for k in self.konti)

    def sammenligning(self) -> dict[str, dict[str, int]]:
        """Per afdeling: i dag, med samdrift and forskel (samdrift − i dag), over konti with today's costs."""
        ud = {a: {"i_dag": 0, "samdrift": 0, "forskel": 0} for a in self.ids}
        for k in self.konti:
            if not k.nuvaerende:
                continue
            for a in self.ids:
                if a in k.nuvaerende:
                    ud[a]["i_dag"] += k.nuvaerende[a]
                    ud[a]["samdrift"] += k.fordeling[a]
        for v in ud.values():
            v["forskel"] = v["samdrift"] - v["i_dag"]
        return ud


def noegle_andele(
    n: "Fordelingsnoegle", mappe: "Samdriftsmappe"
) -> tuple[dict[str, Decimal], dict[str, Fraction]] | str:
    """Basis and exact shares of one nøgle, or a Danish error message."""
    afdelinger = mappe.samdrift.afdelinger
    andele = n.andele or {}  # andele and subsets hold ids: a navn was read as its id (skemaer/felter.py)
    if n.grundlag == "fast":
        medlemmer = [a.id for a in afdelinger if a.id in andele]
    elif n.afdelinger is not None:
        medlemmer = [a.id for a in afdelinger if a.id in n.afdelinger]
    else:
        medlemmer = [a.id for a in afdelinger]
    efter_id = {a.id: a for a in afdelinger}
    basis: dict[str, Decimal]
    if n.grundlag == "lejemaal":
        basis = {a: Decimal(efter_id[a].lejemaal) for a in medlemmer}
    elif n.grundlag == "areal":
        uden = [efter_id[a].navn for a in medlemmer if efter_id[a].areal_m2 is None]
        if uden:
            return (f"nøglen '{n.id}' har grundlag 'areal', men {', '.join(uden)} mangler 'areal_m2' i samdrift.yaml")
        basis = {a: efter_id[a].areal_m2 for a in medlemmer}
    elif n.grundlag == "lige":
        basis = {a: Decimal(1) for a in medlemmer}
    elif n.grundlag == "fast":
        basis = {a: andele[a] for a in medlemmer}
    else:  # timer
        reg = mappe.tidsregistrering
        if reg is None:
            return (f"nøglen '{n.id}' har grundlag 'timer', men der er ingen tidsregistrering i mappen "
                    "(tidsregistrering.csv eller tidsregistrering.xlsx)")
        if n.opgaver and not reg.har_opgave:
            return (f"nøglen '{n.id}' filtrerer på opgaver, men {reg.navn} har ingen kolonne 'opgave'")
        fra = n.periode.fra if n.periode else None
        til = n.periode.til if n.periode else None
        timer = reg.timer(set(medlemmer), fra, til, set(n.opgaver) if n.opgaver else None)
        basis = {a: timer.get(a, Decimal(0)) for a in medlemmer}
    if not medlemmer or sum(basis.values(), Decimal(0)) <= 0:
        hvorfor = {
            "timer": "der er ingen registrerede timer" + (" i perioden" if n.periode else "") + (" for de valgte opgaver" if n.opgaver else ""),
            "fast": "alle andele er 0",
        }.get(n.grundlag, "grundlaget er 0")
        return f"nøglen '{n.id}' kan ikke fordele noget: {hvorfor}"
    return basis, andele_fra_basis(basis)


def beregn(mappe: "Samdriftsmappe") -> tuple[Fordelingsresultat | None, list[Fund]]:
    s, m = mappe.samdrift, mappe.model
    dok = mappe.dokumenter["model.yaml"]
    fund: list[Fund] = []
    ids = [a.id for a in s.afdelinger]
    noegler: list[Noegleresultat] = []
    for i, n in enumerate(m.fordelingsnoegler):
        r = noegle_andele(n, mappe)
        if isinstance(r, str):
            fund.append(dok.fund_ved(("fordelingsnoegler", i, "grundlag"), r))
            continue
        basis, andele = r
        noegler.append(Noegleresultat(n.id, n.navn, n.grundlag, list(basis), basis, andele))
    if fund:
        return None, fund
    vaegte = {n.id: vaegte_fra_andele(n.andele) for n in noegler}
    konti: list[Kontoresultat] = []
    for i, k in enumerate(m.konti):
        if not k.med:
            continue
        oere = til_oere(k.budget)
        nu = {a: til_oere(v) for a, v in k.nuvaerende.items()} if k.nuvaerende else None
        w, naevner = vaegte[k.noegle]
        konti.append(Kontoresultat(i, k.konto, k.navn, k.noegle, oere, fordel_vaegte(oere, w, naevner, ids), nu))
    total = sum(k.beloeb for k in konti)
    total_fordeling = {a: sum(k.fordeling[a] for k in konti) for a in ids}
    return Fordelingsresultat(
        afdelinger=[(a.id, a.navn) for a in s.afdelinger],
        lejemaal={a.id: a.lejemaal for a in s.afdelinger},
        areal={a.id: a.areal_m2 for a in s.afdelinger},
        noegler=noegler,
        konti=konti,
        total=total,
        total_fordeling=total_fordeling,
    ), []


# -- milepæl 10: er fordelingsnøglen retvisende? -----------------------------------


@dataclass
class Timesammenligning:
    noegle: str
    grundlag: str
    medlemmer: list[str]
    timer: dict[str, Decimal]
    andele: dict[str, Fraction]  # the nøgle's shares
    timeandele: dict[str, Fraction]  # shares of registered hours
    kr_forskel: dict[str, int]  # øre: allocation by hours − allocation by nøgle, over its konti
    foreslaaet_fast: dict[str, Decimal]  # percent with 2 decimals, summing to exactly 100
    konti: list[str]


def mod_timer(
    mappe: "Samdriftsmappe", resultat: Fordelingsresultat, fra: dt.date | None = None, til: dt.date | None = None
) -> list[Timesammenligning] | str:
    reg = mappe.tidsregistrering
    if reg is None:
        return ("der er ingen tidsregistrering (tidsregistrering.csv eller tidsregistrering.xlsx); sammenligningen med timer "
                "kræver en")
    ud = []
    ids = resultat.ids
    for n in resultat.noegler:
        timer = reg.timer(set(n.medlemmer), fra, til)
        timer = {a: timer.get(a, Decimal(0)) for a in n.medlemmer}
        if sum(timer.values(), Decimal(0)) <= 0:
            continue
        timeandele = andele_fra_basis(timer)
        kr: dict[str, int] = {a: 0 for a in ids}
        konti = []
        for k in resultat.konti:
            if k.noegle != n.id:
                continue
            konti.append(k.konto)
            efter_timer = fordel_oere(k.beloeb, timeandele, ids)
            for a in ids:
                kr[a] += efter_timer[a] - k.fordeling[a]
        # suggested fast nøgle: basis points by the same largest-remainder rule, so it sums to 100,00 %
        bp = fordel_oere(10000, timeandele, ids)
        foreslaaet = {a: (Decimal(bp[a]) / 100).quantize(Decimal("0.01")) for a in n.medlemmer}
        ud.append(Timesammenligning(n.id, n.grundlag, n.medlemmer, timer, n.andele, timeandele, kr, foreslaaet, konti))
    return ud
