"""The JSON documents of `--json` (design.md §4): built from results, printed once."""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from samdrift_cli.beloeb import afrund_brok, json_beloeb, pr_enhed

if TYPE_CHECKING:
    from samdrift_cli.fordeling.beregning import Fordelingsresultat, Timesammenligning
    from samdrift_cli.fordeling.sammenligning import Sammenligning


def skriv_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def andel6(x: Fraction) -> str:
    return f"{afrund_brok(x, 6):.6f}"


def tal(v: Decimal) -> str:
    return format(v.normalize(), "f") if isinstance(v, Decimal) else str(v)


def fordeling_json(r: "Fordelingsresultat") -> dict:
    lejemaal_i_alt = sum(r.lejemaal.values())
    sam = r.sammenligning() if r.har_nuvaerende else None
    afdelinger = []
    for a, navn in r.afdelinger:
        post = {"id": a, "navn": navn, "lejemaal": r.lejemaal[a],
                "areal_m2": None if r.areal[a] is None else str(r.areal[a]),
                "total": json_beloeb(r.total_fordeling[a]),
                "kr_pr_lejemaal": json_beloeb(pr_enhed(r.total_fordeling[a], r.lejemaal[a]))}
        if r.areal[a]:
            post["kr_pr_m2"] = json_beloeb(pr_enhed(r.total_fordeling[a], r.areal[a]))
        if sam:
            post["i_dag"] = json_beloeb(sam[a]["i_dag"])
            post["samdrift"] = json_beloeb(sam[a]["samdrift"])
            post["forskel"] = json_beloeb(sam[a]["forskel"])
            post["forskel_pr_lejemaal"] = json_beloeb(pr_enhed(sam[a]["forskel"], r.lejemaal[a]))
        afdelinger.append(post)
    ud = {
        "afdelinger": afdelinger,
        "noegler": [{"id": n.id, "navn": n.navn, "grundlag": n.grundlag,
                     "basis": {a: tal(v) for a, v in n.basis.items()},
                     "andele": {a: andel6(s) for a, s in n.andele.items()}} for n in r.noegler],
        "konti": [{"konto": k.konto, "navn": k.navn, "noegle": k.noegle, "beloeb": json_beloeb(k.beloeb),
                   "fordeling": {a: json_beloeb(v) for a, v in k.fordeling.items()},
                   **({"nuvaerende": {a: json_beloeb(v) for a, v in k.nuvaerende.items()}} if k.nuvaerende else {})}
                  for k in r.konti],
        "total": {"beloeb": json_beloeb(r.total), "fordeling": {a: json_beloeb(v) for a, v in r.total_fordeling.items()},
                  "lejemaal": lejemaal_i_alt},
    }
    if sam:
        i_dag = sum(v["i_dag"] for v in sam.values())
        med = sum(v["samdrift"] for v in sam.values())
        ud["i_dag_og_samdrift"] = {"i_dag": json_beloeb(i_dag), "samdrift": json_beloeb(med),
                                   "driftsbesparelse": json_beloeb(i_dag - med)}
    return ud


def mod_timer_json(res: list["Timesammenligning"], fra, til) -> dict:
    return {
        "periode": {"fra": fra.isoformat() if fra else None, "til": til.isoformat() if til else None},
        "noegler": [{
            "id": x.noegle, "grundlag": x.grundlag, "konti": x.konti,
            "timer": {a: tal(v) for a, v in x.timer.items()},
            "andele": {a: andel6(v) for a, v in x.andele.items()},
            "timeandele": {a: andel6(v) for a, v in x.timeandele.items()},
            "forskel_procentpoint": {a: str(procentpoint(x.timeandele[a] - x.andele[a])) for a in x.medlemmer},
            "forskel_kr": {a: json_beloeb(v) for a, v in x.kr_forskel.items()},
            "foreslaaet_fast": {a: f"{v:.2f}" for a, v in x.foreslaaet_fast.items()},
        } for x in res],
    }


def procentpoint(x: Fraction) -> Decimal:
    return afrund_brok(x * 100, 4)


def sammenligning_json(s: "Sammenligning") -> dict:
    """``sammenligning`` of design.md §4: per afdeling and per changed konto line, foer, efter, forskel."""
    return {
        "kilde": s.kilde,
        "afdelinger": [{"id": a.id, "navn": a.navn, "foer": json_beloeb(a.foer), "efter": json_beloeb(a.efter),
                        "forskel": json_beloeb(a.forskel),
                        "forskel_pr_lejemaal": json_beloeb(pr_enhed(a.forskel, a.lejemaal)) if a.lejemaal else None}
                       for a in s.afdelinger],
        "konti": [{"konto": k.konto, "navn": k.navn, "noegle_foer": k.noegle_foer, "noegle_efter": k.noegle_efter,
                   "beloeb_foer": json_beloeb(k.beloeb_foer), "beloeb_efter": json_beloeb(k.beloeb_efter),
                   "foer": {a.id: json_beloeb(k.foer.get(a.id, 0)) for a in s.afdelinger},
                   "efter": {a.id: json_beloeb(k.efter.get(a.id, 0)) for a in s.afdelinger},
                   "forskel": {a.id: json_beloeb(k.forskel(a.id)) for a in s.afdelinger}} for k in s.konti],
    }


def afvigelse_pct(afvigelse: int, budget: int) -> str | None:
    """The deviation in percent of the budget, one decimal (None when the budget is 0)."""
    if budget == 0:
        return None
    return f"{afrund_brok(Fraction(afvigelse * 100, abs(budget)), 1):.1f}"


def opfoelgning_json(o) -> dict:
    """`opfoelgning --json` for one year (design.md §4)."""
    def penge(x) -> dict:
        return {"nuvaerende": json_beloeb(x.nuvaerende), "budget": json_beloeb(x.budget), "regnskab": json_beloeb(x.regnskab),
                "afvigelse": json_beloeb(x.afvigelse), "besparelse": json_beloeb(x.besparelse)}

    ud = {
        "aar": o.aar,
        "i_alt": {**penge(o), "afvigelse_pct": afvigelse_pct(o.afvigelse, o.budget)},
        "afdelinger": [{"id": a.id, "navn": a.navn, **penge(a), "afvigelse_pct": afvigelse_pct(a.afvigelse, a.budget),
                        "besparelse_pr_lejemaal": json_beloeb(pr_enhed(a.besparelse, a.lejemaal))} for a in o.afdelinger],
        "konti": [{"konto": k.konto, "navn": k.navn, "noegle": k.noegle, "budget": json_beloeb(k.budget),
                   "regnskab": json_beloeb(k.regnskab), "afvigelse": json_beloeb(k.afvigelse),
                   "afvigelse_pct": afvigelse_pct(k.afvigelse, k.budget),
                   "nuvaerende": json_beloeb(k.nuvaerende) if k.nuvaerende is not None else None,
                   "budget_fordeling": {a: json_beloeb(v) for a, v in k.budget_fordeling.items()},
                   "regnskab_fordeling": {a: json_beloeb(v) for a, v in k.regnskab_fordeling.items()}} for k in o.konti],
    }
    if o.maal is not None:
        ud["maal"] = {"titel": o.maal.titel, "maalvaerdi": o.maal.tekst,
                      "besparelse": json_beloeb(o.maal.beloeb) if o.maal.beloeb is not None else None,
                      "naaet": (o.besparelse >= o.maal.beloeb) if o.maal.beloeb is not None else None}
    return ud
