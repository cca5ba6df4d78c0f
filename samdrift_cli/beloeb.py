"""Exact amounts in kroner: parsing and Danish formatting. Never binary floats."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

MAKS_BELOEB = Decimal("1e13")  # 10 billioner kr.: far above any afdeling's budget

MAKS_TEKST = 60  # characters of an amount written as text, checked before any pattern is tried

# after the currency and the blanks around it are removed; anchored, no nested quantifiers: linear
_DANSK = re.compile(r"(?P<fortegn>[-+−])?(?P<heltal>[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,(?P<decimaler>[0-9]+))?")
# the currency as people write it around an amount: "kr. 245.000", "245.000 kr.", "245.000,-", "245.000 DKK"
_VALUTA_FOER = re.compile(r"(?:kr\.?|dkk)\s*", re.IGNORECASE)
_VALUTA_EFTER = re.compile(r"\s*(?:kr\.?|dkk|,-|\.-)", re.IGNORECASE)


class BeloebFejl(ValueError):
    pass


_TUSINDER = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")  # '6.500', '1.234.567': '.' between groups of three


def dansk_tal_i_tekst(tekst: str) -> Decimal | None:
    """A number written as Danish text (an areal, a number of lejemål on the command line, a quoted
    YAML value): '6.500' is six thousand five hundred, as amounts are (``parse_beloeb``);
    '6.500,5' and '300,5' have a decimal comma; '300.5' (not groups of three) a decimal point.
    None when it is no number. The length is checked before any pattern is tried."""
    t = tekst.strip().replace(" ", "")
    if len(t) > MAKS_TEKST:
        return None
    fortegn = t[:1] if t[:1] in ("-", "+", "−") else ""
    t = t[len(fortegn):]
    if "," in t:
        heltal, _, decimaler = t.partition(",")
        if not (_TUSINDER.fullmatch(heltal) or heltal.isdigit() and heltal.isascii()):
            return None
        t = heltal.replace(".", "") + "." + decimaler
    elif _TUSINDER.fullmatch(t):
        t = t.replace(".", "")
    if not re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", t):
        return None
    return -Decimal(t) if fortegn in ("-", "−") else Decimal(t)


# a YAML number that a Dane may have meant as thousands: 450.000 is 450 to YAML, 450000 to the reader
_LIGNER_TUSINDER = re.compile(r"^[-+]?[0-9]{1,3}(?:\.[0-9]{3})$")


def tjek_beloeb(d: Decimal, original: str) -> Decimal:
    if not d.is_finite():
        raise BeloebFejl("beløbet skal være et endeligt tal, ikke uendelig (.inf) eller NaN")
    # decimals as written: '100.000' is refused even though it equals 100.00, because in Danish
    # it reads as a hundred thousand
    if d.as_tuple().exponent < -2:
        if _LIGNER_TUSINDER.match(original):
            tusinder = original.replace(".", "")
            raise BeloebFejl(f"beløbet '{original}' har mere end 2 decimaler; mente du {tusinder} kr.? "
                             f"I et YAML-tal er '.' decimaltegn, så {original} betyder {dansk_tal(d)} kr.; "
                             f"skriv {tusinder} eller \"{original} kr.\" i anførselstegn")
        raise BeloebFejl(f"beløbet '{original}' har mere end 2 decimaler; angiv det i hele øre")
    if abs(d) >= MAKS_BELOEB:
        raise BeloebFejl(f"beløbet '{original}' er urimeligt stort (højst 10.000.000.000.000 kr.)")
    return d


def parse_beloeb(vaerdi: object) -> Decimal:
    """A YAML value as an exact amount.

    * ``int`` / ``Decimal`` (a YAML number, already read from its source text);
    * text in Danish notation: ``"2.450.000,50 kr."`` (``.`` thousands, ``,`` decimals).
    """
    if isinstance(vaerdi, bool) or vaerdi is None:
        raise BeloebFejl("skal være et beløb, fx 2450000.50 eller \"2.450.000,50 kr.\"")
    if isinstance(vaerdi, int):
        return tjek_beloeb(Decimal(vaerdi), str(vaerdi))
    if isinstance(vaerdi, Decimal):
        return tjek_beloeb(vaerdi, str(vaerdi))
    if isinstance(vaerdi, float):  # only reachable from Python callers, never from YAML
        raise BeloebFejl("beløb må ikke være binære kommatal; brug Decimal eller tekst")
    if isinstance(vaerdi, str):
        tekst = vaerdi.strip()
        if len(tekst) > MAKS_TEKST:
            raise BeloebFejl(f"'{tekst[:20]}…' er ikke et gyldigt beløb ({len(tekst)} tegn; et beløb har højst {MAKS_TEKST})")
        ren = tekst
        if m := _VALUTA_FOER.match(ren):
            ren = ren[m.end():]
        if m := _VALUTA_EFTER.search(ren):
            if m.end() == len(ren):
                ren = ren[:m.start()]
        ren = ren.replace(" ", "")  # "- 1.000" and "1 000" as typed
        m = _DANSK.fullmatch(ren)
        if not m:
            raise BeloebFejl(
                f"'{tekst}' er ikke et gyldigt beløb; skriv fx 2450000.50 eller \"2.450.000,50 kr.\" "
                "(i tekst er '.' tusindtalsskilletegn og ',' decimaltegn)"
            )
        heltal = m["heltal"].replace(".", "")
        decimaler = m["decimaler"] or ""
        d = Decimal(f"{heltal}.{decimaler}" if decimaler else heltal)
        if m["fortegn"] in ("-", "−"):
            d = -d
        return tjek_beloeb(d, tekst)
    raise BeloebFejl("skal være et beløb, fx 2450000.50 eller \"2.450.000,50 kr.\"")


def til_oere(d: Decimal) -> int:
    return int((d * 100).to_integral_value())


def fra_oere(oere: int) -> Decimal:
    return (Decimal(oere) / 100).quantize(Decimal("0.01"))


def pr_enhed(oere: int, antal) -> int:
    """Øre per lejemål or m², rounded half away from zero (exact, as the spreadsheet's ROUND)."""
    return int(afrund_brok(Fraction(oere) / Fraction(antal), 0))


def json_beloeb(oere: int) -> str:
    """Contract format: '.' decimal point, exactly two decimals, no grouping."""
    fortegn = "-" if oere < 0 else ""
    kr, o = divmod(abs(oere), 100)
    return f"{fortegn}{kr}.{o:02d}"


def dansk_beloeb(oere: int, kr: bool = True) -> str:
    """'2.450.000,50 kr.' for display."""
    fortegn = "-" if oere < 0 else ""
    heltal, o = divmod(abs(oere), 100)
    gruppe = f"{heltal:,}".replace(",", ".")
    tekst = f"{fortegn}{gruppe},{o:02d}"
    return tekst + " kr." if kr else tekst


def afrund_brok(x: Fraction, decimaler: int) -> Decimal:
    """Round an exact fraction half away from zero (as spreadsheets' ROUND does)."""
    q = Decimal(1).scaleb(-decimaler)
    # Decimal division at high precision is exact enough only if we do it on integers.
    skaleret = x * 10**decimaler
    heltal = skaleret.numerator // skaleret.denominator
    rest = skaleret - heltal
    if rest * 2 >= 1:
        heltal += 1
    return (Decimal(heltal) * q).quantize(q) if x >= 0 else -afrund_brok(-x, decimaler)


def dansk_heltal(n: int) -> str:
    """A whole number with Danish thousands separators: '1.000.000'."""
    return f"{n:,}".replace(",", ".")


def dansk_tal(d: Decimal) -> str:
    """A number as a Dane writes it: all its digits, no trailing zeros, a decimal comma, no
    grouping ('6,5', '99,99', '100')."""
    return format(d.normalize(), "f").replace(".", ",")


def dansk_decimal(d: Decimal | Fraction, decimaler: int = 2) -> str:
    if isinstance(d, Fraction):
        d = afrund_brok(d, decimaler)
    else:
        d = d.quantize(Decimal(1).scaleb(-decimaler), rounding=ROUND_HALF_UP)
    tekst = f"{abs(d):,.{decimaler}f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return ("-" if d < 0 else "") + tekst


_BELOEB_I_TEKST = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]{1,2})?|[0-9]+(?:,[0-9]{1,2})?")


def beloeb_i_tekst(tekst: str | None, mindst: int = 1000) -> int | None:
    """The first amount of at least ``mindst`` kroner a Danish text names, in øre ('Mindst 400.000 kr.
    lavere udgifter om året' -> 40000000), or None: a goal's målværdi as the follow-up reads it."""
    for kandidat in _BELOEB_I_TEKST.findall(tekst or ""):
        try:
            d = parse_beloeb(kandidat)
        except BeloebFejl:
            continue
        if d >= mindst:
            return til_oere(d)
    return None
