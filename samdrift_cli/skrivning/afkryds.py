"""``samdrift afkryds``: record an opgave/leverance in milepaele.yaml without hand-editing YAML.

Round-trip with ruamel.yaml keeps every comment, key order and quoting; only the lines that
record the new facts change. The result is validated before it is written atomically.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from samdrift_cli.fund import Fund, SamdriftFejl, Udfald
from samdrift_cli.milepaele.katalog import KATALOG

FILNAVN = "milepaele.yaml"


def _fejl(besked: str, fil: str = "afkryds") -> SamdriftFejl:
    return SamdriftFejl([Fund(fil, None, None, "fejl", besked)])


def afkryds(
    mappe: Path,
    nr: int,
    opgave: int | None,
    leverance: int | None,
    dato: str | None,
    af: str | None,
    referat: str | None,
    beslutning: str | None,
    bemaerkning: str | None,
    fortryd: bool = False,
) -> Udfald:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from samdrift_cli.skemaer.vaerdier import parse_dato
    from samdrift_cli.atomisk import skriv_atomisk

    if not (mappe / "samdrift.yaml").is_file():
        raise _fejl(f"{mappe} er ikke en samdrift-mappe (samdrift.yaml mangler)")
    if (opgave is None) == (leverance is None):
        raise _fejl("angiv præcis én af --opgave N og --leverance N")
    art, i = ("opgaver", opgave) if opgave is not None else ("leverancer", leverance)
    kat = KATALOG[nr - 1]
    titler = kat.opgaver if art == "opgaver" else kat.leverancer
    if not 1 <= i <= len(titler):
        hvad = "opgave" if art == "opgaver" else "leverance"
        liste = "; ".join(f"{n}: {t}" for n, t in enumerate(titler, start=1))
        raise _fejl(f"milepæl {nr} har ingen {hvad} nr. {i} ({liste})")
    dag = dt.date.today()
    if dato is not None:
        try:
            dag = parse_dato(dato)
        except Exception:
            raise _fejl(f"'{dato}' er ikke en gyldig dato; skriv ÅÅÅÅ-MM-DD, fx 2026-03-14")
    advarsler = []
    if dag > dt.date.today():
        advarsler.append(Fund(FILNAVN, None, None, "advarsel", f"datoen {dag.isoformat()} ligger i fremtiden"))

    fil = mappe / FILNAVN
    yaml, data, original = _laes_rundtur(fil)
    liste = data.get("milepaele")
    if liste is None or (isinstance(liste, list) and not liste and getattr(liste.fa, "flow_style", lambda: False)()):
        ny = CommentedSeq()
        ny.fa.set_block_style()
        data["milepaele"] = liste = ny
    if not isinstance(liste, list):
        raise _fejl("'milepaele' skal være en liste; ret filen først ('samdrift check')", FILNAVN)
    post = next((m for m in liste if isinstance(m, dict) and m.get("nr") == nr), None)
    if post is None:
        if fortryd:
            raise _fejl(f"milepæl {nr} har ingen registreringer at fortryde", FILNAVN)
        post = CommentedMap([("nr", nr)])
        plads = sum(1 for m in liste if isinstance(m, dict) and isinstance(m.get("nr"), int) and m["nr"] < nr)
        liste.insert(plads, post)
    reg_liste = post.get(art)
    if reg_liste is None or (isinstance(reg_liste, list) and not reg_liste):
        ny = CommentedSeq()
        ny.fa.set_block_style()
        post[art] = reg_liste = ny
    reg = next((r for r in reg_liste if isinstance(r, dict) and r.get("nr") == i), None)
    hvad = f"milepæl {nr}, {'opgave' if art == 'opgaver' else 'leverance'} {i}"
    if fortryd:
        if reg is None:
            raise _fejl(f"{hvad} er ikke afkrydset", FILNAVN)
        reg_liste.remove(reg)
        dag = reg.get("dato")
    else:
        if reg is None:
            reg = CommentedMap([("nr", i)])
            plads = sum(1 for r in reg_liste if isinstance(r, dict) and isinstance(r.get("nr"), int) and r["nr"] < i)
            reg_liste.insert(plads, reg)
        if reg.get("udfoert") is False:
            reg["udfoert"] = True
        reg["dato"] = dag
        for noegle, vaerdi in (("af", af), ("referat", referat), ("beslutning", beslutning), ("bemaerkning", bemaerkning)):
            if vaerdi is not None:
                reg[noegle] = vaerdi
    ud = io.StringIO()
    yaml.dump(data, ud)
    tekst = ud.getvalue()
    _valider(mappe, tekst)
    skriv_atomisk(fil, tekst)
    handling = "fjernede" if fortryd else "registrerede"
    hvornaar = f" ({dag.isoformat() if isinstance(dag, dt.date) else dag})" if dag else ""
    return Udfald([f"{handling} {hvad}: {titler[i - 1]}{hvornaar} i {FILNAVN}"], advarsler)


def _laes_rundtur(fil: Path):
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.util import load_yaml_guess_indent

    from samdrift_cli.indlaesning.yamlkilde import laes_yaml

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    if not fil.exists():
        from samdrift_cli.skabeloner import skabelonmappe

        tekst = (skabelonmappe() / "init" / FILNAVN).read_text(encoding="utf-8")
        yaml.indent(mapping=2, sequence=4, offset=2)
        return yaml, yaml.load(tekst), None
    dok = laes_yaml(fil, FILNAVN)
    if dok.fund:
        raise SamdriftFejl(dok.fund)
    from pydantic import ValidationError

    from samdrift_cli.skemaer.milepaele import MilepaeleFil
    from samdrift_cli.indlaesning.valideringsfejl import fund_fra_validering

    try:
        MilepaeleFil.model_validate(dok.data)
    except ValidationError as e:
        raise SamdriftFejl(fund_fra_validering(dok, e, MilepaeleFil))
    # ruamel guesses the sequence indent and the dash offset; mappings are indented by their difference
    _, sekvens, forskydning = load_yaml_guess_indent(dok.tekst)
    sekvens = sekvens or 4
    forskydning = forskydning if forskydning is not None else 2
    yaml.indent(mapping=max(sekvens - forskydning, 2), sequence=sekvens, offset=forskydning)
    data = yaml.load(dok.tekst)
    if not isinstance(data, CommentedMap):  # pragma: no cover - laes_yaml already refused
        raise _fejl("filen skal indeholde en tabel", FILNAVN)
    return yaml, data, dok.tekst


def _valider(mappe: Path, tekst: str) -> None:
    from pydantic import ValidationError

    from samdrift_cli.skemaer.milepaele import MilepaeleFil
    from samdrift_cli.indlaesning.yamlkilde import YamlDokument, parse_yaml

    dok = YamlDokument(navn=FILNAVN, sti=mappe / FILNAVN, tekst=tekst)
    parse_yaml(dok)
    try:
        if dok.fund:
            raise SamdriftFejl(dok.fund)
        MilepaeleFil.model_validate(dok.data)
    except (ValidationError, SamdriftFejl):  # pragma: no cover - would be a bug in afkryds
        raise _fejl("den nye milepaele.yaml ville blive ugyldig; intet er ændret", FILNAVN)
