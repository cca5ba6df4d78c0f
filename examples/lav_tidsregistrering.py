"""Lav eksemplets tidsregistrering.csv: et realistisk år (2025) for seks medarbejdere.

Deterministisk (fast seed), så filen kan genskabes:  python examples/lav_tidsregistrering.py
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

MEDARBEJDERE = {
    # navn: (andel af tiden i Æblegården, ferieuger der starter)
    "Jens Olsen": (0.62, (28, 29, 30, 42, 52)),
    "Søren Dam": (0.12, (27, 28, 29, 8, 51)),
    "Ali Hassan": (0.10, (29, 30, 31, 7, 44)),
    "Birgitte Sø": (0.10, (30, 31, 32, 16, 52)),
    "Carsten Juul": (0.10, (26, 27, 28, 10, 43)),
    "Dorthe Vang": (0.10, (31, 32, 33, 20, 1)),
}
HELLIGDAGE = {dt.date(2025, 1, 1), dt.date(2025, 4, 17), dt.date(2025, 4, 18), dt.date(2025, 4, 21),
              dt.date(2025, 5, 29), dt.date(2025, 6, 5), dt.date(2025, 6, 9), dt.date(2025, 12, 24),
              dt.date(2025, 12, 25), dt.date(2025, 12, 26), dt.date(2025, 12, 31)}


def opgaver(navn: str, dato: dt.date, afdeling: str) -> list[tuple[str, int]]:
    if navn == "Søren Dam":
        return [("administration", 5), ("beboerservice", 3), ("vedligehold", 2)]
    sommer = 4 <= dato.month <= 9
    groent = 5 if (sommer and afdeling == "Æblegården") else (3 if sommer else 1)
    return [("renhold", 4), ("grønne områder", groent), ("vedligehold", 3), ("beboerservice", 2), ("flytning", 1)]


def main() -> None:
    rnd = random.Random(2025)
    linjer = ["dato;medarbejder;afdeling;timer;opgave"]
    dag = dt.date(2025, 1, 1)
    while dag.year == 2025:
        if dag.weekday() < 5 and dag not in HELLIGDAGE:
            uge = dag.isocalendar().week
            for navn, (andel, ferie) in MEDARBEJDERE.items():
                if uge in ferie or rnd.random() < 0.03:  # ferie eller sygdom
                    continue
                timer_i_alt = 74 if dag.weekday() < 4 else 60
                if rnd.random() < andel:
                    hoved, anden = "Æblegården", "Pærebakken"
                else:
                    hoved, anden = "Pærebakken", "Æblegården"
                del_hoved = timer_i_alt if rnd.random() < 0.7 else timer_i_alt - rnd.choice((10, 15, 20))
                for afdeling, tiendedele in ((hoved, del_hoved), (anden, timer_i_alt - del_hoved)):
                    if tiendedele <= 0:
                        continue
                    valg = opgaver(navn, dag, afdeling)
                    opgave = rnd.choices([o for o, _ in valg], [v for _, v in valg])[0]
                    timer = f"{tiendedele // 10},{tiendedele % 10}" if tiendedele % 10 else str(tiendedele // 10)
                    linjer.append(f"{dag.isoformat()};{navn};{afdeling};{timer};{opgave}")
        dag += dt.timedelta(days=1)
    ud = Path(__file__).parent / "aeblegaarden_paerebakken" / "tidsregistrering.csv"
    ud.write_text("\n".join(linjer) + "\n", encoding="utf-8")
    print(f"skrev {len(linjer) - 1} registreringer i {ud}")


if __name__ == "__main__":
    main()
