"""A CSV file a user hands over, as text: the encodings Danish administration systems and Excel save
(UTF-8 with or without BOM, Windows-1252), UTF-16 refused with what to do instead, and the words a
total row begins with. One reader's rules for budgets, regnskaber and hours alike."""

from __future__ import annotations

import re

# a row that sums others: 'I alt', 'Total', 'Totalt', 'Sum', 'Samlet' (normalised, so lower case)
TOTALRAEKKE = re.compile(r"^(i alt|totalt?|sum|samlet)\b")

UTF16 = ("filen er gemt som UTF-16 (Unicode); gem den som CSV med tegnsættet UTF-8 eller Windows-1252 "
         "(i Excel: 'CSV (semikolonsepareret)')")


class UTF16Fil(ValueError):
    """The file is UTF-16: no CSV reader of ours takes it (its message says what to do)."""


def csv_tekst(raa: bytes) -> tuple[str, str]:
    """The file as text and the encoding it was read in: valid UTF-8 (a BOM allowed) is UTF-8, anything
    else Windows-1252; UTF-16 (a BOM, or a NUL among the first bytes) raises :class:`UTF16Fil`."""
    if raa[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\0" in raa[:4]:
        raise UTF16Fil(UTF16)
    if raa.startswith(b"\xef\xbb\xbf"):
        raa = raa[3:]
    try:
        return raa.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # the five bytes Windows-1252 leaves undefined are read as replacement characters, and then
        # refused as the value they stand in (never a crash)
        return raa.decode("cp1252", errors="replace"), "windows-1252"
