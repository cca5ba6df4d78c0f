"""Lav benchmarkdata: en stor samdrift og en portefølje af samdrift-mapper.

    python bench/lav_data.py [UDMAPPE]      (standard: bench/data)

- stor/: 40 afdelinger, 300 konti, 5 fordelingsnøgler, 200.000 rækker i tidsregistrering.csv
- portefoelje_100/ og portefoelje_1000/: 100 og 1.000 kopier af eksemplet (til linearitet)
Deterministisk (fast seed).
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
from pathlib import Path

ROD = Path(__file__).resolve().parent.parent
EKSEMPEL = ROD / "examples" / "aeblegaarden_paerebakken"


def stor(ud: Path, afdelinger: int = 40, konti: int = 300, raekker: int = 200_000) -> None:
    rnd = random.Random(40)
    ud.mkdir(parents=True, exist_ok=True)
    afd = [(f"afd{i:02d}", f"Afdeling {i:02d}", rnd.randint(20, 900), rnd.randint(1500, 60000) + rnd.choice((0, 0.5, 0.25)))
           for i in range(afdelinger)]
    s = ["navn: Stor samdrift", "afdelinger:"]
    for id_, navn, lejemaal, areal in afd:
        s.append(f"  - {{id: {id_}, navn: {navn}, lejemaal: {lejemaal}, areal_m2: {areal}}}")
    (ud / "samdrift.yaml").write_text("\n".join(s) + "\n", encoding="utf-8")
    halvdel = [a[0] for a in afd[: afdelinger // 2]]
    andele = [100 // afdelinger] * afdelinger
    andele[0] += 100 - sum(andele)
    m = ["fordelingsnoegler:",
         "  - {id: lejemaal, grundlag: lejemaal}",
         "  - {id: areal, grundlag: areal}",
         "  - {id: lige, grundlag: lige, afdelinger: [" + ", ".join(halvdel) + "]}",
         "  - id: fast", "    grundlag: fast", "    andele: {" + ", ".join(f"{a[0]}: {p}" for a, p in zip(afd, andele)) + "}",
         "  - {id: timer, grundlag: timer, periode: {fra: 2025-01-01, til: 2025-12-31}, opgaver: [renhold, vedligehold]}",
         "konti:"]
    noegler = ["lejemaal", "areal", "lige", "fast", "timer"]
    for k in range(konti):
        oere = rnd.randint(-5_000_000, 900_000_000)
        m.append(f"  - {{konto: \"{110 + k % 10}.{k}\", navn: Konto {k}, med: true, noegle: {noegler[k % 5]}, "
                 f"budget: {'-' if oere < 0 else ''}{abs(oere) // 100}.{abs(oere) % 100:02d}}}")
    (ud / "model.yaml").write_text("\n".join(m) + "\n", encoding="utf-8")
    opgaver = ["renhold", "vedligehold", "grønne områder", "beboerservice", "administration"]
    start = dt.date(2025, 1, 1)
    linjer = ["dato;medarbejder;afdeling;timer;opgave"]
    for i in range(raekker):
        d = start + dt.timedelta(days=rnd.randrange(365))
        a = afd[rnd.randrange(afdelinger)]
        navn = a[1] if i % 3 == 0 else a[0]
        t = rnd.choice(("7,4", "3,5", "1", "2,25", "0,5", "6"))
        linjer.append(f"{d.isoformat()};Medarbejder {rnd.randrange(120)};{navn};{t};{rnd.choice(opgaver)}")
    (ud / "tidsregistrering.csv").write_text("\n".join(linjer) + "\n", encoding="utf-8")


def portefoelje(ud: Path, antal: int) -> None:
    if ud.exists():
        shutil.rmtree(ud)
    for i in range(antal):
        shutil.copytree(EKSEMPEL, ud / f"omraade{i // 50:02d}" / f"samdrift{i:04d}",
                        ignore=shutil.ignore_patterns("*.csv"))


def main() -> None:
    ud = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "data"
    stor(ud / "stor")
    portefoelje(ud / "portefoelje_100", 100)
    portefoelje(ud / "portefoelje_1000", 1000)
    print(f"lavede benchmarkdata i {ud}")


if __name__ == "__main__":
    main()
