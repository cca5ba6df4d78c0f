"""`samdrift check`, `check milepael N` and `check --alle`."""

from __future__ import annotations

from pathlib import Path

from samdrift_cli.fund import Fund
from samdrift_cli.kommandoer.mappe import laes
from samdrift_cli.visning import terminal
from samdrift_cli.visning.jsonvisning import skriv_json


def check_resultat(sti: Path) -> tuple[str | None, list[str], list[Fund], dict | None]:
    """Name, files read, findings and how the time registration was read, of a folder."""
    from samdrift_cli.indlaesning.tidsregistrering import find_fil

    ind = laes(sti)
    mappe = ind.mappe
    reg = find_fil(sti)
    filer = sorted(mappe.dokumenter) + ([reg.name] if reg is not None else [])
    t = mappe.tidsregistrering
    om_reg = {"fil": t.navn, "tegnsaet": t.tegnsaet, "raekker": t.antal_raekker,
              "oversprungne": dict(t.oversprungne)} if t is not None else None
    return mappe.samdrift.navn if mappe.samdrift else None, filer, ind.fund, om_reg


def _kode(fund: list[Fund]) -> int:
    fejl = sum(1 for f in fund if f.er_fejl)
    return 2 if fejl else (1 if fund else 0)


def check(sti: Path, som_json: bool) -> int:
    navn, filer, fund, om_reg = check_resultat(sti)
    fejl = [f for f in fund if f.er_fejl]
    advarsler = [f for f in fund if not f.er_fejl]
    terminal.skriv_fund(fund)
    if som_json:
        skriv_json({"mappe": str(sti), "gyldig": not fejl, "fejl": len(fejl), "advarsler": len(advarsler),
                    "filer": filer, "tidsregistrering": om_reg, "fund": [f.som_json() for f in fund]})
    elif not fejl:
        terminal.check_linje(navn or str(sti), filer, len(advarsler))
    return _kode(fund)


def check_milepael(sti: Path, nr: int, som_json: bool) -> int:
    from samdrift_cli.kommandoer.status import vurderet

    v = vurderet(sti)
    naaet = v.status[nr - 1].naaet
    if som_json:
        skriv_json({"milepael": nr, "naaet": naaet, "milepaele": [v.milepael_json(s) for s in v.status[:nr]]})
    else:
        terminal.milepaele(v.status, nr, [a for a in v.aktiviteter if any(n <= nr for n in a.milepaele)])
    return 2 if v.fejl else (0 if naaet else 1)


def check_alle(rod: Path, som_json: bool) -> int:
    from samdrift_cli.kommandoer.portefoelje import find_samdrifter

    mapper = find_samdrifter(rod)
    resultater = []
    kode = 0
    for m in mapper:
        fund = check_resultat(m)[2]
        navn = str(m.relative_to(rod)) if m != rod else "."
        terminal.skriv_fund(fund, praefiks=f"{navn}/" if navn != "." else "")
        fejl = sum(1 for f in fund if f.er_fejl)
        kode = max(kode, _kode(fund))
        resultater.append({"mappe": navn, "gyldig": not fejl, "fejl": fejl, "advarsler": len(fund) - fejl,
                           "fund": [f.som_json() for f in fund]})
    if som_json:
        skriv_json({"mapper": resultater, "gyldige": sum(r["gyldig"] for r in resultater), "i_alt": len(resultater)})
    else:
        terminal.portefoelje_linjer(resultater)
    if not mapper:
        terminal.skriv_fund([Fund(str(rod), None, None, "advarsel", "ingen samdrift-mapper (med samdrift.yaml) fundet")])
        return 1
    return kode
