"""Benchmark: hver kommando som hel proces, som forhold til sit 'gulv' målt i samme kørsel.

    python bench/lav_data.py        # én gang: data i bench/data
    python bench/koer.py [-n 7]

Gulvet er det, kommandoen ikke kan komme under: at starte Python og importere de moduler, den
har brug for (og for tidsregistreringen: at læse CSV-filen med csv-modulet alene). Tallene er
medianer af N kørsler efter to opvarmninger; A og B køres på skift, så en maskine, der ændrer fart,
rammer begge. Målene fra issue 7 står i MAAL. "Uden mellemlager" er med SAMDRIFT_CACHE=0;
"efter en ændring" er den første kørsel efter en ændret fil, med et mellemlager, der intet
resultat har for filens nye indhold.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HER = Path(__file__).resolve().parent
ROD = HER.parent
DATA = HER / "data"
EKSEMPEL = ROD / "examples" / "aeblegaarden_paerebakken"
PY = sys.executable
# as the installed console script does it (no runpy), but without depending on PATH
SAMDRIFT = [PY, "-c", "import sys; sys.argv[0] = 'samdrift'; from samdrift_cli.cli.app import main; main()"]

LAES_CSV = ("import csv,sys\n"
            "with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n"
            "    n = sum(1 for _ in csv.reader(f, delimiter=';'))\n")

MAAL = {"--help": 1.2, "check (eksemplet, mellemlager)": 1.5, "check (eksemplet, uden mellemlager)": 1.5,
        "check (eksemplet, efter en ændring)": 1.5, "fordeling --json (stor, efter en ændring af timerne)": 3.0,
        "fordeling --json (stor, uden mellemlager)": 3.0, "fordeling --json (stor, mellemlager)": 3.0}


MILJOE = dict(os.environ)
# A user's Python writes bytecode; without it samdrift's own modules would be compiled on every
# run (in an editable install), which measures the compiler, not samdrift.
MILJOE.pop("PYTHONDONTWRITEBYTECODE", None)


def tid(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    r = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=MILJOE)
    slut = time.perf_counter() - start
    if r.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(map(str, cmd))} fejlede ({r.returncode}): {r.stderr.decode()[:500]}")
    return slut


def par(a: list[str], b: list[str], n: int, cwd: Path, forbered=None) -> tuple[float, float]:
    """Median times of A and B, run in turn; ``forbered()`` runs (untimed) before each run of A."""
    forbered = forbered or (lambda: None)
    for _ in range(2):  # warm-up: bytecode written, caches filled, files in the page cache
        forbered(), tid(a, cwd), tid(b, cwd)
    ta, tb = [], []
    for _ in range(n):
        forbered()
        ta.append(tid(a, cwd))
        tb.append(tid(b, cwd))
    return statistics.median(ta), statistics.median(tb)


def ret_en_fil(fil: Path, ny_linje: str):
    """Before each run, a new last line in ``fil`` (``ny_linje`` with a running number): what the
    user's first run after an edit sees, with samdrift's compiled schemas in the cache but no
    result for these contents."""
    original = fil.read_text(encoding="utf-8")
    taeller = iter(range(10**9))
    return lambda: fil.write_text(original + ny_linje.format(next(taeller)) + "\n", encoding="utf-8")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("-n", type=int, default=7, help="kørsler pr. kommando (standard 7)")
    p.add_argument("--json", action="store_true", help="skriv resultatet som JSON")
    p.add_argument("--kun", metavar="TEKST", help="kun målingerne, hvis navn indeholder TEKST (fx 'fordeling')")
    args = p.parse_args()
    if not (DATA / "stor").exists():
        subprocess.run([PY, str(HER / "lav_data.py")], check=True)
    stor = DATA / "stor"
    ud = Path(tempfile.mkdtemp(prefix="samdrift-bench-"))
    gulv_cli = [PY, "-c", "import typer"]
    gulv_check = [PY, "-c", "import typer, pydantic, ruamel.yaml"]
    # for information: `import pydantic` is lazy; any pydantic model needs BaseModel and Field too
    gulv_basemodel = [PY, "-c", "import typer, pydantic, ruamel.yaml; from pydantic import BaseModel, Field"]
    kopi, stor_kopi = ud / "eksemplet", ud / "stor"
    shutil.copytree(EKSEMPEL, kopi)
    shutil.copytree(stor, stor_kopi)
    ret_eksemplet = ret_en_fil(kopi / "samdrift.yaml", "# ændring {}")
    ret_timerne = ret_en_fil(stor_kopi / "tidsregistrering.csv", "2025-06-01;Ændring {};afd01;1;vedligehold")
    gulv_xlsx = [PY, "-c", "import typer, pydantic, ruamel.yaml, xlsxwriter"]
    gulv_md = [PY, "-c", "import typer, pydantic, ruamel.yaml, jinja2"]
    gulv_csv = [PY, "-c", LAES_CSV, str(stor / "tidsregistrering.csv")]
    maalinger = [
        ("--help", SAMDRIFT + ["--help"], gulv_cli, ud),
        ("check (eksemplet, uden mellemlager)", SAMDRIFT + ["check"], gulv_check, EKSEMPEL),
        ("check (eksemplet, mellemlager)", SAMDRIFT + ["check"], gulv_check, EKSEMPEL),
        ("check (eksemplet, efter en ændring)", SAMDRIFT + ["check"], gulv_check, kopi, ret_eksemplet),
        ("check (eksemplet, efter en ændring; gulv med BaseModel)", SAMDRIFT + ["check"], gulv_basemodel, kopi, ret_eksemplet),
        ("check milepael 12 (eksemplet, uden mellemlager)", SAMDRIFT + ["check", "milepael", "12"], gulv_check, EKSEMPEL),
        ("check milepael 12 (eksemplet, mellemlager)", SAMDRIFT + ["check", "milepael", "12"], gulv_check, EKSEMPEL),
        ("fordeling --json (stor, uden mellemlager)", SAMDRIFT + ["fordeling", "--json"], gulv_csv, stor),
        ("fordeling --json (stor, mellemlager)", SAMDRIFT + ["fordeling", "--json"], gulv_csv, stor),
        ("fordeling --json (stor, efter en ændring af timerne)", SAMDRIFT + ["fordeling", "--json"], gulv_csv, stor_kopi,
         ret_timerne),
        ("export --xlsx (stor)", SAMDRIFT + ["export", "--xlsx", str(ud / "stor.xlsx"), "--overskriv"], gulv_xlsx, stor),
        ("export --md (eksemplet, uden mellemlager)", SAMDRIFT + ["export", "--md", str(ud / "md"), "--overskriv"], gulv_md, EKSEMPEL),
        ("oversigt (1.000 mapper)", SAMDRIFT + ["oversigt", "--json"], SAMDRIFT + ["oversigt", "--json"], DATA),
    ]
    resultater = []
    if args.kun:
        maalinger = [m for m in maalinger if args.kun.casefold() in m[0].casefold()]
    for navn, a, b, cwd, *forbered in maalinger:
        # the cache: off for every measurement but those that measure it (in a fresh folder; the
        # warm-up run fills it, as the user's previous run would have)
        med = navn.endswith(", mellemlager)") or bool(forbered)
        MILJOE["SAMDRIFT_CACHE"] = str(ud / "mellemlager") if med else "0"
        if navn.startswith("oversigt"):
            ta, tb = par(SAMDRIFT + ["oversigt", "--json", "portefoelje_1000"], SAMDRIFT + ["oversigt", "--json", "portefoelje_100"],
                         max(3, args.n // 2), DATA)
            resultater.append({"maaling": "oversigt: 1.000 mapper / 100 mapper", "tid_s": round(ta, 3),
                               "gulv_s": round(tb, 3), "forhold": round(ta / tb, 2), "maal": 11.0})
            continue
        ta, tb = par(a, b, args.n, cwd, *forbered)
        resultater.append({"maaling": navn, "tid_s": round(ta, 3), "gulv_s": round(tb, 3), "forhold": round(ta / tb, 2),
                           "maal": MAAL.get(navn)})
    shutil.rmtree(ud, ignore_errors=True)
    if args.json:
        print(json.dumps(resultater, ensure_ascii=False, indent=2))
        return
    print(f"{'måling':58} {'tid':>8} {'gulv':>8} {'forhold':>8} {'mål':>6}")
    for r in resultater:
        maal = f"≤{r['maal']}" if r["maal"] else ""
        print(f"{r['maaling']:58} {r['tid_s']:8.3f} {r['gulv_s']:8.3f} {r['forhold']:8.2f} {maal:>6}")
    print(f"\nPython {sys.version.split()[0]}, {os.cpu_count()} kerner; medianer af {args.n} kørsler (sekunder).")


if __name__ == "__main__":
    main()
