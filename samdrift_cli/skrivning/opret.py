"""``samdrift init``: a new samdrift folder from templates/init, never overwriting anything."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
from decimal import Decimal, InvalidOperation
from pathlib import Path

from samdrift_cli.atomisk import MANIFEST
from samdrift_cli.beloeb import dansk_tal_i_tekst
from samdrift_cli.fund import Fund, SamdriftFejl, Udfald
from samdrift_cli.identitet import translittereret

def lav_id(navn: str) -> str:
    """'Æblegården' -> 'aeblegaarden'."""
    tekst = translittereret(navn)
    tekst = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode("ascii").lower()
    tekst = re.sub(r"[^a-z0-9]+", "-", tekst).strip("-")
    return tekst[:64] or "afdeling"


_HELTAL = re.compile(r"[0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+")


def _dansk_tal(tekst: str) -> Decimal:
    tal = dansk_tal_i_tekst(tekst)
    if tal is None or tal < 0:
        raise InvalidOperation(tekst)
    return tal


def parse_afdeling(tekst: str) -> dict:
    """'Æblegården:100' or 'Æblegården:100:6500' (numbers as a Dane writes them: '1.000', '6.500,5')."""
    dele = tekst.rsplit(":", 2) if tekst.count(":") >= 2 else tekst.split(":")
    if len(dele) == 3 and not _HELTAL.fullmatch(dele[1].strip()):
        dele = [dele[0] + ":" + dele[1], dele[2]]  # a name with a colon: 'Bo:Vest:200'
    if len(dele) not in (2, 3) or not dele[0].strip():
        raise ValueError(f"'{tekst}' skal skrives 'Navn:lejemål' eller 'Navn:lejemål:areal', fx 'Æblegården:100'")
    navn = dele[0].strip()
    if not _HELTAL.fullmatch(dele[1].strip()):
        raise ValueError(f"'{tekst}': antal lejemål skal være et heltal, ikke '{dele[1].strip()}'")
    lejemaal = int(dele[1].strip().replace(".", ""))
    if lejemaal <= 0:
        raise ValueError(f"'{tekst}': antal lejemål skal være over 0")
    areal = None
    if len(dele) == 3:
        if dele[2].strip().startswith("-"):
            raise ValueError(f"'{tekst}': arealet skal være over 0")
        try:
            areal = _dansk_tal(dele[2])
        except InvalidOperation:
            raise ValueError(f"'{tekst}': arealet skal være et tal som 6500 eller 6.500,5, ikke '{dele[2].strip()}'")
        if areal <= 0:
            raise ValueError(f"'{tekst}': arealet skal være over 0")
    return {"navn": navn, "lejemaal": lejemaal, "areal": areal}


def _yaml(v) -> str:
    if v is None:  # an empty value: 'null' is a programmer's word, nothing a projektleder should read
        return ""
    if isinstance(v, Decimal):  # a plain YAML number as it was meant: '8,4' -> 8.4, '6.500' -> 6500
        return format(v.normalize(), "f")
    if isinstance(v, int):
        return str(v)
    return json.dumps(str(v), ensure_ascii=False)


def render_skabeloner(navn: str, afdelinger: list[dict], boligorganisation: str | None) -> dict[str, str]:
    from samdrift_cli.skabeloner import jinja_miljoe, skabelonmappe

    miljoe = jinja_miljoe("init")
    miljoe.filters["yaml"] = _yaml
    ud = {}
    for fil in sorted((skabelonmappe() / "init").iterdir()):
        if fil.is_file():
            tekst = miljoe.get_template(fil.name).render(navn=navn, afdelinger=afdelinger, boligorganisation=boligorganisation)
            ud[fil.name] = "\n".join(linje.rstrip() for linje in tekst.split("\n"))
    return ud


def opret(maal: Path, navn: str | None, afdelinger_tekst: list[str], boligorganisation: str | None, git: bool) -> Udfald:
    fejl: list[Fund] = []
    if maal.exists():
        if not maal.is_dir():
            fejl.append(Fund(str(maal), None, None, "fejl", "findes allerede og er en fil; vælg en ny mappe"))
        elif any(maal.iterdir()):
            fejl.append(Fund(str(maal), None, None, "fejl",
                             "mappen findes og er ikke tom; init overskriver aldrig noget. Vælg en ny eller tom mappe"))
    afdelinger: list[dict] = []
    for t in afdelinger_tekst:
        try:
            afdelinger.append(parse_afdeling(t))
        except ValueError as e:
            fejl.append(Fund("--afdeling", None, None, "fejl", str(e)))
    if not afdelinger_tekst:
        fejl.append(Fund("--afdeling", None, None, "fejl",
                         "angiv afdelingerne med --afdeling 'Navn:lejemål' (mindst 2), fx --afdeling 'Æblegården:100'"))
    allerede_set: set[str] = set()
    navne: set[str] = set()
    for a in afdelinger:
        if a["navn"].casefold() in navne:
            fejl.append(Fund("--afdeling", None, None, "fejl", f"afdelingen '{a['navn']}' er angivet to gange"))
        navne.add(a["navn"].casefold())
        base = lav_id(a["navn"])
        kandidat, n = base, 2
        while kandidat in allerede_set:
            kandidat, n = f"{base}-{n}", n + 1
        allerede_set.add(kandidat)
        a["id"] = kandidat
    if fejl:
        raise SamdriftFejl(fejl)
    maal_abs = maal.resolve()
    navn = navn or f"Samdrift {' og '.join(a['navn'] for a in afdelinger)}"
    filer = render_skabeloner(navn, afdelinger, boligorganisation)
    from samdrift_cli.skemaer.jsonskema import skema_tekster

    skemaer = skema_tekster()
    maal_abs.parent.mkdir(parents=True, exist_ok=True)
    # Build everything in a temporary folder beside the target, then move it into place.
    tmp = Path(tempfile.mkdtemp(prefix=f".{maal_abs.name}.", dir=maal_abs.parent))
    try:
        for filnavn, tekst in filer.items():
            (tmp / filnavn).write_text(tekst, encoding="utf-8")
        (tmp / ".samdrift" / "schemas").mkdir(parents=True)
        for filnavn, tekst in skemaer.items():
            (tmp / ".samdrift" / "schemas" / filnavn).write_text(tekst, encoding="utf-8")
        # made by samdrift: 'samdrift schema' may replace them (atomisk.MANIFEST)
        (tmp / ".samdrift" / "schemas" / MANIFEST).write_text(json.dumps(
            {"om": "De filer, samdrift har lavet i denne mappe (SHA-256), så den ved, hvad den må erstatte",
             "filer": {n: hashlib.sha256(t.encode("utf-8")).hexdigest() for n, t in sorted(skemaer.items())}},
            ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        if maal_abs.exists():  # an empty folder: move the files in
            for del_ in tmp.iterdir():
                os.replace(del_, maal_abs / del_.name)
            tmp.rmdir()
        else:
            os.replace(tmp, maal_abs)
            os.chmod(maal_abs, 0o777 & ~_umask())
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    import shlex

    antal = f"{len(afdelinger)} afdeling" if len(afdelinger) == 1 else f"{len(afdelinger)} afdelinger"
    udfald = Udfald([f"oprettede {maal} med {len(filer)} filer for {antal}"])
    if len(afdelinger) == 1:  # as 'samdrift check' says it
        udfald.advarsler.append(Fund("samdrift.yaml", None, None, "advarsel",
                                     "der er kun én afdeling; en samdrift har mindst 2 (tilføj dem i samdrift.yaml, "
                                     "eller giv --afdeling flere gange)"))
    if git:
        ignorer = maal_abs / ".gitignore"
        if not ignorer.exists():
            from samdrift_cli.identitet import filnavn

            ignorer.write_text(GITIGNORE.format(projektmappe=filnavn(navn, ".xlsx")), encoding="utf-8")
        _git(maal_abs)
        udfald.linjer.append("git: første commit er lavet")
    udfald.linjer.append(f"Næste skridt: udfyld samdrift.yaml (milepæl 1) og kør: samdrift -C {shlex.quote(str(maal))} status")
    return udfald


GITIGNORE = """\
# Eksporterne laves igen når som helst med 'samdrift export' og 'samdrift kalender'; de hører ikke
# i git. Vil I gemme de underskrevne dokumenter, så læg dem i en mappe for sig, fx underskrevet/.
/dokumenter/
/{projektmappe}
# låsefiler på Windows (samdrift afkryds og import budget)
.*.lock
"""


def _umask() -> int:
    m = os.umask(0)
    os.umask(m)
    return m


def _git(mappe: Path) -> None:
    if shutil.which("git") is None:
        raise SamdriftFejl([Fund("--git", None, None, "fejl", "git er ikke installeret; mappen er oprettet uden git")])
    identitet: list[str] = []
    har_email = subprocess.run(["git", "config", "user.email"], cwd=mappe, capture_output=True, text=True).stdout.strip()
    if not har_email:
        identitet = ["-c", "user.name=samdrift", "-c", "user.email=samdrift@localhost"]
    for args in (["init", "-q"], ["add", "-A"], [*identitet, "commit", "-q", "-m", "Ny samdrift oprettet med samdrift init"]):
        r = subprocess.run(["git", *args], cwd=mappe, capture_output=True, text=True)
        if r.returncode != 0:
            raise SamdriftFejl([Fund("--git", None, None, "fejl", f"git {args[-1] if args else ''} mislykkedes: "
                                                                  f"{r.stderr.strip()}; mappen er oprettet uden en commit")])
