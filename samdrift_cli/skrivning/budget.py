"""`samdrift import budget FIL`: budgets from an Excel workbook or a CSV file into model.yaml, in place.

The file is what the administration systems give (Unik Bolig's "Kopier alt til Excel", budget
exports from KMD or Navision, a spreadsheet made by hand) or samdrift's own workbook: a title row
or two, a header with Danish names (Konto, Navn/Tekst, Budget/Beløb), blank rows and a total row.
Each line's budget is set on the matching konto of model.yaml with a ruamel round-trip: every
comment, the order and the formatting of everything else stay. On any error nothing is written.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from samdrift_cli.beloeb import BeloebFejl, dansk_beloeb, parse_beloeb, til_oere
from samdrift_cli.fund import Fund, SamdriftFejl, Udfald, synlig
from samdrift_cli.identitet import normaliser
from samdrift_cli.indlaesning.budgetfil import kortlaeg, laes_linjer, ren_navn
from samdrift_cli.skemaer.felter import AFDELINGER

MODELFIL = "model.yaml"
_ORD = {"budget": "budget", "regnskab": "regnskab", "nuvaerende": "beløb"}  # what a konto line has none of


def _yaml_beloeb(d: Decimal) -> Decimal:
    """An amount as it is written into model.yaml: a plain YAML number with two decimals."""
    return d.quantize(Decimal("0.01"))


def _aar_i_modellen(mappe: Path) -> int | None:
    """oekonomi.regnskabsaar of model.yaml as it is (the year of the konto lines' 'budget')."""
    from samdrift_cli.indlaesning.yamlkilde import laes_yaml

    dok = laes_yaml(mappe / MODELFIL, MODELFIL)
    o = dok.data.get("oekonomi") if isinstance(dok.data, dict) else None
    aar = str(o.get("regnskabsaar") or "").strip() if isinstance(o, dict) else ""
    return int(aar) if aar.isascii() and aar.isdigit() and len(aar) == 4 else None


def importer_budget(mappe: Path, sti: Path, ark: str | None, vis: bool, tilfoej: bool,
                    kol_konto: str | None, kol_navn: str | None, kol_budget: str | None, aar: int | None = None,
                    art: str = "budget") -> Udfald:
    """Budgets (``art`` "budget"), a regnskabsår's actual costs ("regnskab", with ``aar``) or each
    afdeling's costs today ("nuvaerende": a column or a sheet per afdeling) into model.yaml's konto
    lines: the budget of oekonomi.regnskabsaar (or with no year) in ``budget``, another year's in
    ``budgetter``, a regnskab in ``regnskab``, today's in ``nuvaerende``."""
    from samdrift_cli.skemaer.model import ModelFil
    from samdrift_cli.skrivning.rundtur import kontekst, rediger

    if not (mappe / "samdrift.yaml").is_file():
        raise SamdriftFejl([Fund(str(mappe), None, None, "fejl", "er ikke en samdrift-mappe (samdrift.yaml mangler)")])
    if not sti.exists():
        raise SamdriftFejl([Fund(str(sti), None, None, "fejl", "filen findes ikke")])
    opslag = kontekst(mappe / MODELFIL, MODELFIL, None).get(AFDELINGER, {})
    if art == "nuvaerende" and (kol_budget is not None or aar is not None):
        raise SamdriftFejl([Fund("--nuvaerende", None, None, "fejl", "læser en kolonne eller et ark pr. afdeling og bruges "
                                                                     "ikke sammen med --kolonne-budget eller --aar")])
    if art == "nuvaerende":
        laesninger = [(laes_linjer(sti, a, kol_konto, kol_navn, k), "nuvaerende", afd, f" ({navn}, i dag)")
                      for afd, navn, a, k in _kolonner_pr_afdeling(mappe, sti, ark)]
    else:
        if art == "regnskab":
            felt, aarsnoegle = "regnskab", aar
        elif aar is not None and (model_aar := _aar_i_modellen(mappe)) is not None and model_aar != aar:
            felt, aarsnoegle = "budgetter", aar
        else:
            felt, aarsnoegle = "budget", None
        laesninger = [(laes_linjer(sti, ark, kol_konto, kol_navn, kol_budget, aar, art), felt, aarsnoegle, "")]
    fund: list[tuple[int, Fund]] = [f for laest, *_ in laesninger for f in laest.fund]
    kort = _kontokort(mappe)
    kortlagt: list[list[str]] = []
    for laest, *_ in laesninger:
        laest.linjer, hvad_ = kortlaeg(laest.linjer, kort)
        kortlagt.append(hvad_)
    aendringer: list[str] = []
    advarsler: list[Fund] = list({(f.fil, f.besked): f for laest, *_ in laesninger for f in laest.advarsler}.values())
    uaendrede = 0
    with rediger(mappe / MODELFIL, MODELFIL, ModelFil, skriv=not vis) as rt:
        konti = rt.data.get("konti")
        if konti is None:
            from ruamel.yaml.comments import CommentedSeq

            konti = CommentedSeq()
            rt.data["konti"] = konti
        for laest, felt, noegle, etiket in laesninger:
            a, u = _saet_linjer(konti, laest, felt, noegle, etiket, opslag, tilfoej, sti, art, fund, advarsler)
            aendringer += a
            uaendrede += u
        grundlag = _projektmappens_grundlag(sti) if art == "budget" and ark is None else None
        if grundlag is not None:
            fund.extend((10**9, f) for f in grundlag.fund)
            aendringer_grundlag = _saet_andele(rt.data, grundlag, mappe, fund, sti.name)
        if fund:  # a row wrong for every afdeling's column is told once
            raise SamdriftFejl(list({(f.fil, f.besked): f for _, f in sorted(fund, key=lambda x: x[0])}.values()))
        if grundlag is not None:  # inside model.yaml's edit: on any error neither file is written
            aendringer_grundlag = _saet_afdelinger(mappe, grundlag, vis) + aendringer_grundlag
    antal = sum(len(laest.linjer) for laest, *_ in laesninger)
    if not antal:
        raise SamdriftFejl([Fund(sti.name, None, None, "fejl", f"filen har ingen {'regnskabslinjer' if art == 'regnskab' else 'budgetlinjer'} under overskriftsrækken")])
    linjer_ud = []
    for (laest, felt, noegle, etiket), hvad_ in zip(laesninger, kortlagt):
        hvor = f"{felt}" if noegle is None else f"{felt} for {noegle}"
        linjer_ud.append(f"læste {sti.name}{etiket}: {laest.kilde} (i model.yaml: {hvor})")
        linjer_ud += hvad_
    linjer_ud += aendringer
    hvad = "ville ændre" if vis else "ændrede"
    linjer_ud.append(f"{hvad} {len(aendringer)} af {antal} {'beløb' if art == 'nuvaerende' else 'konti'} i {MODELFIL}"
                     + (f" ({uaendrede} uændrede)" if uaendrede else "")
                     + (" (--vis: intet er skrevet)" if vis else ""))
    if grundlag is not None:
        linjer_ud += aendringer_grundlag
        linjer_ud.append((f"{hvad} {len(aendringer_grundlag)} {'værdi' if len(aendringer_grundlag) == 1 else 'værdier'} "
                          "af lejemål, areal og andele i samdrift.yaml og model.yaml" if aendringer_grundlag else
                          "lejemål, areal og andele i arkene Afdelinger og Fordelingsnøgler er som i mappen")
                         + (" (--vis: intet er skrevet)" if vis and aendringer_grundlag else ""))
    return Udfald(linjer_ud, advarsler)


def _kontokort(mappe: Path) -> list:
    """The lines of kontokort.yaml, [] when there is none; its errors stop the import."""
    from pydantic import ValidationError

    from samdrift_cli.indlaesning.valideringsfejl import fund_fra_validering
    from samdrift_cli.indlaesning.yamlkilde import laes_raa, laes_yaml
    from samdrift_cli.skemaer.kontokort import KontokortFil

    fil = mappe / "kontokort.yaml"
    if not fil.exists():
        return []
    raa, fund = laes_raa(fil, fil.name)
    if raa is None:
        raise SamdriftFejl(fund)
    dok = laes_yaml(fil, fil.name, raa)
    if dok.fund:
        raise SamdriftFejl(dok.fund)
    try:
        return KontokortFil.model_validate(dok.data).kort
    except ValidationError as e:
        raise SamdriftFejl(fund_fra_validering(dok, e, KontokortFil))


def _kolonner_pr_afdeling(mappe: Path, sti: Path, ark: str | None) -> list[tuple[str, str, str | None, str | None]]:
    """Where each afdeling's costs today are in ``sti``: (id, navn, sheet, column). One sheet per
    afdeling (named by its navn or id; its budget column is read as a budget is), else one column
    per afdeling (headed by its navn or id) on the sheet that has them. Every afdeling must have one."""
    from samdrift_cli.skrivning.rundtur import kontekst
    from samdrift_cli.skemaer.felter import AFDELINGSPAR

    par = kontekst(mappe / MODELFIL, MODELFIL, None).get(AFDELINGSPAR, [])
    if not par:
        raise SamdriftFejl([Fund("samdrift.yaml", None, None, "fejl", "afdelingerne kan ikke læses; ret samdrift.yaml først")])
    if ark is None and sti.suffix.lower() in (".xlsx", ".xlsm"):
        from samdrift_cli.indlaesning.budgetfil import MAKS_STOERRELSE
        from samdrift_cli.indlaesning.regneark import Regneark
        from samdrift_cli.indlaesning.yamlkilde import laes_raa

        raa, fund = laes_raa(sti, sti.name, MAKS_STOERRELSE)
        if raa is None:
            raise SamdriftFejl(fund)
        bog = Regneark(raa, sti.name)
        titler = {normaliser(a.titel): a.titel for a in bog.ark}
        bog.luk()
        pr_ark = [(i, n, titler.get(normaliser(n)) or titler.get(normaliser(i))) for i, n in par]
        if all(t for *_, t in pr_ark):
            return [(i, n, t, None) for i, n, t in pr_ark]
        if any(t for *_, t in pr_ark):
            mangler = ", ".join(n for i, n, t in pr_ark if not t)
            raise SamdriftFejl([Fund(sti.name, None, None, "fejl", f"projektmappen har et ark for nogle afdelinger, men intet for "
                                                                    f"{mangler}; giv hver afdeling sit ark (arkets navn: afdelingens navn)")])
    ud, mangler = [], []
    for i, n in par:
        for kolonne in dict.fromkeys((n, i)):
            try:
                laes_linjer(sti, ark, None, None, kolonne)
            except SamdriftFejl:
                continue
            ud.append((i, n, ark, kolonne))
            break
        else:
            mangler.append(n)
    if mangler:
        raise SamdriftFejl([Fund(sti.name, None, None, "fejl",
                                 f"fandt ingen kolonne for {' og '.join(mangler)}; med --nuvaerende skal filen have en kolonne pr. "
                                 "afdeling med afdelingens navn eller id som overskrift (eller et ark pr. afdeling)")])
    return ud


def _saet_linjer(konti, laest, felt: str, aarsnoegle, etiket: str, opslag: dict, tilfoej: bool, sti: Path, art: str,
                 fund: list, advarsler: list) -> tuple[list[str], int]:
    """One read file's lines onto model.yaml's konto lines (``felt``, under ``aarsnoegle``: a year, an
    afdeling's id, or None); returns what changed and how many were already so."""
    import difflib

    from ruamel.yaml.comments import CommentedMap

    def samme(n) -> bool:  # a key of the table: a year, or an afdeling by id or navn
        return str(n) == str(aarsnoegle) or (felt == "nuvaerende" and opslag.get(normaliser(str(n))) == aarsnoegle)

    def hent(k):
        if aarsnoegle is None:
            return k.get(felt)
        tabel = k.get(felt)
        if not isinstance(tabel, dict):
            return None
        return next((v for n, v in tabel.items() if samme(n)), None)

    def saet(k, beloeb) -> None:
        if aarsnoegle is None:
            k[felt] = beloeb
            return
        tabel = k.get(felt)
        if not isinstance(tabel, dict):
            tabel = CommentedMap()
            tabel.fa.set_flow_style()
            k[felt] = tabel
        for n in list(tabel):
            if samme(n):
                tabel[n] = beloeb
                return
        tabel[aarsnoegle] = beloeb

    aendringer: list[str] = []
    uaendrede = 0
    linjer, har_navn = laest.linjer, laest.har_navn
    brugt: dict[int, str] = {}
    for ln in linjer:
        kandidater = [k for k in konti if isinstance(k, dict) and normaliser(str(k.get("konto", ""))) == normaliser(ln.konto)]
        valgt = kandidater
        if har_navn and ln.navn and len(kandidater) > 1:
            valgt = [k for k in kandidater if ren_navn(str(k.get("navn") or "")) == ren_navn(ln.navn)]
        if len(valgt) > 1:
            fund.append((ln.linje - 1, Fund(ln.sted, None, None, "fejl",
                             f"konto {synlig(ln.konto)} står {len(valgt)} gange i model.yaml"
                             + (f" med navnet '{synlig(ln.navn)}'" if har_navn and ln.navn else "")
                             + "; giv linjerne forskellige navne, så de kan skelnes")))
            continue
        if not valgt:
            if kandidater and not tilfoej:
                navne = [str(k.get("navn") or "") for k in kandidater]
                naermeste = difflib.get_close_matches(ln.navn or "", navne, n=3, cutoff=0) or navne[:3]
                fund.append((ln.linje - 1, Fund(ln.sted, None, None, "fejl",
                                 f"konto {synlig(ln.konto)} '{synlig(ln.navn or '')}' passer ikke med navnene i model.yaml; "
                                 f"nærmest er {', '.join(repr(synlig(n)) for n in naermeste)}; ret navnet, eller tilføj "
                                 "linjen med --tilfoej")))
                continue
            if not tilfoej:
                fund.append((ln.linje - 1, Fund(ln.sted, None, None, "fejl",
                                 f"konto {synlig(ln.konto)}{' ' + repr(synlig(ln.navn)) if ln.navn else ''} findes ikke i "
                                 "model.yaml; brug --tilfoej for at tilføje den med 'med: false'")))
                continue
            ny = CommentedMap([("konto", int(ln.konto) if ln.konto.isascii() and ln.konto.isdigit() else ln.konto)])
            if ln.navn:
                ny["navn"] = ln.navn
            ny["med"] = False
            saet(ny, _yaml_beloeb(ln.beloeb))
            # a new line under a known number goes after the lines with that number, and says where it is from
            plads = max((i for i, k in enumerate(konti) if k in kandidater), default=len(konti) - 1) + 1
            konti.insert(plads, ny)
            ny.yaml_add_eol_comment(f"tilføjet af samdrift import fra {sti.name}", "med")
            aendringer.append(f"tilføjede konto {ln.konto}{' ' + ln.navn if ln.navn else ''}: "
                              f"{dansk_beloeb(til_oere(ln.beloeb))} (med: false)")
            continue
        k = valgt[0]
        if id(k) in brugt:
            fund.append((ln.linje - 1, Fund(ln.sted, None, None, "fejl",
                             f"konto {synlig(ln.konto)} står to gange i filen (også {brugt[id(k)]})")))
            continue
        brugt[id(k)] = ln.sted
        gammel = hent(k)
        try:
            foer = parse_beloeb(Decimal(str(gammel)) if isinstance(gammel, (int, float)) else gammel) if gammel is not None else None
        except BeloebFejl:
            foer = None
        if foer is not None and foer == ln.beloeb:
            uaendrede += 1
            continue
        saet(k, _yaml_beloeb(ln.beloeb))
        navn = f" {k.get('navn')}" if k.get("navn") else ""
        if har_navn and ln.navn and k.get("navn") and ren_navn(ln.navn) != ren_navn(str(k.get("navn"))):
            advarsler.append(Fund(ln.sted, None, None, "advarsel",
                                  f"konto {synlig(ln.konto)} hedder '{synlig(ln.navn)}' i filen og '{synlig(str(k.get('navn')))}' i "
                                  "model.yaml; beløbet er sat på den, da det er den eneste linje med det nummer"))
        if art == "budget" and k.get("med") is not True and str(k.get("med")).lower() not in ("ja", "x", "true"):
            advarsler.append(Fund(ln.sted, None, None, "advarsel",
                                  f"konto {synlig(ln.konto)}{navn} indgår ikke i fordelingen (med: false); sæt med: true, "
                                  "hvis den skal"))
        aendringer.append(f"konto {ln.konto}{navn}{etiket}: "
                          f"{dansk_beloeb(til_oere(foer)) if foer is not None else f'(intet {_ORD[art]})'} → "
                          f"{dansk_beloeb(til_oere(ln.beloeb))}")
    return aendringer, uaendrede


def _projektmappens_grundlag(sti: Path):
    """Lejemål, areal and andele of samdrift's own workbook, or None for another file."""
    from samdrift_cli.indlaesning.budgetfil import MAKS_STOERRELSE
    from samdrift_cli.indlaesning.projektmappe import laes_grundlag
    from samdrift_cli.indlaesning.regneark import Regneark
    from samdrift_cli.indlaesning.yamlkilde import laes_raa

    if sti.suffix.lower() not in (".xlsx", ".xlsm"):
        return None
    raa, fund = laes_raa(sti, sti.name, MAKS_STOERRELSE)
    if raa is None:
        raise SamdriftFejl(fund)
    bog = Regneark(raa, sti.name)
    try:
        return laes_grundlag(bog, sti.name)
    finally:
        bog.luk()


def _tal_i_yaml(d: Decimal):
    """A number as it is written into YAML: 6500, not 6500.0; 12.5 as it is."""
    d = d.normalize()
    return int(d) if d == d.to_integral_value() else d


def _saet_andele(data, g, mappe: Path, fund: list, fil: str) -> list[str]:
    """The workbook's andele of each fast nøgle onto model.yaml's ``data``, keyed as the file has
    them (an afdeling by id or navn); returns what changed, and adds to ``fund`` an andel table that
    does not sum to 100."""
    from ruamel.yaml.comments import CommentedMap

    from samdrift_cli.indlaesning.projektmappe import som_tal, vis as vis_tal
    from samdrift_cli.skrivning.rundtur import kontekst
    from samdrift_cli.skemaer.felter import AFDELINGER

    opslag = kontekst(mappe / MODELFIL, MODELFIL, None).get(AFDELINGER, {})
    aendringer = []
    for n in data.get("fordelingsnoegler") or []:
        if not isinstance(n, dict) or str(n.get("id")) not in g.andele:
            continue
        nid, nye = str(n.get("id")), g.andele[str(n.get("id"))]
        andele = n.get("andele")
        if not isinstance(andele, dict):
            andele = CommentedMap()
            andele.fa.set_flow_style()
            n["andele"] = andele
        noegler = {opslag.get(normaliser(str(k)), str(k)): k for k in andele}
        for afd, v in nye.items():
            foer = som_tal(andele.get(noegler[afd])) if afd in noegler else None
            foer = foer if isinstance(foer, Decimal) else None
            if foer is None and v.vaerdi == 0 and afd not in noegler:
                continue  # not in the nøgle, and still 0
            if foer is not None and foer == v.vaerdi:
                continue
            andele[noegler.get(afd, afd)] = _tal_i_yaml(v.vaerdi)
            aendringer.append(f"{v.sted}: andelen for {g.navne.get(afd, afd)} i nøglen '{g.noeglenavne.get(nid, nid)}' "
                              f"{vis_tal(foer)} → {vis_tal(v.vaerdi)}")
        if nye and (i_alt := sum((v.vaerdi for v in nye.values()), Decimal(0))) != 100:
            foerste = next(iter(nye.values())).sted
            fund.append((10**9, Fund(f"{fil}:{foerste}", None, None, "fejl",
                                     f"andelene i nøglen '{g.noeglenavne.get(nid, nid)}' summer til {vis_tal(i_alt)} %; de skal summe til 100 % "
                                     f"({', '.join(v.sted.split('!')[1] for v in nye.values())})")))
    return aendringer


def _saet_afdelinger(mappe: Path, g, vis: bool) -> list[str]:
    """The workbook's lejemål and areal onto samdrift.yaml; returns what changed."""
    from samdrift_cli.indlaesning.projektmappe import som_tal, vis as vis_tal
    from samdrift_cli.skemaer.samdrift import SamdriftFil
    from samdrift_cli.skrivning.rundtur import rediger

    aendringer = []
    with rediger(mappe / "samdrift.yaml", "samdrift.yaml", SamdriftFil, skriv=not vis) as rt:
        for a in rt.data.get("afdelinger") or []:  # valid: the edit validated the file before yielding it
            for hvad, felt, tabel in (("lejemål", "lejemaal", g.lejemaal), ("areal", "areal_m2", g.areal)):
                v = tabel.get(str(a.get("id")))
                nu = som_tal(a.get(felt))
                if v is None or v.vaerdi == nu:
                    continue
                if v.vaerdi is None:
                    del a[felt]
                else:
                    a[felt] = _tal_i_yaml(v.vaerdi)
                aendringer.append(f"{v.sted}: {hvad} for {a.get('navn')} {vis_tal(nu)} → {vis_tal(v.vaerdi)}")
    return aendringer



