"""The files samdrift.yaml's ``dokumenter:`` names: the logo and the Word template, checked as `check`
checks every file, so that a folder `check` calls valid also exports.

A logo is a PNG, JPEG or SVG file in the samdrift folder (no link out of it), within limits: its
size in bytes and, read from its header before Typst ever sees it, its size in pixels (a 1.7 MB PNG
can declare 120000 × 120000 pixels, which would ask for gigabytes). A Word template is a .docx in
the folder that python-docx can open; what it links to outside itself (an attached template on a
server, a hyperlink) is not carried into the board's documents.
"""

from __future__ import annotations

import io
import os
import stat
import struct
from pathlib import Path

from samdrift_cli.beloeb import dansk_heltal
from samdrift_cli.fund import synlig

MAKS_LOGO = 5 * 1024 * 1024  # bytes
MAKS_PIXEL = 40_000_000  # a logo of 8000 × 5000 pixels is far more than a page header needs
MAKS_SKABELON = 20 * 1024 * 1024  # bytes


def _fil_i_mappen(rod: Path, navn: str, hvad: str, maks: int) -> tuple[bytes | None, str | None]:
    """The bytes of the file ``navn`` in ``rod``, or why it cannot be used."""
    from samdrift_cli.atomisk import oserror_tekst

    if Path(navn).is_absolute() or ".." in Path(navn).parts:
        return None, f"'{synlig(navn)}' skal være en fil i samdrift-mappen (en sti i forhold til den)"
    sti = rod / navn
    ægte, ægte_rod = Path(os.path.realpath(sti)), Path(os.path.realpath(rod))
    if ægte_rod not in ægte.parents:
        return None, f"'{synlig(navn)}' er et symbolsk link ud af samdrift-mappen; læg filen selv i mappen"
    try:
        info = ægte.stat()
    except FileNotFoundError:
        return None, f"filen '{synlig(navn)}' findes ikke i samdrift-mappen"
    except OSError as e:
        return None, f"filen '{synlig(navn)}' kan ikke læses: {oserror_tekst(e)}"
    if not stat.S_ISREG(info.st_mode):
        return None, f"'{synlig(navn)}' er ikke en almindelig fil"
    if info.st_size > maks:
        return None, f"'{synlig(navn)}' fylder {dansk_heltal(info.st_size)} byte; {hvad} må højst fylde {dansk_heltal(maks)} byte"
    try:
        with open(ægte, "rb") as f:
            return f.read(maks + 1), None
    except OSError as e:
        return None, f"filen '{synlig(navn)}' kan ikke læses: {oserror_tekst(e)}"


def _png_stoerrelse(data: bytes) -> tuple[int, int] | None:
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR" or len(data) < 24:
        return None
    return struct.unpack(">II", data[16:24])


def _jpeg_stoerrelse(data: bytes) -> tuple[int, int] | None:
    """Width and height from the first SOF segment of a JPEG."""
    if data[:2] != b"\xff\xd8":
        return None
    i = 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            return None
        markoer = data[i + 1]
        if markoer in (0xD8, 0x01) or 0xD0 <= markoer <= 0xD7:
            i += 2
            continue
        laengde = struct.unpack(">H", data[i + 2:i + 4])[0]
        if 0xC0 <= markoer <= 0xCF and markoer not in (0xC4, 0xC8, 0xCC):
            if i + 9 > len(data):
                return None
            hoejde, bredde = struct.unpack(">HH", data[i + 5:i + 9])
            return bredde, hoejde
        i += 2 + laengde
    return None


def tjek_logo(rod: Path, navn: str) -> str | None:
    """Why the logo ``navn`` cannot be used, or None."""
    data, problem = _fil_i_mappen(rod, navn, "et logo", MAKS_LOGO)
    if problem:
        return problem
    endelse = Path(navn).suffix.lower()
    if endelse == ".svg":
        start = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if not (start.startswith(b"<?xml") or start.startswith(b"<svg") or start.startswith(b"<!--")) or b"<svg" not in data.lower():
            return f"'{synlig(navn)}' er ikke en SVG-fil (den begynder ikke med <svg)"
        if b"<!doctype" in data.lower() or b"<!entity" in data.lower():
            return f"'{synlig(navn)}' har en DTD (<!DOCTYPE>); gem logoet som SVG uden, eller som PNG"
        return None
    maal = _png_stoerrelse(data) if endelse == ".png" else _jpeg_stoerrelse(data) if endelse in (".jpg", ".jpeg") else None
    if endelse not in (".png", ".jpg", ".jpeg"):
        return f"'{synlig(navn)}' skal være en PNG-, JPEG- eller SVG-fil"
    if maal is None:
        art = "PNG" if endelse == ".png" else "JPEG"
        return f"'{synlig(navn)}' er ikke et {art}-billede, som endelsen siger (eller filen er beskadiget)"
    bredde, hoejde = maal
    if bredde == 0 or hoejde == 0:
        return f"'{synlig(navn)}' er et tomt billede (0 pixel bredt eller højt)"
    if bredde * hoejde > MAKS_PIXEL:
        return (f"'{synlig(navn)}' er {dansk_heltal(bredde)} × {dansk_heltal(hoejde)} pixel; et logo må højst have {dansk_heltal(MAKS_PIXEL)} pixel "
                "(gem det i en mindre størrelse, fx 1000 pixel bredt)")
    return None


def tjek_word_skabelon(rod: Path, navn: str) -> tuple[str | None, str | None]:
    """(why the Word template ``navn`` cannot be used, or None; a warning, or None)."""
    from samdrift_cli.fund import SamdriftFejl
    from samdrift_cli.indlaesning.regneark import tjek_zip

    if Path(navn).suffix.lower() != ".docx":
        return f"'{synlig(navn)}' skal være et Word-dokument (.docx)", None
    data, problem = _fil_i_mappen(rod, navn, "en Word-skabelon", MAKS_SKABELON)
    if problem:
        return problem, None
    try:
        z = tjek_zip(data, navn, "Word-dokument (.docx)")
        if "word/document.xml" not in z.namelist():
            return f"'{synlig(navn)}' er ikke et Word-dokument (word/document.xml mangler)", None
    except SamdriftFejl as e:
        return e.fund[0].besked, None
    try:
        import docx

        dok = docx.Document(io.BytesIO(data))
        eksterne = sum(1 for del_ in dok.part.package.iter_parts() for r in del_.rels.values() if r.is_external)
    except Exception:  # python-docx raises many kinds on a damaged or foreign file
        return f"'{synlig(navn)}' kan ikke åbnes som Word-dokument; gem det igen fra Word som .docx", None
    if eksterne:
        return None, (f"Word-skabelonen '{synlig(navn)}' henviser til {eksterne} ting uden for sig selv (fx en tilknyttet "
                      "skabelon eller et link); de tages ikke med i dokumenterne")
    return None, None
