"""Names as people write them: one normalisation for every lookup of an afdeling, a nøgle or an opgave.

``Æblegården``, ``ÆBLEGÅRDEN`` and the decomposed ``Æblegården`` (NFD, as macOS and some Word
exports write it) are one name: NFC, case folded, outer blanks removed (design.md §3.1).
"""

from __future__ import annotations

import re
import unicodedata

from samdrift_cli.fund import synlig


def normaliser(tekst: str) -> str:
    """The form two names are compared in."""
    # casefold can leave a string that is no longer NFC, so normalise on both sides of it
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", tekst).casefold()).strip()


_AE_OE_AA = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ü": "ue", "ö": "oe", "ä": "ae"})


def translittereret(tekst: str) -> str:
    """The one transliteration of the files' keys, ids and command names (design.md §1): 'Grå
    eminencer' -> 'graa eminencer', 'milepæl' -> 'milepael'; lower case, NFC first."""
    return normaliser(tekst).translate(_AE_OE_AA)


def mente_du(skrevet: str, muligheder, naer: float = 0.6) -> str:
    """'; mente du 'areal'?' for the nearest of a closed set of words (difflib's ratio on the
    normalised forms), or ''. One wording for every suggestion samdrift makes."""
    import difflib

    efter_form = {normaliser(str(m)): str(m) for m in muligheder}
    fundet = difflib.get_close_matches(normaliser(skrevet), list(efter_form), n=1, cutoff=naer)
    return f"; mente du '{synlig(efter_form[fundet[0]])}'?" if fundet else ""


def afdeling_opslag(afdelinger: list[tuple[str, str]]) -> dict[str, str]:
    """Normalised id and navn of each (id, navn) -> its id. Uniqueness is checked by the loader's
    cross-checks (konsistens.py), so a name that is ambiguous never reaches this table."""
    opslag = {normaliser(n): i for i, n in afdelinger}
    opslag.update((normaliser(i), i) for i, _ in afdelinger)
    return opslag


def ukendt_afdeling(skrevet: str, afdelinger: list[tuple[str, str]]) -> str:
    """The one sentence for a reference to an afdeling that samdrift.yaml does not have, with the
    nearest id or navn of its (id, navn) pairs."""
    muligheder = [i for i, _ in afdelinger] + [n for _, n in afdelinger]
    return (f"ukendt afdeling '{synlig(skrevet)}'{mente_du(skrevet, muligheder)} "
            f"(afdelingerne i samdrift.yaml: {', '.join(i for i, _ in afdelinger)})")


def filnavn(navn: str, endelse: str) -> str:
    """A file name made from a samdrift's navn: letters, digits, '-' and blanks kept, at most 200 bytes
    (a file system allows 255 per name)."""
    ren = re.sub(r"[^\w\- ]+", "", unicodedata.normalize("NFC", navn), flags=re.UNICODE).strip() or "samdrift"
    while len(ren.encode("utf-8")) > 200:
        ren = ren[:-1]
    return ren.rstrip() + endelse
