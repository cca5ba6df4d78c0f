"""The allocation rule of design.md §3.4, pure and exact.

No I/O, no printing: shares in, øre out.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Mapping, Sequence


def fordel_oere(oere: int, andele: Mapping[str, Fraction], raekkefoelge: Sequence[str]) -> dict[str, int]:
    """Split ``oere`` by exact ``andele`` (summing to 1) with the largest-remainder rule.

    1. quota q_i = N·s_i; each gets ⌊q_i⌋;
    2. the remaining øre go one each to the largest fractional parts, ties to the
       afdeling listed first in ``raekkefoelge`` (samdrift.yaml's order);
    3. a negative amount is allocated as its absolute value and negated.

    Every afdeling in ``raekkefoelge`` is in the result (0 for non-members).
    """
    vaegte, naevner = vaegte_fra_andele(andele)
    return fordel_vaegte(oere, vaegte, naevner, raekkefoelge)


def vaegte_fra_andele(andele: Mapping[str, Fraction]) -> tuple[dict[str, int], int]:
    """Exact shares as integer weights over one common denominator."""
    naevner = math.lcm(*(Fraction(s).denominator for s in andele.values())) if andele else 1
    return {k: int(Fraction(s) * naevner) for k, s in andele.items()}, naevner


def fordel_vaegte(oere: int, vaegte: Mapping[str, int], naevner: int, raekkefoelge: Sequence[str]) -> dict[str, int]:
    """The same rule on integer weights w_i/naevner: all arithmetic in integers."""
    if oere < 0:
        return {k: -v for k, v in fordel_vaegte(-oere, vaegte, naevner, raekkefoelge).items()}
    ud = dict.fromkeys(raekkefoelge, 0)
    if oere == 0:
        return ud
    rester: list[tuple[int, int, str]] = []
    fordelt = 0
    for plads, afd in enumerate(raekkefoelge):
        w = vaegte.get(afd)
        if not w:
            continue
        gulv, rest = divmod(oere * w, naevner)
        ud[afd] = gulv
        fordelt += gulv
        rester.append((-rest, plads, afd))
    rester.sort()
    for _, _, afd in rester[: oere - fordelt]:
        ud[afd] += 1
    return ud


def andele_fra_basis(basis: Mapping[str, object]) -> dict[str, Fraction]:
    """Exact shares b_i/Σb from a basis of ints/Decimals/Fractions (Σ must be > 0)."""
    fr = {k: Fraction(v) for k, v in basis.items()}  # Fraction(Decimal) is exact
    total = sum(fr.values())
    if total <= 0:
        raise ZeroDivisionError("basis sums to zero")
    return {k: v / total for k, v in fr.items()}
