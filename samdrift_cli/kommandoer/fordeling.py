"""`samdrift fordeling`: the allocation per konto and afdeling, one nøgle, or the nøgler against the hours."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from samdrift_cli.beloeb import dansk_beloeb, pr_enhed
from samdrift_cli.fund import Fund, SamdriftFejl
from samdrift_cli.identitet import mente_du
from samdrift_cli.kommandoer.mappe import FORDELINGENS_FILER, gyldig
from samdrift_cli.visning import terminal
from samdrift_cli.visning.jsonvisning import fordeling_json, mod_timer_json, skriv_json


def periode(tekst: str | None) -> tuple[dt.date | None, dt.date | None]:
    """``--periode FRA:TIL`` (either side may be empty)."""
    if not tekst:
        return None, None
    from samdrift_cli.skemaer.vaerdier import parse_dato

    try:
        fra, til = tekst.split(":", 1)
        fra, til = (parse_dato(fra) if fra else None), (parse_dato(til) if til else None)
    except Exception:
        raise SamdriftFejl([Fund("--periode", None, None, "fejl",
                                 f"'{tekst}' er ikke en periode; skriv FRA:TIL, fx 2026-01-01:2026-12-31")])
    if fra is not None and til is not None and til < fra:
        raise SamdriftFejl([Fund("--periode", None, None, "fejl",
                                 f"periodens slutning ({til.isoformat()}) ligger før dens begyndelse ({fra.isoformat()})")])
    return fra, til


def fordelingen(sti: Path):
    """The folder's valid allocation, for the commands that build on it (opfoelgning, bogføring)."""
    return _fordeling_af(sti)


def _noeglen(r, tekst: str) -> str:
    """A nøgle named on the command line: its id, or its name, as Danish writes it ('lejemål' is
    'lejemaal', 'Antal lejemål' its navn); otherwise the nearest one is suggested."""
    from samdrift_cli.fund import synlig
    from samdrift_cli.identitet import normaliser
    from samdrift_cli.skemaer.vaerdier import dansk_valg

    for n in r.noegler:
        if normaliser(tekst) in (normaliser(n.id), normaliser(n.navn or "")) or dansk_valg(tekst) == n.id:
            return n.id
    kendte = [n.id for n in r.noegler]
    raise SamdriftFejl([Fund("--noegle", None, None, "fejl", f"ukendt nøgle '{synlig(tekst)}' (nøglerne er: "
                             f"{', '.join(kendte)}){mente_du(dansk_valg(tekst), kendte, 0.5)}")])


def _fordeling_af(sti: Path, kilde: str | None = None):
    """The folder's valid allocation (stops with exit 2 otherwise); the findings of a ``kilde`` are
    named after it."""
    try:
        ind = gyldig(sti, kun=FORDELINGENS_FILER, formaal="fordelingen")
    except SamdriftFejl as e:
        if kilde is None:
            raise
        raise SamdriftFejl([Fund(f"{kilde}:{f.fil}", f.linje, f.kolonne, f.niveau, f.besked, f.uddrag) for f in e.fund])
    if ind.mappe.model is None:
        raise SamdriftFejl([Fund(f"{kilde}:model.yaml" if kilde else "model.yaml", None, None, "fejl",
                                 "filen mangler; fordelingsnøgler og konti står i model.yaml")])
    return ind


def fordeling(sti: Path, som_json: bool, noegle: str | None, mod_timer: bool, periode_: str | None,
              sammenlign: str | None = None, noegle_for: list[str] | None = None,
              sammenlign_mappe: Path | None = None) -> int:
    ind = _fordeling_af(sti)
    terminal.skriv_fund(ind.fund)
    r = ind.fordeling
    if sammenlign is not None or noegle_for:
        return _sammenlign(sti, ind, som_json, sammenlign, noegle_for or [], bool(noegle or mod_timer or periode_),
                           sammenlign_mappe)
    if noegle is not None and noegle not in [n.id for n in r.noegler]:
        noegle = _noeglen(r, noegle)
    fra, til = periode(periode_)
    if periode_ and not mod_timer:
        raise SamdriftFejl([Fund("--periode", None, None, "fejl",
                                 "bruges sammen med --mod-timer (nøglernes egen periode står i model.yaml)")])
    if mod_timer:
        from samdrift_cli.fordeling.beregning import mod_timer as sammenlign_med_timer

        res = sammenlign_med_timer(ind.mappe, r, fra, til)
        if isinstance(res, str):
            raise SamdriftFejl([Fund("--mod-timer", None, None, "fejl", res)])
        if som_json:
            skriv_json(mod_timer_json(res, fra, til))
        else:
            terminal.mod_timer(r, res, fra, til)
        return 0
    if som_json:
        data = fordeling_json(r)
        if noegle:
            data["noegler"] = [n for n in data["noegler"] if n["id"] == noegle]
            data["konti"] = [k for k in data["konti"] if k["noegle"] == noegle]
        skriv_json(data)
        return 0
    if noegle:
        terminal.noegle(r, noegle)
    terminal.konti(r, noegle)
    if r.har_nuvaerende and not noegle:
        sam = r.sammenligning()
        navne = r.afdelingsnavne
        terminal.skriv_fund([
            Fund("model.yaml", None, None, "advarsel",
                 f"{navne[a]} kommer til at betale {dansk_beloeb(sam[a]['forskel'])} mere end i dag "
                 f"({dansk_beloeb(pr_enhed(sam[a]['forskel'], r.lejemaal[a]))} pr. lejemål); "
                 "drejebogen peger på, at det er her konflikterne opstår")
            for a in r.ids if sam[a]["forskel"] > 0])
    return 0


def _sammenlign(sti: Path, ind, som_json: bool, kilde: str | None, noegle_for: list[str], andet: bool,
                kilde_mappe: Path | None) -> int:
    """--sammenlign KILDE (the folder against KILDE) or --noegle-for (the what-if against the folder)."""
    from samdrift_cli.fordeling.beregning import beregn
    from samdrift_cli.fordeling.sammenligning import kildemappe, med_andre_noegler, sammenlign

    if andet or (kilde is not None and noegle_for):
        raise SamdriftFejl([Fund("fordeling", None, None, "fejl",
                                 "--sammenlign og --noegle-for bruges hver for sig og uden --noegle og --mod-timer")])
    if kilde is not None:
        with kildemappe(sti, kilde, kilde_mappe) as anden:
            foer = _fordeling_af(anden, kilde).fordeling
        efter = ind.fordeling
    else:
        foer = ind.fordeling
        efter, fejl = beregn(med_andre_noegler(ind.mappe, noegle_for))
        if fejl:
            raise SamdriftFejl(fejl)
        kilde = "noegle-for " + " ".join(noegle_for)
    res = sammenlign(kilde, foer, efter)
    if som_json:
        from samdrift_cli.visning.jsonvisning import sammenligning_json

        skriv_json({**fordeling_json(efter), "sammenligning": sammenligning_json(res)})
    else:
        terminal.sammenligning(res, efter)
    return 0
