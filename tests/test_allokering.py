"""The øre rule of design.md §3.4: worked examples and properties."""

from __future__ import annotations

from fractions import Fraction as F

from hypothesis import given, settings
from hypothesis import strategies as st

from samdrift_cli.fordeling.allokering import andele_fra_basis, fordel_oere

TRE = {"a": F(1, 3), "b": F(1, 3), "c": F(1, 3)}
ORDEN = ["a", "b", "c"]


def test_en_oere_over_tre_lige_andele_gaar_til_den_foerste():
    assert fordel_oere(1, TRE, ORDEN) == {"a": 1, "b": 0, "c": 0}


def test_to_oere_over_tre_lige_andele_gaar_til_de_to_foerste():
    assert fordel_oere(2, TRE, ORDEN) == {"a": 1, "b": 1, "c": 0}


def test_uafgjort_afgoeres_af_raekkefoelgen_i_samdrift_yaml():
    assert fordel_oere(1, TRE, ["c", "b", "a"]) == {"c": 1, "b": 0, "a": 0}


def test_design_eksemplet_114():
    andele = andele_fra_basis({"aeblegaarden": 100, "paerebakken": 500})
    assert fordel_oere(245000050, andele, ["aeblegaarden", "paerebakken"]) == {
        "aeblegaarden": 40833342, "paerebakken": 204166708}


def test_stoerste_rest_vinder_foer_raekkefoelge():
    # 10 øre by 0.25/0.75 -> 2.5 and 7.5: tie on .5, first listed wins
    assert fordel_oere(10, {"a": F(1, 4), "b": F(3, 4)}, ["a", "b"]) == {"a": 3, "b": 7}
    # 7 øre by 1/6 and 5/6 -> 1.1667 and 5.8333: b has the larger remainder
    assert fordel_oere(7, {"a": F(1, 6), "b": F(5, 6)}, ["a", "b"]) == {"a": 1, "b": 6}


def test_negativt_beloeb_spejles():
    assert fordel_oere(-1, TRE, ORDEN) == {"a": -1, "b": 0, "c": 0}
    assert fordel_oere(-10000001, {"a": F(1, 4), "b": F(3, 4)}, ["a", "b"]) == {"a": -2500000, "b": -7500001}


def test_delmaengde_giver_nul_til_andre():
    assert fordel_oere(100, {"b": F(1)}, ORDEN) == {"a": 0, "b": 100, "c": 0}


basis = st.dictionaries(st.sampled_from("abcdefgh"), st.integers(min_value=1, max_value=10**6), min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(basis, st.integers(min_value=-10**13, max_value=10**13))
def test_summen_er_altid_beloebet_og_negativ_spejler(b, oere):
    orden = sorted(b)
    andele = andele_fra_basis(b)
    res = fordel_oere(oere, andele, orden)
    assert sum(res.values()) == oere
    assert fordel_oere(-oere, andele, orden) == {k: -v for k, v in res.items()}
    # never more than one øre from the exact quota
    for k in orden:
        assert abs(res[k] - oere * andele[k]) < 1


@settings(max_examples=200, deadline=None)
@given(basis, st.lists(st.integers(min_value=-10**9, max_value=10**9), min_size=1, max_size=10), st.randoms())
def test_uafhaengig_af_kontoraekkefoelge_og_totaler_er_eksakte(b, beloeb, rnd):
    orden = sorted(b)
    andele = andele_fra_basis(b)
    foer = [fordel_oere(x, andele, orden) for x in beloeb]
    blandet = list(enumerate(beloeb))
    rnd.shuffle(blandet)
    efter = {i: fordel_oere(x, andele, orden) for i, x in blandet}
    assert foer == [efter[i] for i in range(len(beloeb))]
    total = {k: sum(f[k] for f in foer) for k in orden}
    assert sum(total.values()) == sum(beloeb)
