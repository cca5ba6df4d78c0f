"""``samdrift afkryds``: record an opgave/leverance in milepaele.yaml without hand-editing YAML.

Round-trip with ruamel.yaml keeps every comment, key order and quoting; only the lines that
record the new facts change. The result is validated before it is written atomically.
"""

from __future__ import annotations

import datetime as dt
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
    from samdrift_cli.skemaer.vaerdier import parse_dato

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
    from samdrift_cli.idag import idag

    dag = idag()
    if dato is not None:
        try:
            dag = parse_dato(dato)
        except Exception:
            raise _fejl(f"'{dato}' er ikke en gyldig dato; skriv ÅÅÅÅ-MM-DD, fx 2026-03-14")
    advarsler = []
    if dag > idag():
        advarsler.append(Fund(FILNAVN, None, None, "advarsel", f"datoen {dag.isoformat()} ligger i fremtiden"))

    from samdrift_cli.skabeloner import skabelonmappe
    from samdrift_cli.skemaer.milepaele import MilepaeleFil
    from samdrift_cli.skrivning.rundtur import rediger

    skabelon = (skabelonmappe() / "init" / FILNAVN).read_text(encoding="utf-8")
    hvad = f"milepæl {nr}, {'opgave' if art == 'opgaver' else 'leverance'} {i}"
    with rediger(mappe / FILNAVN, FILNAVN, MilepaeleFil, skabelon) as rt:
        handling, var = _aendr(rt.data, nr, art, i, hvad, dag, af, referat, beslutning, bemaerkning, fortryd)
    if fortryd:
        dag = var.get("dato")
    hvornaar = f" ({dag.isoformat() if isinstance(dag, dt.date) else dag})" if dag else ""
    linje = f"{handling} {hvad}: {titler[i - 1]}{hvornaar} i {FILNAVN}"
    if handling == "opdaterede":
        foer = [f"{k} {v.isoformat() if isinstance(v, dt.date) else v}" for k, v in var.items()
                if not k.startswith("beholdt ")]
        beholdt = [f"{k.removeprefix('beholdt ')} '{v}'" for k, v in var.items() if k.startswith("beholdt ")]
        if foer:
            linje += f" (var {', '.join(foer)})"
        if beholdt:
            linje += f"; beholdt {', '.join(beholdt)}"
    from samdrift_cli.milepaele.katalog import GODKENDELSER

    if not fortryd and nr > 1:
        advarsler += _tidligere_aabne(mappe, nr)
    if not fortryd and (nr, "opgave" if art == "opgaver" else "leverance", i) not in GODKENDELSER:
        advarsler.append(Fund(FILNAVN, None, None, "advarsel",
                              f"{hvad} vurderes ud fra indholdet i filerne, ikke kun ud fra registreringen; "
                              f"'samdrift check milepael {nr}' viser, hvad der eventuelt mangler"))
    return Udfald([linje], advarsler)


def _tidligere_aabne(mappe: Path, nr: int) -> list[Fund]:
    """A warning when an earlier milestone is not reached: the registration counts, but milepæl ``nr``
    is reached only after the ones before it (the playbook's order)."""
    try:
        from samdrift_cli.indlaesning.loader import indlaes
        from samdrift_cli.milepaele.regler import vurder

        mappe_ = indlaes(mappe, med_tidsregistrering=False)
        if mappe_.samdrift is None:
            return []
        foerste = next((s for s in vurder(mappe_) if not s.naaet), None)
    except Exception:  # a folder with errors: 'samdrift check' tells them; the registration is made
        return []
    if foerste is None or foerste.milepael.nr >= nr:
        return []
    return [Fund(FILNAVN, None, None, "advarsel",
                 f"milepæl {foerste.milepael.nr} er ikke nået endnu, så milepæl {nr} kan først nås, når den er; "
                 f"'samdrift check milepael {foerste.milepael.nr}' viser, hvad der mangler")]


def _aendr(data, nr: int, art: str, i: int, hvad: str, dag, af, referat, beslutning, bemaerkning,
           fortryd: bool) -> tuple[str, dict]:
    """Change ``data`` (milepaele.yaml as ruamel read it); the action done and the values it had."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

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
    felter = ("dato", "af", "referat", "beslutning", "bemaerkning")
    if fortryd:
        if reg is None:
            raise _fejl(f"{hvad} er ikke afkrydset", FILNAVN)
        var = {k: reg.get(k) for k in felter}
        reg_liste.remove(reg)
        # no empty entries left behind: the list, then the milestone, when nothing is in them
        if not reg_liste:
            del post[art]
        if not any(k in post for k in ("opgaver", "leverancer")) and set(post) <= {"nr"}:
            liste.remove(post)
        return "fjernede", var
    handling = "registrerede"
    var: dict = {}
    if reg is None:
        reg = CommentedMap([("nr", i)])
        plads = sum(1 for r in reg_liste if isinstance(r, dict) and isinstance(r.get("nr"), int) and r["nr"] < i)
        reg_liste.insert(plads, reg)
    else:
        handling = "opdaterede"
        nye = {"dato": dag, "af": af, "referat": referat, "beslutning": beslutning, "bemaerkning": bemaerkning}
        # what changed (with its old value), and what stays as it was because it was not given now
        var = {k: reg.get(k) for k in felter if reg.get(k) is not None and nye[k] is not None and reg.get(k) != nye[k]}
        var |= {f"beholdt {k}": reg.get(k) for k in felter if nye[k] is None and reg.get(k) is not None}
    if reg.get("udfoert") is False:
        reg["udfoert"] = True
    reg["dato"] = dag
    for noegle, vaerdi in (("af", af), ("referat", referat), ("beslutning", beslutning), ("bemaerkning", bemaerkning)):
        if vaerdi is not None:
            reg[noegle] = vaerdi
    return handling, var
