"""No table cuts a number, a name or a date (#33): every table-printing command at 40, 60, 80 and 120
columns shows every amount of its --json in full, and no line is wider than the terminal."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal

import pytest

from conftest import EKSEMPEL


def _kr(beloeb: str) -> str:
    from samdrift_cli.beloeb import dansk_beloeb, til_oere

    return dansk_beloeb(til_oere(Decimal(beloeb)), False)


def _beloeb(data) -> set[str]:
    """Every amount in a JSON document ('594959.11'), as the terminal writes it."""
    ud = set()
    if isinstance(data, dict):
        for v in data.values():
            ud |= _beloeb(v)
    elif isinstance(data, list):
        for v in data:
            ud |= _beloeb(v)
    elif isinstance(data, str) and __import__("re").fullmatch(r"-?[0-9]+\.[0-9]{2}", data):
        ud.add(_kr(data))
    return ud


@pytest.fixture(scope="module")
def eksempel(tmp_path_factory):
    m = tmp_path_factory.mktemp("e") / "eksempel"
    shutil.copytree(EKSEMPEL, m)
    subprocess.run(["git", "init", "-q"], cwd=m, check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "add", "-A"], cwd=m, check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "1"], cwd=m, check=True)
    model = m / "model.yaml"
    model.write_text(model.read_text(encoding="utf-8").replace("budget: 2950000.00", "budget: 2900000.00"), encoding="utf-8")
    return m


def _i_terminal(samdrift, monkeypatch, bredde: int, *args):
    """The command as a terminal of ``bredde`` columns shows it (rich's FORCE_COLOR makes it a terminal;
    the colours are taken out again)."""
    import re

    monkeypatch.setenv("COLUMNS", str(bredde))
    monkeypatch.setenv("FORCE_COLOR", "1")
    r = samdrift(*args)
    r.stdout = re.sub(r"\x1b\[[0-9;]*m", "", r.stdout)
    return r


def _vist(args, data) -> set[str]:
    """The amounts of the --json document the command's table shows."""
    if args[-1] == "--mod-timer":
        return {_kr(v) for n in data["noegler"] for v in n["forskel_kr"].values()}
    if "sammenligning" in data:
        sam = data["sammenligning"]
        return _beloeb({"afdelinger": sam["afdelinger"],
                        "konti": [{k: x[k] for k in ("beloeb_foer", "beloeb_efter", "forskel")} for x in sam["konti"]]})
    if args[0] == "opfoelgning":
        return _beloeb({"i_alt": {k: v for k, v in data["i_alt"].items() if k != "afvigelse_pct"},
                        "afdelinger": [{k: v for k, v in a.items() if k != "besparelse_pr_lejemaal"} for a in data["afdelinger"]],
                        "konti": [{k: x[k] for k in ("budget", "regnskab", "afvigelse")} for x in data["konti"]]})
    return _beloeb({"konti": [{"b": k["beloeb"], **k["fordeling"]} for k in data["konti"]], "total": data["total"],
                    "afdelinger": [{k: a[k] for k in ("total", "kr_pr_lejemaal", "i_dag", "samdrift", "forskel",
                                                      "forskel_pr_lejemaal") if k in a} for a in data["afdelinger"]]})


KOMMANDOER = [("fordeling",), ("fordeling", "--sammenlign", "HEAD"), ("fordeling", "--noegle-for", "114=lige"),
              ("fordeling", "--mod-timer"), ("opfoelgning", "--aar", "2025")]


@pytest.mark.parametrize("bredde", [40, 60, 80, 120])
@pytest.mark.parametrize("args", KOMMANDOER, ids=[" ".join(a) for a in KOMMANDOER])
def test_intet_beloeb_skaeres_af(eksempel, samdrift, monkeypatch, bredde, args):
    data = samdrift("-C", eksempel, *args, "--json").json()
    r = _i_terminal(samdrift, monkeypatch, bredde, "-C", eksempel, *args)
    assert r.kode == 0, r.stderr
    forventet = _vist(args, data)
    mangler = sorted(b for b in forventet if b not in r.stdout)
    assert not mangler, (mangler[:5], r.stdout[:3000])
    for linje in r.stdout.splitlines():
        assert len(linje.rstrip()) <= bredde, linje
    assert "…" not in r.stdout


@pytest.mark.parametrize("bredde", [40, 80])
def test_status_og_oversigt_skaerer_intet(eksempel, samdrift, monkeypatch, bredde):
    for args in (("-C", eksempel, "status"), ("oversigt", eksempel.parent)):
        r = _i_terminal(samdrift, monkeypatch, bredde, *args)
        assert r.kode == 0, r.stderr
        for linje in r.stdout.splitlines():
            assert len(linje.rstrip()) <= bredde, linje
        assert "…" not in r.stdout.replace("… og", "")
    r = _i_terminal(samdrift, monkeypatch, bredde, "-C", eksempel, "status")
    for titel in ("Opstart af projekt og afklaring af vilkår for samdrift i boligorganisationen", "Godkendelse af evaluering"):
        assert titel.split()[-1] in r.stdout


@pytest.mark.parametrize("bredde", [40, 80])
def test_importens_linjer_og_advarsler_brydes_mellem_ordene(tmp_path, samdrift, monkeypatch, bredde):
    """What a writing command says, and its findings, wrap between words on a terminal, so the terminal
    never splits an amount or a name; piped, each message is one line for grep and an editor."""
    import re
    import shutil as sh

    m = tmp_path / "m"
    sh.copytree(EKSEMPEL, m)
    fil = tmp_path / "b.csv"
    fil.write_text("Konto;Tekst;Budget\n;Renholdelse\n114;Løn, ejendomsfunktionærer;3.000.000\n;Renholdelse i alt;2.000.000\n",
                   encoding="utf-8")
    r = _i_terminal(samdrift, monkeypatch, bredde, "-C", m, "import", "budget", fil, "--vis")
    assert r.kode == 0
    fejl = re.sub(r"\x1b\[[0-9;]*m", "", r.stderr)
    for linje in (r.stdout + fejl).splitlines():
        assert len(linje) <= bredde, linje
    samlet = " ".join((r.stdout + fejl).split())
    for beloeb in ("2.950.000,00 kr. → 3.000.000,00 kr.", "er 2.000.000,00 kr.", "(forskel -1.000.000,00 kr.)"):
        assert beloeb in samlet
    assert all(re.search(r"(^|\s)" + re.escape(b) + r"(\s|$)", r.stdout + fejl) for b in ("2.950.000,00", "3.000.000,00"))
    monkeypatch.delenv("FORCE_COLOR")
    r = samdrift("-C", m, "import", "budget", fil, "--vis")
    assert len(r.stderr.splitlines()) == 1 and r.stderr.startswith("b.csv:4: advarsel: 'Renholdelse i alt' er")


def test_brugerens_tekst_bliver_ikke_til_emoji(tmp_path, samdrift, monkeypatch):
    """rich would turn ':smile:' into an emoji; user text is literal in every output."""
    import shutil as sh

    m = tmp_path / "m"
    sh.copytree(EKSEMPEL, m)
    sti = m / "model.yaml"
    sti.write_text(sti.read_text(encoding="utf-8").replace("navn: Diverse renholdelsesartikler", "navn: 'Diverse :smile:'", 1),
                   encoding="utf-8")
    r = _i_terminal(samdrift, monkeypatch, 120, "-C", m, "fordeling")
    assert r.kode == 0, r.stderr
    assert "Diverse :smile:" in r.stdout and "\N{SMILING FACE WITH OPEN MOUTH AND SMILING EYES}" not in r.stdout
