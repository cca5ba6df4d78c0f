"""A budget file as lines: an Excel workbook or a CSV file as the administration systems give it.

Read by `samdrift import budget` and by the export, which refuses to overwrite a workbook whose
budgets an economist has edited. A title row or two, a header with Danish names (Konto, Navn/Tekst,
Budget/Beløb), blank rows and a total row are expected; a formula without a stored value is an
error, never 0.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from samdrift_cli.beloeb import BeloebFejl, dansk_beloeb, dansk_heltal, parse_beloeb, til_oere
from samdrift_cli.fund import Fund, SamdriftFejl, styretegn, synlig
from samdrift_cli.identitet import mente_du, normaliser
from samdrift_cli.indlaesning.tekstfil import TOTALRAEKKE, UTF16Fil, csv_tekst

HOVED_SOEGES = 30  # the header is found among the first rows
MAKS_RAEKKER = 100_000  # rows of a budget file, blank ones included; a kontoplan has a few hundred
MAKS_STOERRELSE = 20 * 1024 * 1024  # bytes of a budget file (xlsx or csv)

# Danish column names, as normalised text (NFC, case folded, no punctuation at the ends)
KONTO = re.compile(r"^(konto|kontonr|kontonummer|konto ?nr|kontonr\.?)$")
NAVN = re.compile(r"^(navn|tekst|kontonavn|kontotekst|betegnelse|beskrivelse|konto ?navn)$")
BUDGET = re.compile(r"^(budget|beløb|beloeb|budget ?\d{4}(/\d{2,4})?|budgetbeløb|budget,? kr\.?|beløb,? kr\.?|budget i kr\.?"
                    r"|budget ?\d{4},? kr\.?)$")
REGNSKAB = re.compile(r"^(regnskab|faktisk|forbrug|realiseret|faktisk forbrug|regnskab ?[0-9]{4}(/[0-9]{2,4})?"
                      r"|regnskab,? kr\.?|regnskab ?[0-9]{4},? kr\.?|faktisk ?[0-9]{4}|forbrug ?[0-9]{4})$")
_KOLONNE = {"budget": "budgetkolonne", "regnskab": "regnskabskolonne"}  # Danish compounds: with and without 's'
_AAR = re.compile(r"(?<![0-9])(\d{4})(?![0-9])", re.ASCII)
_CIFFER = re.compile(r"[0-9]")


def ren_navn(navn: str) -> str:
    """A konto's name as it is compared: no punctuation, one blank between words ('Løn
    ejendomsfunktionærer' is 'Løn, ejendomsfunktionærer')."""
    return " ".join(re.sub(r"[^\w ]+", " ", normaliser(navn)).split())


@dataclass
class Linje:
    sted: str  # "budget.csv:17" or "budget.xlsx:Budget!A17"
    fil: str
    linje: int
    konto: str
    navn: str | None
    beloeb: Decimal
    beloeb_sted: str = ""  # the amount's cell: "budget.xlsx:Budget!D17" (a CSV: its line)


def _fra_passer(regel, ln: Linje) -> bool:
    fra = normaliser(regel.fra)
    nummer = normaliser(ln.konto).startswith(fra[:-1]) if fra.endswith("*") else normaliser(ln.konto) == fra
    return nummer and (regel.fra_navn is None or (ln.navn is not None and ren_navn(ln.navn) == ren_navn(regel.fra_navn)))


def kortlaeg(linjer: list[Linje], kort: list) -> tuple[list[Linje], list[str]]:
    """Each line through kontokort.yaml (``kort``, its lines; the first that fits): it takes the
    model.yaml konto and navn of the rule. Lines that land on one model line are summed into one, in
    the place of the first. Returns the lines and, per model line, a sentence saying what was mapped."""
    ud: list[Linje] = []
    samlet: dict[tuple, tuple[Linje, list[str]]] = {}
    for ln in linjer:
        regel = next((r for r in kort if _fra_passer(r, ln)), None)
        if regel is None:
            ud.append(ln)
            continue
        noegle = (normaliser(regel.til), ren_navn(regel.til_navn) if regel.til_navn else None)
        kilde = synlig(ln.konto + (f" {ln.navn}" if ln.navn else ""))
        if noegle in samlet:
            samlet[noegle][0].beloeb += ln.beloeb
            samlet[noegle][1].append(kilde)
        else:
            ny = Linje(ln.sted, ln.fil, ln.linje, regel.til, regel.til_navn, ln.beloeb)
            samlet[noegle] = (ny, [kilde])
            ud.append(ny)
    return ud, [f"kontokort.yaml: {', '.join(k)} → konto {ny.konto}{' ' + synlig(ny.navn) if ny.navn else ''}"
                + (f" (i alt {dansk_beloeb(til_oere(ny.beloeb))})" if len(k) > 1 else "")
                for ny, k in samlet.values()]


@dataclass
class Laest:
    """What was read from a budget file, and from where, so the command can say it."""

    linjer: list[Linje]
    har_navn: bool
    fund: list[tuple[int, Fund]]
    kilde: str  # "arket 'Budget', række 3, kolonne D 'Budget 2026'"
    advarsler: list[Fund]  # a subtotal that is not the sum of its lines


def _kolonne(hoved: list[str], moenster: re.Pattern, valgt: str | None) -> int | None:
    if valgt is not None:
        m = normaliser(valgt)
        return next((i for i, h in enumerate(hoved) if h == m), None)
    return next((i for i, h in enumerate(hoved) if moenster.match(h)), None)


def _celle_tekst(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    return str(v).strip()


def _beloeb(v) -> Decimal:
    """An amount from a cell: a number (a double from Excel, rounded to øre only when it is one) or
    Danish text."""
    if isinstance(v, bool):
        raise BeloebFejl("skal være et beløb, ikke sand/falsk")
    if isinstance(v, int):
        return parse_beloeb(v)
    if isinstance(v, float):
        if v != v or v in (float("inf"), float("-inf")):
            raise BeloebFejl("cellen er ikke et endeligt tal (uendelig eller NaN)")
        if abs(v) >= 1e13:
            raise BeloebFejl(f"beløbet {v:g} er urimeligt stort (højst 10.000.000.000.000 kr.)")
        d = Decimal(repr(v))
        rundet = d.quantize(Decimal("0.01"))
        if abs(d - rundet) > Decimal("0.000001"):
            raise BeloebFejl(f"beløbet {repr(v).replace('.', ',')} har mere end 2 decimaler; angiv det i hele øre")
        return parse_beloeb(rundet)
    return parse_beloeb(str(v))


def _csv_raekker(raa: bytes, fil: str) -> list[list]:
    """The rows of a CSV budget, streamed and stopped at :data:`MAKS_RAEKKER`."""
    try:
        tekst, _ = csv_tekst(raa)
    except UTF16Fil as e:
        raise SamdriftFejl([Fund(fil, None, None, "fejl", str(e))])
    start = "\n".join(tekst[:100_000].splitlines()[:HOVED_SOEGES])
    skilletegn = ";" if start.count(";") >= start.count(",") else ","
    laeser = csv.reader(io.StringIO(tekst, newline=""), delimiter=skilletegn)
    raekker: list[list] = []
    try:
        for r in laeser:
            if len(raekker) >= MAKS_RAEKKER:
                raise SamdriftFejl([Fund(fil, None, None, "fejl", f"filen har mere end {dansk_heltal(MAKS_RAEKKER)} linjer; "
                                                                  f"højst {dansk_heltal(MAKS_RAEKKER)} læses")])
            raekker.append(r)
    except csv.Error as e:
        graense = csv.field_size_limit()
        besked = (f"en værdi er længere end de {dansk_heltal(graense)} tegn, en værdi må have (mangler et afsluttende "
                  "anførselstegn?)" if "field larger" in str(e) else "linjen kan ikke læses som CSV (et anførselstegn "
                                                                       "står forkert)")
        raise SamdriftFejl([Fund(f"{fil}:{laeser.line_num}", None, None, "fejl", besked)])
    return raekker


def _hoved(raekke: list) -> list[str]:
    return [normaliser(_celle_tekst(v)).strip(" :") for v in raekke]


def _find_hoved(raekker: list[list], kol_konto, kol_navn, kol_budget, aar: int | None, fil: str, sted_kol,
                art: str = "budget"):
    """The header row and the columns of konto, navn and budget; refuses a choice between budget
    columns it cannot make. A header over two rows ('Budget 2026' merged over a column per afdeling and 'I
    alt', the names in the row below) is read as one: the budget is the group's 'I alt'. Returns (the last
    header row, i_konto, i_navn, i_budget, the budget column's header as shown) or None."""
    for h, raekke in enumerate(raekker[:HOVED_SOEGES]):
        hoved = _hoved(raekke)
        i_konto = _kolonne(hoved, KONTO, kol_konto)
        if i_konto is None:
            continue
        moenster = REGNSKAB if art == "regnskab" else BUDGET
        to = _to_raekker(raekker, h, i_konto, hoved, moenster)
        if to is not None:
            return to(kol_budget, kol_navn, aar, fil, sted_kol, art)
        if kol_budget is not None:
            i_budget = _kolonne(hoved, moenster, kol_budget)
            if i_budget is None:
                continue
        else:
            kandidater = [i for i, x in enumerate(hoved) if moenster.match(x)]
            if not kandidater:
                continue
            if aar is not None:
                med_aar = [i for i in kandidater if str(aar) in _AAR.findall(hoved[i])]
                if not med_aar:
                    raise SamdriftFejl([Fund(fil, None, None, "fejl", f"ingen {_KOLONNE[art]} for {aar}; {_KOLONNE[art]}rne er "
                                             + ", ".join(f"{sted_kol(h, i)} '{synlig(_celle_tekst(raekke[i]))}'" for i in kandidater))])
                kandidater = med_aar
            if len(kandidater) > 1:
                aarstal = [(_AAR.findall(hoved[i]) or [None])[0] for i in kandidater]
                valg = (f"vælg med --aar ÅÅÅÅ (fx --aar {aarstal[-1]})" if all(aarstal) and len(set(aarstal)) == len(aarstal)
                        else f"vælg med --kolonne-{art} NAVN")
                raise SamdriftFejl([Fund(fil, None, None, "fejl", f"filen har flere {_KOLONNE[art]}r: "
                                         + ", ".join(f"{sted_kol(h, i)} '{synlig(_celle_tekst(raekke[i]))}'" for i in kandidater)
                                         + f"; samdrift vælger ikke selv; {valg}")])
            i_budget = kandidater[0]
        return h, i_konto, _kolonne(hoved, NAVN, kol_navn), i_budget, _celle_tekst(raekke[i_budget])
    return None


def _to_raekker(raekker: list[list], h: int, i_konto: int, hoved: list[str], moenster):
    """When row ``h`` is the top of a header over two rows, the function that reads it; else None. The row
    below is a sub-header when its konto cell is empty and it has texts (no amounts) under a budget group."""
    if h + 1 >= len(raekker):
        return None
    under = _hoved(raekker[h + 1])
    grupper = [k for k, x in enumerate(hoved) if moenster.match(x)]
    if not grupper or (i_konto < len(under) and under[i_konto]):
        return None
    tekster = [k for k, x in enumerate(under) if x and k >= grupper[0]]
    if len(tekster) < 2 or any(_CIFFER.fullmatch(x.replace(".", "").replace(",", "")) for x in under if x):
        return None
    # each budget group spans from its header to the next header in the top row (a merged cell's others are empty)
    spaend = {}
    for g in grupper:
        slut = next((k for k in range(g + 1, max(len(hoved), len(under))) if k < len(hoved) and hoved[k]), max(len(hoved), len(under)))
        spaend[g] = list(range(g, slut))

    def laes(kol_budget, kol_navn, aar, fil, sted_kol, art):
        valgte = grupper
        if aar is not None:
            valgte = [g for g in grupper if str(aar) in _AAR.findall(hoved[g])]
        if kol_budget is not None:
            m = normaliser(kol_budget)
            i_budget = next((k for g in valgte for k in spaend[g] if k < len(under) and under[k] == m), None)
            if i_budget is None:
                return None
        else:
            totaler = [k for g in valgte for k in spaend[g] if k < len(under) and under[k] and TOTALRAEKKE.match(under[k])]
            if len(totaler) != 1:
                hvad = ", ".join(f"'{synlig(_celle_tekst(raekker[h + 1][k]))}'" for g in valgte for k in spaend[g]
                                 if k < len(under) and under[k])
                raise SamdriftFejl([Fund(fil, None, None, "fejl",
                                         f"{_KOLONNE[art]}rne {', '.join(repr(_celle_tekst(raekker[h][g])) for g in valgte)} har "
                                         f"underkolonnerne {hvad}" + ("" if totaler else " og ingen 'I alt'")
                                         + f"; vælg en med --kolonne-{art} NAVN" + ("" if aar else " eller --aar ÅÅÅÅ"))])
            i_budget = totaler[0]
        gruppe = next(g for g in grupper if i_budget in spaend[g])
        i_navn = _kolonne(hoved, NAVN, kol_navn)
        return h + 1, i_konto, i_navn, i_budget, f"{_celle_tekst(raekker[h][gruppe])} / {_celle_tekst(raekker[h + 1][i_budget])}"

    return laes


def laes_linjer(sti: Path, ark: str | None, kol_konto: str | None, kol_navn: str | None,
                kol_budget: str | None, aar: int | None = None, art: str = "budget") -> Laest:
    """The budget lines of the file, where they were read, and the findings with their row."""
    from openpyxl.utils import get_column_letter

    from samdrift_cli.indlaesning.regneark import Regneark
    from samdrift_cli.indlaesning.yamlkilde import laes_raa

    fil = sti.name
    raa, fund = laes_raa(sti, fil, MAKS_STOERRELSE)
    if raa is None:
        raise SamdriftFejl(fund)
    formler: dict[tuple[int, int], str] = {}
    endelse = sti.suffix.lower()
    arknavn = None
    if endelse in (".xlsx", ".xlsm"):
        bog = Regneark(raa, fil)
        kandidater = _valgte_ark(bog, ark, fil)
        fundet = None
        for a in kandidater:
            raekker = list(bog.raekker(a, MAKS_RAEKKER))
            sted_kol = (lambda h, i, t=a.titel: f"{t}!{get_column_letter(i + 1)}{h + 1}")
            hoved = _find_hoved(raekker, kol_konto, kol_navn, kol_budget, aar, fil, sted_kol, art)
            if hoved is not None:
                fundet = (a, raekker, hoved)
                break
        bog.luk()
        if fundet is None:
            raise _ingen_hoved(fil, kol_konto, kol_budget, [a.titel for a in kandidater] if ark is None else None, art)
        valgt, raekker, (h, i_konto, i_navn, i_budget, overskrift) = fundet
        arknavn = valgt.titel
        med_formler = Regneark(raa, fil, formler=True)
        formel_ark = next(a for a in med_formler.ark if a.titel == arknavn)
        for i, r in enumerate(med_formler.raekker(formel_ark, MAKS_RAEKKER)):
            v = r[i_budget] if i_budget < len(r) else None
            if isinstance(v, str) and v.startswith("="):
                formler[(i, i_budget)] = v
        med_formler.luk()

        def sted(i: int, k: int) -> str:
            return f"{fil}:{arknavn}!{get_column_letter(k + 1)}{i + 1}"
    elif endelse in (".csv", ".txt"):
        if ark is not None:
            raise SamdriftFejl([Fund("--ark", None, None, "fejl", "bruges kun med en Excel-projektmappe (.xlsx), ikke med "
                                                                   f"en CSV-fil som {synlig(fil)}")])
        raekker = _csv_raekker(raa, fil)
        hoved = _find_hoved(raekker, kol_konto, kol_navn, kol_budget, aar, fil,
                            lambda h, i: f"linje {h + 1}, kolonne {i + 1}", art)
        if hoved is None:
            raise _ingen_hoved(fil, kol_konto, kol_budget, None, art)
        h, i_konto, i_navn, i_budget, overskrift = hoved

        def sted(i: int, k: int) -> str:
            return f"{fil}:{i + 1}"
    else:
        raise SamdriftFejl([Fund(fil, None, None, "fejl", "filen skal være en Excel-projektmappe (.xlsx) eller en CSV-fil (.csv)")])
    if arknavn is not None:
        kilde = f"arket '{synlig(arknavn)}', række {h + 1}, kolonne {get_column_letter(i_budget + 1)} '{synlig(overskrift)}'"
    else:
        kilde = f"linje {h + 1}, kolonne {i_budget + 1} '{synlig(overskrift)}'"
    linjer: list[Linje] = []
    fund_: list[tuple[int, Fund]] = []  # (row, finding): told in the order of the rows
    advarsler: list[Fund] = []
    loebende = Decimal(0)  # the sum of the konto lines read so far
    graenser = [loebende]  # the running sum where each group began (a heading, a subtotal)
    for i in range(h + 1, len(raekker)):
        r = raekker[i]
        celle = (lambda k: r[k] if k is not None and k < len(r) else None)
        konto, navn, budget = celle(i_konto), celle(i_navn), celle(i_budget)
        k_tekst, n_tekst = _celle_tekst(konto), _celle_tekst(navn)
        for k, t in ((i_konto, k_tekst), (i_navn, n_tekst)):
            if k is not None and (besked := styretegn(t)) is not None:
                fund_.append((i, Fund(sted(i, k), None, None, "fejl", besked)))
        tekster = [normaliser(t) for t in (k_tekst, n_tekst)]
        if not _CIFFER.search(k_tekst) and any(TOTALRAEKKE.match(t) or t.endswith(" i alt") or t == "i alt" for t in tekster if t):
            # a total or subtotal row ('I alt', 'Renholdelse i alt'): it has no account number; its amount is checked
            if (b := _total(budget)) is not None and not any(f.niveau == "fejl" for _, f in fund_) \
                    and all(loebende - g != b for g in graenser):
                tekst = n_tekst or k_tekst
                fra = graenser[0] if TOTALRAEKKE.match(normaliser(tekst)) else graenser[-1]
                advarsler.append(Fund(sted(i, i_budget), None, None, "advarsel",
                                      f"'{synlig(tekst)}' er {dansk_beloeb(til_oere(b))}, men kontolinjerne over den summer til "
                                      f"{dansk_beloeb(til_oere(loebende - fra))} (forskel {dansk_beloeb(til_oere(b - loebende + fra))}); "
                                      "mangler en linje, eller står en to gange?"))
            graenser.append(loebende)
            continue
        if (i, i_budget) in formler and budget is None:
            fund_.append((i, Fund(sted(i, i_budget), None, None, "fejl",
                                  f"cellen har formlen '{synlig(formler[(i, i_budget)][:40])}', men ingen gemt værdi; åbn og gem "
                                  "filen i Excel eller LibreOffice, så værdien beregnes, og importér igen")))
            continue
        if k_tekst == "" and _celle_tekst(budget) == "":
            if n_tekst:
                graenser.append(loebende)  # a kontogruppe's heading: a subtotal below sums from here
            continue  # a blank row (or a heading inside the table)
        if k_tekst and not _CIFFER.search(k_tekst):
            graenser.append(loebende)
            continue  # no account number: a heading, a note or a per-lejemål row, not a konto
        if k_tekst == "":
            fund_.append((i, Fund(sted(i, i_konto), None, None, "fejl", f"rækken har et {art}, men intet kontonummer")))
            continue
        if not re.fullmatch(r"[0-9][0-9.\- ]*", k_tekst, re.ASCII):
            fund_.append((i, Fund(sted(i, i_konto), None, None, "fejl",
                                  f"kontonummeret '{synlig(k_tekst)}' skal skrives med cifrene 0-9 (og evt. '.' eller '-')")))
            continue
        if _celle_tekst(budget) == "":
            fund_.append((i, Fund(sted(i, i_budget), None, None, "fejl",
                                  f"konto {synlig(k_tekst)} har intet {art}; skriv 0, hvis kontoen ikke har et")))
            continue
        try:
            beloeb = _beloeb(budget)
        except BeloebFejl as e:
            fund_.append((i, Fund(sted(i, i_budget), None, None, "fejl", str(e))))
            continue
        linjer.append(Linje(sted(i, i_konto), fil, i + 1, k_tekst, n_tekst or None, beloeb, sted(i, i_budget)))
        loebende += beloeb
    return Laest(linjer, i_navn is not None, fund_, kilde, advarsler)


def _total(v) -> Decimal | None:
    """The amount of a total row, None when it has none or one that is not an amount (it is not read)."""
    if _celle_tekst(v) == "":
        return None
    try:
        return _beloeb(v)
    except BeloebFejl:
        return None


def _ingen_hoved(fil: str, kol_konto, kol_budget, ark: list[str] | None, art: str = "budget") -> SamdriftFejl:
    valgt = [x for x in (kol_konto, kol_budget) if x]
    eksempler = "Regnskab, Faktisk, Regnskab 2025" if art == "regnskab" else "Budget, Beløb, Budget 2027"
    return SamdriftFejl([Fund(fil, None, None, "fejl",
                              f"fandt ingen overskriftsrække med en kolonne for konto (Konto, Kontonr.) og en for {art} "
                              f"({eksempler}) blandt de første rækker"
                              + (f" af arkene {', '.join(repr(synlig(a)) for a in ark)}" if ark else "")
                              + (f"; kolonnerne {', '.join(repr(synlig(v)) for v in valgt)} findes ikke" if valgt else
                                 f"; vælg dem med --kolonne-konto og --kolonne-{art}"))])


def _valgte_ark(bog, navn: str | None, fil: str) -> list:
    """The sheets to look in: ``--ark`` (hidden or not), else samdrift's own Konti sheet, else the
    visible sheets in order (the first with a konto and a budget column is read)."""
    if navn is not None:
        for a in bog.ark:
            if normaliser(a.titel) == normaliser(navn):
                return [a]
        arkene = ", ".join(f"'{synlig(a.titel)}'" + ("" if a.synligt else " (skjult)") for a in bog.ark)
        raise SamdriftFejl([Fund(fil, None, None, "fejl", f"arket '{synlig(navn)}' findes ikke (arkene er: {arkene})"
                                                          f"{mente_du(navn, [a.titel for a in bog.ark])}")])
    synlige = [a for a in bog.ark if a.synligt]
    konti = [a for a in synlige if a.titel == "Konti"]
    if not synlige:
        raise SamdriftFejl([Fund(fil, None, None, "fejl", "projektmappen har kun skjulte ark; vælg et med --ark NAVN")])
    return konti or synlige
