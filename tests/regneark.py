"""Recalculating a workbook in headless LibreOffice, with a fresh profile that always recalculates."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

PROFIL = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def soffice() -> str:
    sti = shutil.which("soffice") or shutil.which("libreoffice")
    if sti is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) mangler i CI; .ci/run skal installere libreoffice-calc-nogui")
        pytest.skip("LibreOffice (soffice) er ikke installeret")
    return sti


def genberegn(xlsx: Path, arbejdsmappe: Path, format_: str = "xlsx") -> Path:
    """Open ``xlsx`` in LibreOffice, recalculate every formula, save as ``format_``; returns the new file."""
    profil = arbejdsmappe / "lo-profil"
    (profil / "user").mkdir(parents=True, exist_ok=True)
    (profil / "user" / "registrymodifications.xcu").write_text(PROFIL, encoding="utf-8")
    ud = arbejdsmappe / "lo-ud"
    ud.mkdir(exist_ok=True)
    kilde = arbejdsmappe / "lo-ind.xlsx"
    shutil.copyfile(xlsx, kilde)
    r = subprocess.run([soffice(), f"-env:UserInstallation={profil.as_uri()}", "--headless", "--norestore",
                        "--convert-to", format_, "--outdir", str(ud), str(kilde)],
                       capture_output=True, text=True, timeout=180)
    resultat = ud / f"lo-ind.{format_}"
    assert r.returncode == 0 and resultat.exists(), r.stdout + r.stderr
    return resultat
