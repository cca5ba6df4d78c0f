"""Fund (findings): the one value every layer returns for a problem in the user's files.

Only the CLI prints them.  The format is the GNU/hledger one that editors parse:
``fil:linje:kolonne: fejl|advarsel: besked``, optionally followed by an indented
excerpt of the line with a caret under the culprit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

Niveau = Literal["fejl", "advarsel"]

UDDRAG_BREDDE = 120  # characters of a source line shown under a finding


@dataclass(frozen=True, order=True)
class Fund:
    fil: str
    linje: int | None = None  # 1-based
    kolonne: int | None = None  # 1-based
    niveau: Niveau = "fejl"
    besked: str = ""
    uddrag: str | None = field(default=None, compare=False)  # the source line, if known

    @property
    def er_fejl(self) -> bool:
        return self.niveau == "fejl"

    def overskrift(self, praefiks: str = "") -> str:
        sted = praefiks + self.fil
        if self.linje is not None:
            sted += f":{self.linje}"
            if self.kolonne is not None:
                sted += f":{self.kolonne}"
        return f"{sted}: {self.niveau}: {self.besked}"

    def formater(self, praefiks: str = "", med_uddrag: bool = True) -> str:
        tekst = self.overskrift(praefiks)
        if med_uddrag and self.uddrag is not None and self.linje is not None:
            # one column per character, none that moves the terminal's cursor or colours it
            linje = "".join(c if c >= " " and c != "\x7f" else " " if c == "\t" else "?" for c in self.uddrag.rstrip("\n"))
            kolonne = self.kolonne
            if len(linje) > UDDRAG_BREDDE:  # a long line: the part around the column, marked with …
                start = max(0, min((kolonne or 1) - 1 - UDDRAG_BREDDE // 2, len(linje) - UDDRAG_BREDDE))
                udsnit = linje[start:start + UDDRAG_BREDDE]
                foran, bagefter = ("…" if start > 0 else ""), ("…" if start + UDDRAG_BREDDE < len(linje) else "")
                linje = foran + udsnit + bagefter
                if kolonne is not None:
                    kolonne = kolonne - start + len(foran)
            nr = str(self.linje)
            tekst += f"\n  {nr} | {linje}"
            if kolonne is not None:
                tekst += f"\n  {' ' * len(nr)} | {' ' * (kolonne - 1)}^"
        return tekst

    def som_json(self) -> dict:
        return {
            "fil": self.fil,
            "linje": self.linje,
            "kolonne": self.kolonne,
            "niveau": self.niveau,
            "besked": self.besked,
        }



_STYRETEGN = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F)} | {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"}
_STYRETEGN.update({c: f"\\x{c:02x}" for c in range(0x80, 0xA0)})
_STYRETEGN.update({0x2028: "\\u2028", 0x2029: "\\u2029"})


def synlig(tekst: str) -> str:
    """User text in a one-line message: control characters shown escaped (``\\x0b``), never raw."""
    return tekst.translate(_STYRETEGN)


_STYRETEGN_LINJER = {k: v for k, v in _STYRETEGN.items() if k not in (0x09, 0x0A)}


def synlig_linjer(tekst: str) -> str:
    """Text for the terminal, several lines: as :func:`synlig`, but line ends and tabs kept."""
    return tekst.translate(_STYRETEGN_LINJER)


# the characters no text of a samdrift may hold: the C0 and C1 control characters but tab and line
# end, U+FFFE/U+FFFF and lone surrogates. None of them is valid in XML (Word, the workbook) or means
# anything in Danish text; in a terminal they move the cursor or set its title
_UGYLDIGE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def ugyldigt_tegn(tekst: str) -> int | None:
    """The place of the first character :data:`_UGYLDIGE` in ``tekst``, or None."""
    m = _UGYLDIGE.search(tekst)
    return m.start() if m else None


def styretegn(tekst: str, kilde: str = "ofte kopieret fra Word") -> str | None:
    """The finding for a text with a control character, in the same words for every reader (YAML,
    budget, hours); None when it has none. ``kilde``: where such a character usually comes from."""
    plads = ugyldigt_tegn(tekst)
    if plads is None:
        return None
    return (f"teksten har et styretegn ('{synlig(tekst[plads])}', tegn nr. {plads + 1}), som ingen tekst i samdrift "
            f"må have ({kilde}); slet det")


@dataclass
class Udfald:
    """What a writing command (init, afkryds, schema) did: a line each for stdout, and the warnings
    it met. The command returns it; only the CLI prints it."""

    linjer: list[str] = field(default_factory=list)
    advarsler: list[Fund] = field(default_factory=list)


class SamdriftFejl(Exception):
    """Raised to stop a command because of user errors; carries every finding."""

    def __init__(self, fund: list[Fund]):
        super().__init__("\n".join(f.overskrift() for f in fund))
        self.fund = fund


def har_fejl(fund: list[Fund]) -> bool:
    return any(f.er_fejl for f in fund)


def sorter(fund: list[Fund]) -> list[Fund]:
    """Stable, readable order: by file, then position; duplicates removed."""
    allerede_set: set = set()
    ud = []
    for f in fund:
        noegle = (f.fil, f.linje, f.kolonne, f.niveau, f.besked)
        if noegle in allerede_set:
            continue
        allerede_set.add(noegle)
        ud.append(f)
    return sorted(ud, key=lambda f: (f.fil, f.linje or 0, f.kolonne or 0))
