"""Benchmark: samdrift against what a user would run instead, whole processes, in the same run.

    pip install ".[bench]"          # the peers: check-jsonschema, polars (and pandoc for the documents)
    python bench/lav_data.py        # once: data in bench/data
    python bench/koer.py [-n 7] [--kun TEKST] [--skriv]

Each row times samdrift (A) and its peer (B) in turn, A B A B …, after a warm-up, and reports the
medians and their ratio. With --skriv the table replaces the one in docs/ydelse.md (between the
markers), so the page always shows a measurement, never numbers typed by hand.
"""

from __future__ import annotations

import argparse
import os
import platform
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
DOCS = ROD / "docs" / "ydelse.md"
PY = sys.executable
SAMDRIFT = [PY, "-m", "samdrift_cli"]
START, SLUT = "<!-- bench:start -->", "<!-- bench:slut -->"

POLARS = ("import polars as pl, sys\n"
          "df = pl.read_csv(sys.argv[1], separator=';', schema_overrides={'timer': pl.Utf8})\n"
          "df = df.with_columns(pl.col('timer').str.replace(',', '.').cast(pl.Float64))\n"
          "print(df.group_by('afdeling').agg(pl.col('timer').sum()).height)\n")

MAAL = {"check": 1.2, "fordeling": 2.0, "oversigt": 11.0, "export": 2.0, "portefoelje": 2.0}


# A user's Python writes bytecode; without it every run would compile samdrift's modules again
MILJOE = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def tid(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    r = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=MILJOE)
    slut = time.perf_counter() - start
    if r.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(map(str, cmd))} fejlede ({r.returncode}): {r.stderr.decode()[:500]}")
    return slut


def par(a: list[str], b: list[str], n: int, cwd: Path) -> tuple[float, float]:
    for _ in range(2):
        tid(a, cwd), tid(b, cwd)
    ta, tb = [], []
    for _ in range(n):
        ta.append(tid(a, cwd))
        tb.append(tid(b, cwd))
    return statistics.median(ta), statistics.median(tb)


def _dk(x: float, d: int = 3) -> str:
    return f"{x:.{d}f}".replace(".", ",")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("-n", type=int, default=7, help="kørsler pr. måling (median)")
    p.add_argument("--kun", help="kun målingerne, hvis navn indeholder TEKST")
    p.add_argument("--skriv", action="store_true", help="skriv tabellen i docs/ydelse.md")
    a = p.parse_args()
    if not (DATA / "stor" / "tidsregistrering.csv").exists():
        raise SystemExit("kør først: python bench/lav_data.py")
    cjs = shutil.which("check-jsonschema")
    if cjs is None:
        raise SystemExit("check-jsonschema mangler: pip install '.[bench]'")
    with tempfile.TemporaryDirectory() as midl:
        kopi = Path(midl) / "eksempel"
        shutil.copytree(EKSEMPEL, kopi)
        pandoc = None
        try:
            import pypandoc

            pandoc = pypandoc.get_pandoc_path()
        except (ImportError, OSError):
            pass
        maalinger = [
            ("check", "`samdrift check` på eksemplet", SAMDRIFT + ["-C", str(kopi), "check"],
             "`check-jsonschema` af `model.yaml` alene", [cjs, "--schemafile", str(kopi / ".samdrift/schemas/model.schema.json"),
                                                          str(kopi / "model.yaml")], kopi),
            ("fordeling", "`samdrift fordeling --json`, stor samdrift (200.000 timerækker)",
             SAMDRIFT + ["-C", str(DATA / "stor"), "fordeling", "--json"],
             "polars: `read_csv` + `group_by` af samme CSV", [PY, "-c", POLARS, str(DATA / "stor" / "tidsregistrering.csv")], ROD),
            ("oversigt", "`samdrift oversigt`, 1.000 mapper", SAMDRIFT + ["oversigt", str(DATA / "portefoelje_1000")],
             "`samdrift oversigt`, 100 mapper", SAMDRIFT + ["oversigt", str(DATA / "portefoelje_100")], ROD),
            ("portefoelje", "`samdrift oversigt --html`, 1.000 mapper (en side pr. samdrift)",
             SAMDRIFT + ["oversigt", str(DATA / "portefoelje_1000"), "--html", str(Path(midl) / "side"), "--overskriv"],
             "`samdrift oversigt`, 1.000 mapper", SAMDRIFT + ["oversigt", str(DATA / "portefoelje_1000")], ROD),
        ]
        if pandoc:
            md = Path(midl) / "md"
            subprocess.run(SAMDRIFT + ["-C", str(kopi), "export", "--md", str(md)], check=True, capture_output=True)
            skript = "; ".join(f"'{pandoc}' '{f}' -o '{Path(midl) / (f.stem + '.docx')}'"
                               for f in sorted(md.glob("*.md")) if f.name != "README.md")
            maalinger.append(("export", "`samdrift export --pdf --docx` på eksemplet (7 PDF + 7 Word)",
                              SAMDRIFT + ["-C", str(kopi), "export", "--pdf", str(Path(midl) / "pdf"), "--docx",
                                          str(Path(midl) / "docx"), "--overskriv"],
                              "pandoc: de 7 Markdown-dokumenter til Word", ["sh", "-c", skript], ROD))
        raekker = []
        for noegle, navn_a, cmd_a, navn_b, cmd_b, cwd in maalinger:
            if a.kun and a.kun not in noegle:
                continue
            ta, tb = par(cmd_a, cmd_b, a.n, cwd)
            raekker.append((navn_a, ta, navn_b, tb, ta / tb, MAAL.get(noegle)))
            print(f"{navn_a}: {ta:.3f} s   {navn_b}: {tb:.3f} s   forhold {ta / tb:.2f}", flush=True)
    tabel = [f"Python {platform.python_version()}, {os.cpu_count()} kerner, {time.strftime('%d-%m-%Y')}, "
             f"medianer af {a.n} kørsler på skift (sekunder):", "",
             "| samdrift | tid | det, en bruger ellers ville køre | tid | forhold | mål |", "|---|---:|---|---:|---:|---:|"]
    for navn_a, ta, navn_b, tb, forhold, maal in raekker:
        tabel.append(f"| {navn_a} | {_dk(ta)} | {navn_b} | {_dk(tb)} | {_dk(forhold, 2)} | "
                     f"{'≤ ' + _dk(maal, 1) if maal else ''} |")
    tekst = "\n".join(tabel)
    print()
    print(tekst)
    if a.skriv and not a.kun:
        side = DOCS.read_text(encoding="utf-8")
        i, j = side.index(START) + len(START), side.index(SLUT)
        DOCS.write_text(side[:i] + "\n" + tekst + "\n" + side[j:], encoding="utf-8")
        print(f"\nskrev tabellen i {DOCS.relative_to(ROD)}")


if __name__ == "__main__":
    main()
