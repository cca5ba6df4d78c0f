"""The pages for a browser (#29): one samdrift's page and the portfolio, self-contained, Danish, the CLI's
numbers; loaded in headless Chromium where it is installed (.ci/run installs it for the tests)."""

from __future__ import annotations

import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import EKSEMPEL, MINIMAL_SAMDRIFT, byg_mappe

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _kr(beloeb: str) -> str:
    from samdrift_cli.beloeb import dansk_beloeb, til_oere

    return dansk_beloeb(til_oere(Decimal(beloeb)))


def _selvstaendig(html: str) -> None:
    assert html.startswith("<!DOCTYPE html>") and '<html lang="da">' in html
    for attr, vaerdi in re.findall(r'\b(src|href)\s*=\s*"([^"]*)"', html):
        assert not re.match(r"^(?:[a-z][a-z0-9+.-]*:|//)", vaerdi, re.I), (attr, vaerdi)  # no other host, no scheme
    assert "<link" not in html and "@import" not in html
    assert not re.search(r"url\((?!#)", html)  # a diagram's clip paths refer into the page itself


def _dom(fil: Path, tmp_path: Path, bredde: int = 1280) -> str:
    r = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={tmp_path / 'chromium'}", f"--window-size={bredde},2000", "--dump-dom",
                        fil.as_uri()], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    return r.stdout


def test_eksemplets_side(tmp_path, samdrift):
    m = tmp_path / "eksempel"
    shutil.copytree(EKSEMPEL, m)
    assert samdrift("-C", m, "export", "--pdf", "--html").kode == 0
    html = (m / "dokumenter" / "index.html").read_text(encoding="utf-8")
    _selvstaendig(html)
    o = samdrift("-C", m, "opfoelgning", "--aar", "2025", "--json").json()
    f = samdrift("-C", m, "fordeling", "--json").json()
    for beloeb in (o["i_alt"]["regnskab"], o["i_alt"]["besparelse"], o["i_alt"]["nuvaerende"],
                   *f["total"]["fordeling"].values(), *(a["regnskab"] for a in o["afdelinger"])):
        assert _kr(beloeb) in html, beloeb
    assert html.count("<svg") == 4 and 'role="img"' in html
    assert '<a href="aftale.pdf">' in html  # the PDFs beside it, linked relatively
    assert "<th scope=\"col\">" in html and "<h1>" in html and "<h2>" in html
    if CHROMIUM:
        dom = _dom(m / "dokumenter" / "index.html", tmp_path)
        assert "Samdrift Æblegården og Pærebakken" in dom and _kr(o["i_alt"]["besparelse"]) in dom


def test_portefoeljen_med_tre_samdrifter_og_en_med_fejl(tmp_path, samdrift):
    rod = tmp_path / "org"
    shutil.copytree(EKSEMPEL, rod / "aeble")
    shutil.copytree(EKSEMPEL, rod / "kopi")
    s = rod / "kopi" / "samdrift.yaml"
    s.write_text(s.read_text(encoding="utf-8").replace("navn: Samdrift Æblegården og Pærebakken",
                                                       'navn: "Kopi <script>alert(1)</script>"'), encoding="utf-8")
    assert samdrift("init", rod / "ny", "--navn", "Ny samdrift", "--afdeling", "Nord:10", "--afdeling", "Syd:20").kode == 0
    byg_mappe(rod / "i-stykker", {"samdrift.yaml": MINIMAL_SAMDRIFT + "  - {id: a, navn: Gentaget, lejemaal: 1}\n"})
    r = samdrift("oversigt", rod, "--html", tmp_path / "side")
    assert r.kode == 0, r.stderr
    ud = tmp_path / "side"
    indeks = (ud / "index.html").read_text(encoding="utf-8")
    _selvstaendig(indeks)
    links = re.findall(r'<a href="([^"]+)">', indeks)
    assert sorted(links) == ["aeble.html", "kopi.html", "ny.html"]
    for link in links:
        side = (ud / link).read_text(encoding="utf-8")
        _selvstaendig(side)
        assert '<a href="index.html">' in side
    assert "&lt;script&gt;" in indeks and "<script>alert" not in indeks  # user text is text
    assert "kan ikke vurderes" in indeks and "i-stykker" in indeks
    o = samdrift("-C", EKSEMPEL, "opfoelgning", "--aar", "2025", "--json").json()
    assert _kr(o["i_alt"]["besparelse"]) in indeks
    if CHROMIUM:
        dom = _dom(ud / "index.html", tmp_path, 390)
        assert dom.count("<tr") == 5  # the header and four samdrifter
