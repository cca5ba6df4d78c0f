"""What samdrift's own workbook invites its reader to edit besides the budgets: each afdeling's
lejemål and areal (sheet Afdelinger) and a fast nøgle's andele (sheet Fordelingsnøgler).

Read by `samdrift import budget` of the workbook, which brings the edits into samdrift.yaml and
model.yaml, and by the export, which refuses to replace a workbook with such an edit not yet
brought in. The sheets are read as samdrift wrote them: Afdelinger has Id, Navn, Lejemål and Areal
in its first four columns; Fordelingsnøgler has three columns per nøgle (grundlag, a hidden
integer column, andel), the afdelinger in the rows and order of Afdelinger (its column A refers to
them), and under the table one line per nøgle, 'id: navn', in the order of the columns.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

from samdrift_cli.fund import Fund, synlig
from samdrift_cli.identitet import normaliser

AFTRYK = "samdrift-grundlag"  # custom document property: a hash of the values below, as written
MAKS_RAEKKER = 10_000  # a samdrift has tens of afdelinger; the sheets are small


@dataclass
class Vaerdi:
    sted: str  # "Afdelinger!C2"
    vaerdi: Decimal | None  # None: the cell is empty


@dataclass
class Grundlag:
    """The editable values, keyed by afdeling id (the sheet's own Id column) and nøgle id."""

    lejemaal: dict[str, Vaerdi] = field(default_factory=dict)
    areal: dict[str, Vaerdi] = field(default_factory=dict)
    andele: dict[str, dict[str, Vaerdi]] = field(default_factory=dict)  # only fast nøgler
    navne: dict[str, str] = field(default_factory=dict)  # afdeling id -> navn, as the sheet has it
    noeglenavne: dict[str, str] = field(default_factory=dict)  # nøgle id -> navn, as the legend has it
    fund: list[Fund] = field(default_factory=list)


def som_tal(v) -> Decimal | None | str:
    """A cell (or a YAML value) as an exact number, None when empty, or its text when it is no number."""
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, (int, float)):
        if isinstance(v, float) and (v != v or v in (float("inf"), float("-inf"))):
            return str(v)
        return Decimal(repr(v)).normalize() if isinstance(v, float) else Decimal(v)
    from samdrift_cli.beloeb import dansk_tal_i_tekst

    d = dansk_tal_i_tekst(str(v))
    return str(v) if d is None else d


def vis(d: Decimal | None) -> str:
    """A value as the messages show it: 6500, 12,5, (tom)."""
    if d is None:
        return "(tom)"
    t = format(d.normalize(), "f")
    return t.replace(".", ",")


def aftryk(g: Grundlag) -> str:
    """A hash of the values (as numbers: 100 and 100.0 are one), to notice an edit."""
    def n(v: Decimal | None) -> str:
        return "" if v is None else format(v.normalize(), "f")

    dele = [f"L\t{a}\t{n(v.vaerdi)}" for a, v in sorted(g.lejemaal.items())]
    dele += [f"A\t{a}\t{n(v.vaerdi)}" for a, v in sorted(g.areal.items())]
    dele += [f"F\t{k}\t{a}\t{n(v.vaerdi)}" for k, t in sorted(g.andele.items()) for a, v in sorted(t.items())]
    return hashlib.sha256("\n".join(dele).encode("utf-8")).hexdigest()


def fra_mappen(afdelinger, noegler) -> Grundlag:
    """The values as samdrift writes them into the workbook: from samdrift.yaml's afdelinger and the
    fast nøgler of the allocation (``noegler``: Noegleresultat, with the basis per afdeling)."""
    g = Grundlag()
    for a in afdelinger:
        g.lejemaal[a.id] = Vaerdi("", Decimal(a.lejemaal))
        g.areal[a.id] = Vaerdi("", Decimal(a.areal_m2) if a.areal_m2 is not None else None)
        g.navne[a.id] = a.navn
    for n in noegler:
        if n.grundlag == "fast":
            g.andele[n.id] = {a.id: Vaerdi("", Decimal(n.basis.get(a.id, 0))) for a in afdelinger}
    return g


def laes_grundlag(bog, fil: str) -> Grundlag | None:
    """The values of an open workbook (regneark.Regneark), or None when it lacks samdrift's sheets."""
    from openpyxl.utils import get_column_letter

    ark = {a.titel: a for a in bog.ark}
    if "Afdelinger" not in ark:
        return None
    g = Grundlag()
    raekker = list(bog.raekker(ark["Afdelinger"], MAKS_RAEKKER))
    if not raekker or [normaliser(str(x or "")) for x in raekker[0][:3]] != ["id", "navn", "lejemål"]:
        return None

    def tal(v, sted: str, hvad: str, heltal: bool = False) -> Vaerdi | None:
        """A cell's value; lejemål a whole number above 0 (as samdrift.yaml's), areal and andele 0 or more."""
        t = som_tal(v)
        if heltal and t is None:
            t = str(v)
        if isinstance(t, str) or (t is not None and (t < 0 or (heltal and (t <= 0 or t != t.to_integral_value())))):
            g.fund.append(Fund(f"{fil}:{sted}", None, None, "fejl",
                               f"{hvad} skal være {'et helt tal over 0' if heltal else 'et tal på 0 eller mere'}, "
                               f"ikke '{synlig('' if v is None else str(v))}'"))
            return None
        return Vaerdi(sted, t)

    for i, r in enumerate(raekker[1:], start=2):
        celle = (lambda k: r[k] if k < len(r) else None)
        afd = str(celle(0) or "").strip()
        if not afd:
            break  # the table ends at the first row without an id (the 'I alt' row follows a blank one)
        navn = str(celle(1) or afd).strip()
        g.navne[afd] = navn
        if (v := tal(celle(2), f"Afdelinger!C{i}", f"lejemål for {navn}", heltal=True)) is not None:
            g.lejemaal[afd] = v
        if (v := tal(celle(3), f"Afdelinger!D{i}", f"areal for {navn}")) is not None:
            g.areal[afd] = v
    if "Fordelingsnøgler" not in ark:
        return g
    raekker = list(bog.raekker(ark["Fordelingsnøgler"], MAKS_RAEKKER))
    # the afdelinger are in the rows of the sheet Afdelinger, in its order, then 'I alt'
    rk = list(enumerate(g.navne, start=1))
    slut = len(rk) + 1
    # the legend 'id: navn' two rows under 'I alt', one line per nøgle in the order of their columns
    for j, r in enumerate(raekker[slut + 2:]):
        tekst = str((r[0] if r else None) or "")
        if ": " not in tekst:
            break
        noegle, g.noeglenavne[noegle] = tekst.split(": ", 1)[0], tekst.split(": ", 1)[1]
        k0 = 1 + 3 * j
        hoved = normaliser(str(raekker[0][k0] if k0 < len(raekker[0]) else "") or "")
        if not hoved.endswith("faste procentandele") and not hoved.startswith("faste procentandele"):
            continue
        kol = get_column_letter(k0 + 1)
        andele = {}
        for i, afd in rk:
            r = raekker[i] if i < len(raekker) else []
            v = tal(r[k0] if k0 < len(r) else None, f"Fordelingsnøgler!{kol}{i + 1}",
                    f"andelen for {g.navne[afd]} i nøglen '{g.noeglenavne[noegle]}'")
            if v is not None:
                andele[afd] = Vaerdi(v.sted, v.vaerdi if v.vaerdi is not None else Decimal(0))
        g.andele[noegle] = andele
    return g


def forskelle(laest: Grundlag, mappen: Grundlag) -> list[str]:
    """Each cell of ``laest`` whose value is not the folder's: 'Afdelinger!C2: lejemål for Æblegården 100 → 110'."""
    ud = []
    for hvad, l, m in (("lejemål", laest.lejemaal, mappen.lejemaal), ("areal", laest.areal, mappen.areal)):
        for a, v in l.items():
            if a in m and v.vaerdi != m[a].vaerdi:
                ud.append(f"{v.sted}: {hvad} for {laest.navne.get(a, a)} {vis(m[a].vaerdi)} → {vis(v.vaerdi)}")
    for n, t in laest.andele.items():
        for a, v in t.items():
            gammel = mappen.andele.get(n, {}).get(a)
            if gammel is not None and v.vaerdi != gammel.vaerdi:
                ud.append(f"{v.sted}: andelen for {laest.navne.get(a, a)} i nøglen '{laest.noeglenavne.get(n, n)}' "
                          f"{vis(gammel.vaerdi)} → {vis(v.vaerdi)}")
    return ud
