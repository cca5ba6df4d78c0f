"""An afdeling is named by its navn wherever its id is accepted (design.md §3.1): every reference
field and every table keyed by afdeling, read as the id, so every command computes the same."""

from __future__ import annotations

import re
import shutil

from conftest import EKSEMPEL, MINIMAL_SAMDRIFT, byg_mappe

from samdrift_cli.indlaesning.loader import indlaes

NAVNE = {"aeblegaarden": "Æblegården", "paerebakken": "PÆREBAKKEN"}
_ID = re.compile(r"(?<![-\w])(aeblegaarden|paerebakken)(?![-\w])")


def _med_navne(tmp_path):
    """The example with every reference to an afdeling outside samdrift.yaml's own list written by
    its navn (one in capitals), as a user might; the other ids (afd-best-paerebakken …) stay."""
    kopi = tmp_path / "navne"
    shutil.copytree(EKSEMPEL, kopi)
    skiftet = 0
    for fil in sorted(kopi.glob("*.yaml")):
        tekst = fil.read_text(encoding="utf-8")
        if fil.name == "samdrift.yaml":  # only the roles' references, not the afdelinger's ids
            ny = re.sub(r"(afdeling: )(aeblegaarden|paerebakken)\b", lambda m: m[1] + NAVNE[m[2]], tekst)
        else:
            ny = _ID.sub(lambda m: NAVNE[m[1]], tekst)
        skiftet += ny != tekst
        fil.write_text(ny, encoding="utf-8")
    assert skiftet >= 9  # samdrift, aftale, analyse, oplaeg, model, implementeringsplan, inddragelsesplan …
    return kopi


def test_eksemplet_med_navne_er_det_samme_som_med_id(tmp_path, samdrift):
    kopi = _med_navne(tmp_path)
    med_id, med_navne = indlaes(EKSEMPEL), indlaes(kopi)
    assert med_navne.fund == med_id.fund
    assert med_navne.modeller == med_id.modeller  # every navn was read as its id
    for args in (("fordeling", "--json"), ("status", "--json"), ("fordeling", "--opfoelgning", "2025", "--json")):
        assert samdrift("-C", kopi, *args).stdout == samdrift("-C", EKSEMPEL, *args).stdout


def test_dagens_udgift_pr_afdeling_med_navne_taeller_med(tmp_path, samdrift):
    """'nuvaerende' keyed by navn was accepted by the cross-checks but left out of 'I dag og med
    samdrift' (the engine looked it up by id): the comparison must be the same."""
    m = byg_mappe(tmp_path, {"samdrift.yaml": MINIMAL_SAMDRIFT, "model.yaml": """\
        fordelingsnoegler:
          - {id: lejemaal, navn: Antal lejemål, grundlag: lejemaal}
        konti:
          - {konto: 114, navn: Løn, med: true, noegle: lejemaal, budget: 600000, nuvaerende: {Alfa: 150000, beta: 500000}}
        """})
    r = samdrift("-C", m, "fordeling", "--json")
    assert r.kode == 0, r.stderr
    assert {a["id"]: a["i_dag"] for a in r.json()["afdelinger"]} == {"a": "150000.00", "b": "500000.00"}
    assert r.json()["i_dag_og_samdrift"]["i_dag"] == "650000.00"


def test_samme_afdeling_to_gange_i_en_tabel_er_en_fejl(tmp_path, samdrift):
    m = byg_mappe(tmp_path, {"samdrift.yaml": MINIMAL_SAMDRIFT, "model.yaml": """\
        fordelingsnoegler:
          - {id: fast, navn: Fast, grundlag: fast, andele: {Alfa: 40, a: 10, b: 50}}
        """})
    r = samdrift("-C", m, "check")
    assert (r.kode, r.fejllinjer) == (2, [
        "model.yaml:2:52: fejl: afdelingen 'a' står to gange, som 'Alfa' og 'a'; skriv den én gang"])


def test_et_navn_med_tastefejl_faar_det_naermeste_navn(tmp_path, samdrift):
    m = byg_mappe(tmp_path, {"samdrift.yaml": MINIMAL_SAMDRIFT + "roller:\n  oevrige:\n    - {rolle: Driftsleder, navn: D, afdeling: Betta}\n",
                             "oplaeg.yaml": "beboervalgtes_oensker:\n  - {afdeling: alfa, vurdering: x}\n  - {afdeling: Alpha, vurdering: y}\n"})
    r = samdrift("-C", m, "check")
    assert r.kode == 2
    assert r.fejllinjer == [
        "oplaeg.yaml:3:16: fejl: ukendt afdeling 'Alpha'; mente du 'Alfa'? (afdelingerne i samdrift.yaml: a, b)",
        "samdrift.yaml:11:47: fejl: ukendt afdeling 'Betta'; mente du 'Beta'? (afdelingerne i samdrift.yaml: a, b)",
    ]


def test_en_rettelse_i_en_fil_med_navne_gaar_igennem(tmp_path, samdrift):
    """A write validates the file as the loader does, with the afdelinger's names known."""
    m = byg_mappe(tmp_path, {"samdrift.yaml": MINIMAL_SAMDRIFT, "model.yaml": """\
        fordelingsnoegler:
          - {id: fast, navn: Fast, grundlag: fast, andele: {Alfa: 40, Beta: 60}}  # aftalt i udvalget
          - {id: l, navn: Lejemål, grundlag: lejemaal, afdelinger: [Alfa, Beta]}
        konti:
          - {konto: 114, navn: Løn, med: true, noegle: fast, budget: 1000}
        """, "budget.csv": "Konto;Navn;Budget\n114;Løn;2000\n"})
    r = samdrift("-C", m, "import", "budget", m / "budget.csv")
    assert r.kode == 0, r.stderr
    tekst = (m / "model.yaml").read_text(encoding="utf-8")
    assert "andele: {Alfa: 40, Beta: 60}}  # aftalt i udvalget" in tekst and "budget: 2000" in tekst
