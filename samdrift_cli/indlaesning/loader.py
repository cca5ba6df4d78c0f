"""Loading a samdrift folder: one pipeline, read → parse → validate → cross-check.

Every problem found in any file is collected as a ``Fund``; nothing is printed here.
"""

from __future__ import annotations

from pathlib import Path

from samdrift_cli.fund import Fund, SamdriftFejl, sorter
from samdrift_cli.identitet import mente_du
from samdrift_cli.skemaer import FILNAVNE, skemaklasse
from samdrift_cli.indlaesning.tidsregistrering import FILNAVN as CSV_FILNAVN
from samdrift_cli.indlaesning.tidsregistrering import XLSX_FILNAVN, find_fil, laes_tidsregistrering
from samdrift_cli.indlaesning.yamlkilde import YamlDokument, laes_raa

from samdrift_cli.indlaesning.samdriftsmappe import HOVEDFIL, Samdriftsmappe

__all__ = ["HOVEDFIL", "Samdriftsmappe", "indlaes"]


def indlaes(sti: Path, med_tidsregistrering: bool = True) -> Samdriftsmappe:
    """Load and check a samdrift folder. Findings are in ``mappe.fund``; never raises for user errors
    except when the folder itself is missing (``SamdriftFejl``)."""
    sti = Path(sti)
    if not sti.exists():
        raise SamdriftFejl([Fund(str(sti), None, None, "fejl", "mappen findes ikke")])
    if not sti.is_dir():
        raise SamdriftFejl([Fund(str(sti), None, None, "fejl", "er ikke en mappe")])
    mappe = Samdriftsmappe(sti=sti)
    for filnavn in FILNAVNE:
        fil = sti / filnavn
        if not fil.exists():
            if filnavn == HOVEDFIL:
                mappe.fund.append(Fund(HOVEDFIL, None, None, "fejl",
                                       "filen mangler; er dette en samdrift-mappe? Opret en med 'samdrift init'"))
            continue
        raa, fund = laes_raa(fil, filnavn)
        if raa is None:
            mappe.dokumenter[filnavn] = YamlDokument(navn=filnavn, sti=fil, tekst="", fund=fund)
            mappe.fund.extend(fund)
        else:
            _laes_fil(mappe, fil, filnavn, raa)
    _ukendte_filer(mappe)
    reg = find_fil(sti)
    mappe.tidsregistreringsfil = reg.name if reg is not None else None
    if med_tidsregistrering and reg is not None:
        opslag = _afdeling_opslag(mappe)
        if opslag is not None:
            mappe.tidsregistrering, fund = laes_tidsregistrering(reg, opslag)
            mappe.fund.extend(fund)
    from samdrift_cli.indlaesning.konsistens import krydstjek

    mappe.fund.extend(krydstjek(mappe))
    mappe.fund = sorter(mappe.fund)
    return mappe


def _laes_fil(mappe: Samdriftsmappe, fil: Path, filnavn: str, raa: bytes) -> None:
    """Parse and validate one file (``raa``, its bytes) into ``mappe``: its document, its record
    when valid, the part of it that passed when not (delvis.py), and the findings."""
    from pydantic import ValidationError

    from samdrift_cli.indlaesning.yamlkilde import laes_yaml

    dok = mappe.dokumenter[filnavn] = laes_yaml(fil, filnavn, raa)
    mappe.fund.extend(dok.fund)
    if dok.data is None:
        return
    klasse = skemaklasse(filnavn)
    if filnavn == HOVEDFIL:  # read first: the afdelinger every other file names
        from samdrift_cli.skemaer.felter import valideringskontekst

        mappe.kontekst = valideringskontekst(dok.data)
    try:
        mappe.modeller[filnavn] = klasse.model_validate(dok.data, context=mappe.kontekst)
    except ValidationError as e:
        from samdrift_cli.indlaesning.delvis import delvis_fil
        from samdrift_cli.indlaesning.valideringsfejl import fund_fra_validering

        mappe.fund.extend(fund_fra_validering(dok, e, klasse))
        delvis = delvis_fil(klasse, dok.data, e, mappe.kontekst)
        if delvis is not None:
            mappe.delvise[filnavn] = delvis


def _afdeling_opslag(mappe: Samdriftsmappe) -> dict[str, str] | None:
    """Casefolded id and navn of every afdeling -> its id, for reading the tidsregistrering; None
    when samdrift.yaml cannot tell them all (afdelinger left out for errors count with their
    written id and navn, see delvis.py)."""
    from samdrift_cli.identitet import afdeling_opslag
    from samdrift_cli.indlaesning.delvis import afdelingernes_navne

    delvis = mappe.delvise.get(HOVEDFIL)
    s = mappe.samdrift or (delvis.post if delvis else None)
    afdelinger = afdelingernes_navne(delvis, s) if s is not None else None
    if afdelinger is None or any(n is None for _, n in afdelinger):
        return None
    return afdeling_opslag(afdelinger)


def _ukendte_filer(mappe: Samdriftsmappe) -> None:
    kendte = set(FILNAVNE) | {CSV_FILNAVN, XLSX_FILNAVN}
    for fil in sorted(mappe.sti.iterdir()):
        if fil.name.startswith(".") or fil.name in kendte:
            continue
        if fil.suffix.lower() in (".yaml", ".yml", ".csv"):
            if forslag := mente_du(fil.name, sorted(kendte), 0.7):
                mappe.fund.append(Fund(fil.name, None, None, "advarsel", f"ukendt fil, som samdrift ikke læser{forslag}"))
