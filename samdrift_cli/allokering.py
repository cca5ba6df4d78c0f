"""The allocation rule of design.md §3.4, pure and exact.

No I/O, no printing: shares in, øre out.
"""

from __future__ import annotations

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
    if oere < 0:
        return {k: -v for k, v in fordel_oere(-oere, andele, raekkefoelge).items()}
    ud = {a: 0 for a in raekkefoelge}
    if oere == 0:
        return ud
    rester: list[tuple[Fraction, int, str]] = []
    for plads, afd in enumerate(raekkefoelge):
        s = andele.get(afd)
        if not s:
            continue
        q = oere * s
        gulv = q.numerator // q.denominator
        ud[afd] = gulv
        rester.append((q - gulv, plads, afd))
    rest = oere - sum(ud.values())
    rester.sort(key=lambda r: (-r[0], r[1]))
    for _, _, afd in rester[:rest]:
        ud[afd] += 1
    return ud


def andele_fra_basis(basis: Mapping[str, object]) -> dict[str, Fraction]:
    """Exact shares b_i/Σb from a basis of ints/Decimals/Fractions (Σ must be > 0)."""
    fr = {k: Fraction(v) for k, v in basis.items()}  # Fraction(Decimal) is exact
    total = sum(fr.values())
    if total <= 0:
        raise ZeroDivisionError("basis sums to zero")
    return {k: v / total for k, v in fr.items()}
