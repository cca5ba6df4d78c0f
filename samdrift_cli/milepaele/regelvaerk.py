"""The machinery the milestones' rules share: the registry of rules (``regel``), the approvals and
who may give them, the order of facts, the files they read, expenses outside the current budget and
the dates each milestone's documents give. The rules themselves are in forarbejdsfasen.py,
udviklingsfasen.py and etableringsfasen.py, as the playbook divides them; regler.py judges them all."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, TYPE_CHECKING

from samdrift_cli.identitet import normaliser
from samdrift_cli.indlaesning.navne import citeret
from samdrift_cli.milepaele.katalog import ADMINISTRATIVE_ORGANER
from samdrift_cli.milepaele.status import Mangel, Vurdering, opremsning
from samdrift_cli.skemaer.felter import tom

if TYPE_CHECKING:
    from samdrift_cli.indlaesning.samdriftsmappe import Samdriftsmappe
    from samdrift_cli.skemaer.milepaele import Registrering


@dataclass(frozen=True)
class Grundlag:
    """What a rule judges besides the folder: the day it is judged on, and the verdicts so far
    (a leverance that sums up its opgaver reads theirs)."""

    i_dag: dt.date
    resultater: dict


Regel = Callable[["Samdriftsmappe", Grundlag], Vurdering]
REGLER: dict[tuple[int, str, int], Regel] = {}


def regel(nr: int, art: str, i: int):
    def registrer(f: Regel) -> Regel:
        REGLER[(nr, art, i)] = f
        return f
    return registrer


# -- helpers ---------------------------------------------------------------------


def registrering(mappe: "Samdriftsmappe", nr: int, art: str, i: int) -> "Registrering | None":
    sted = registreret(mappe, nr, art, i)
    return sted[0] if sted else None


def registreret(mappe: "Samdriftsmappe", nr: int, art: str, i: int) -> "tuple[Registrering, tuple] | None":
    """The registration of an opgave or leverance that is udført, with its place in milepaele.yaml."""
    mp = mappe.milepaele
    if mp is None:
        return None
    liste = "opgaver" if art == "opgave" else "leverancer"
    for j, m in enumerate(mp.milepaele):
        if m.nr == nr:
            for k, r in enumerate(getattr(m, liste)):
                if r.nr == i and r.udfoert:
                    return r, ("milepaele", j, liste, k)
    return None


def _kommando(nr: int, art: str, i: int) -> str:
    return f"brug 'samdrift afkryds {nr} --{art} {i} --dato ÅÅÅÅ-MM-DD --af \"…\" --referat \"…\"'"


MP = "milepaele.yaml"


def godkendelse(mappe, i_dag: dt.date, nr: int, art: str, i: int, hvad: str, kraev_referat: bool = False,
                administrativ: bool = False) -> Vurdering:
    v = Vurdering()
    sted = registreret(mappe, nr, art, i)
    if sted is None:
        v.mangler.append(Mangel(f"{hvad} er ikke registreret", MP, henvisning=_kommando(nr, art, i)))
        return v
    r, sti = sted
    hvilken = f"milepæl {nr}, {art} {i}"
    if tom(r.af):
        v.mangler.append(Mangel(f"{hvilken}: hvem der godkendte, mangler", MP, sti, "af"))
    if r.dato is None:
        v.mangler.append(Mangel(f"{hvilken}: dato mangler", MP, sti, "dato"))
    if kraev_referat and tom(r.referat):
        v.mangler.append(Mangel(f"{hvilken}: henvisning til referat eller underskrift mangler", MP, sti, "referat"))
    if r.dato is not None and r.dato > i_dag:
        v.mangler.append(Mangel(f"{hvilken} er dateret {r.dato.isoformat()}, efter i dag ({i_dag.isoformat()}); "
                                "registreringen tæller først fra den dag", MP, sti + ("dato",)))
    if administrativ and not tom(r.af):
        v = saml(v, administrativ_godkender(mappe, r.af, hvilken, MP, sti + ("af",)))
    for grundlag, dato in _grundlag(mappe, nr):
        v.mangler += ikke_foer(MP, sti + ("dato",), f"{hvilken}: {hvad}", r.dato, grundlag, dato)
    return v


def _grundlag(mappe, nr: int) -> list[tuple[str, dt.date | None]]:
    """What an approval of milepæl ``nr`` approves or rests on, with its date: it must not be dated before."""
    s, o, e = mappe.samdrift, mappe.oplaeg, mappe.evaluering
    ud: list[tuple[str, dt.date | None]] = []
    if nr == 2:
        ud.append(("udpegningen af projektlederen", s.projektleder.udpeget_dato if s.projektleder else None))
        ud.append(("oplægget", o.udarbejdet.dato if o and o.udarbejdet else None))
    elif nr == 3:
        r = registrering(mappe, 2, "opgave", 3)
        ud.append(("den administrative godkendelse af oplægget (milepæl 2)", r.dato if r else None))
        an, ia = mappe.analyse, mappe.interessenter
        ud.append(("analysen", an.udarbejdet.dato if an and an.udarbejdet else None))
        ud.append(("interessentanalysen", ia.udarbejdet.dato if ia and ia.udarbejdet else None))
    elif nr == 12 and e is not None:
        datoer = [f.dato for f in e.formidling if f.dato]
        ud.append(("formidlingen af resultaterne (milepæl 11)", max(datoer) if datoer else None))
    return ud


def administrativ_godkender(mappe, af: str, hvad: str, fil: str, sti: tuple, organisationsbestyrelsen: bool = False) -> Vurdering:
    """An administrative approval comes from the administrativ ledelse or the driftsansvarlige ("Den
    administrative ledelse eller den driftsansvarlige godkender", milepæl 2, 3 and 12): never from an
    afdelingsbestyrelse, an afdelingsmøde or the organisationsbestyrelse alone (a resident-elected
    board), and from nobody the folder does not name. Who they are: samdrift.yaml's roller
    (administrativ_ledelse, driftsansvarlig, and an øvrig rolle such as 'Direktør'), or an organ the
    playbook names ('Direktionen', 'Den administrative ledelse', 'driftschefen' …). ``hvad``: what
    was approved or decided, as the sentence begins. ``organisationsbestyrelsen``: it may decide too
    (milepæl 5: going on without the beboervalgtes backing, a decision above the administration)."""
    tekst = normaliser(af)
    admin = any(o in tekst for o in ADMINISTRATIVE_ORGANER)
    roller = mappe.samdrift.roller
    navne = [x for x in (roller.administrativ_ledelse, roller.driftsansvarlig) if x] if roller else []
    navne += [r.navn for r in (roller.oevrige if roller else []) if r.navn and any(o in normaliser(r.rolle)
                                                                                   for o in ADMINISTRATIVE_ORGANER)]
    kendt = admin or any(normaliser(n) in tekst or tekst in normaliser(n) for n in navne)
    if not admin and ("afdelingsbestyrelse" in tekst or "afdelingsmøde" in tekst or "beboer" in tekst):
        return Vurdering([Mangel(f"{hvad}: godkendt af »{af}«, men en administrativ godkendelse skal komme fra den "
                                 "administrative ledelse (fx direktionen) eller den driftsansvarlige, ikke fra de beboervalgte",
                                 fil, sti)])
    if organisationsbestyrelsen and "organisationsbestyrelse" in tekst:
        return Vurdering()
    if not kendt and "organisationsbestyrelse" in tekst:
        return Vurdering([Mangel(f"{hvad}: godkendt af »{af}«, men drejebogen siger: »Den administrative ledelse eller den "
                                 "driftsansvarlige godkender«; organisationsbestyrelsen kan være med, men godkendelsen skal "
                                 "komme fra administrationen", fil, sti)])
    if kendt:
        return Vurdering()
    return Vurdering([Mangel(f"{hvad}: kan ikke se, at »{af}« er den administrative ledelse eller den driftsansvarlige; skriv "
                             "fx »Direktionen«, eller angiv personen blandt samdriftens roller", fil, sti,
                             henvisning="i samdrift.yaml under roller: administrativ_ledelse, driftsansvarlig eller en øvrig "
                                        "rolle som »Direktør«")])


def ikke_foer(fil: str, sti: tuple, hvad: str, dato: dt.date | None, grundlag: str, grundlag_dato: dt.date | None) -> list[Mangel]:
    """Order fact by fact: ``hvad`` (dated ``dato``) must not come before ``grundlag`` it approves or rests on."""
    if dato is None or grundlag_dato is None or dato >= grundlag_dato:
        return []
    return [Mangel(f"{hvad} er dateret {dato.isoformat()}, før {grundlag} ({grundlag_dato.isoformat()}), som den bygger på",
                   fil, sti)]


def kraever(r: dict, nr: int, *opgaver: int) -> Vurdering:
    """A leverance that is the sum of its opgaver: name the opgaver not yet met."""
    aabne = [i for i in opgaver if not r[(nr, "opgave", i)].opfyldt]
    if not aabne:
        return Vurdering()
    return Vurdering([Mangel(f"opgave {opremsning(map(str, aabne))} i milepæl {nr} er ikke opfyldt", afledt=True)])


def plads(liste: list, noegle: str, vaerdi) -> int | None:
    """The position in ``liste`` of the first item whose ``noegle`` is ``vaerdi``."""
    return next((i for i, x in enumerate(liste) if getattr(x, noegle) == vaerdi), None)


def fil_mangler(filnavn: str, hvad: str) -> Vurdering:
    return Vurdering([Mangel(f"{hvad} mangler", filnavn, henvisning="filen findes ikke ('samdrift init' laver en skabelon)")])


def saml(*dele: Vurdering) -> Vurdering:
    v = Vurdering()
    for d in dele:
        v.mangler += [m for m in d.mangler if m not in v.mangler]
        v.advarsler += [a for a in d.advarsler if a not in v.advarsler]
    return v


def felter(objekt, navne: dict[str, str], fil: str, sti: tuple, emne: str, gruppe: str | None = None) -> list[Mangel]:
    """The fields of ``objekt`` (at ``sti`` in ``fil``) that are empty, as one finding about ``emne``:
    ``navne`` gives each field's words ("udpeget_af": "hvem der udpegede")."""
    mangler = [(navn, tekst) for navn, tekst in navne.items() if objekt is None or tom(getattr(objekt, navn, None))]
    if not mangler:
        return []
    ord_ = tuple(t for _, t in mangler)
    return [Mangel(f"{emne}: {opremsning(ord_)} mangler", fil, sti, ", ".join(n for n, _ in mangler), gruppe=gruppe, felter=ord_)]


# -- the files the rules read ----------------------------------------------------

S = "samdrift.yaml"
OP = "oplaeg.yaml"
AN, IA, MO = "analyse.yaml", "interessenter.yaml", "model.yaml"
IP4 = "inddragelsesplan.yaml"
MAALGRUPPER = (("beboervalgte", "de beboervalgte"), ("lokal_drift", "den lokale drift"))
AF = "aftale.yaml"
IM = "implementeringsplan.yaml"
BUDGETGODKENDELSE = "budgetgodkendelse: afdeling, afdelingsmoede, dato, referat"


# -- expenses outside the current budget, and the regnskabsår -------------------------


def aktiviteten(mappe, a) -> str:
    return f"aktiviteten {citeret(mappe.navne.aktivitet(a.id))}"


def aktivitetens_budgetgodkendelse(mappe, a, sti: tuple, planlagt: bool, i_dag: dt.date) -> list[Mangel]:
    """An activity (at ``sti`` in the implementeringsplan) with an expense outside the current budget
    "skal planlægges, så de først etableres, når de er budgetgodkendt af afdelingsmøderne": an approval
    per affected afdeling, dated before the activity starts (``planlagt``: the plan shows it), and given
    by now once the activity is under way."""
    if a.i_budget is not False:
        return []
    ud = []
    for afd, g in _godkendelser(mappe, a):
        navn = mappe.navne.afdeling(afd)
        if g is None or g.dato is None:
            ud.append(Mangel(f"{aktiviteten(mappe, a)} har en udgift uden for det gældende budget; afdelingsmødet i {navn} "
                             "skal budgetgodkende den, før den sættes i gang", IM, sti, BUDGETGODKENDELSE))
            continue
        if a.start is not None and g.dato > a.start:
            ud.append(Mangel(f"{aktiviteten(mappe, a)} starter {a.start.isoformat()}, før afdelingsmødet i {navn} godkender "
                             f"udgiften ({g.dato.isoformat()}); planlæg den, så den først sættes i gang efter", IM,
                             sti + ("start",)))
    if not planlagt and a.status in ("igang", "gennemfoert") and not ud:
        ud += budget_godkendt(mappe, a, f"{aktiviteten(mappe, a)} er sat i gang, men", IM, sti, i_dag, i_dag)
    return ud


def _godkendelser(mappe, post) -> list[tuple]:
    """Each afdeling an expense falls on (its ``afdelinger``; none given: all) with its
    afdelingsmøde's approval, or None."""
    godkendt = {g.afdeling: g for g in post.budgetgodkendelse}
    return [(afd, godkendt.get(afd)) for afd in post.afdelinger or mappe.afdeling_ids]


def _ikke_budgetgodkendt(mappe, post, senest: dt.date, i_dag: dt.date) -> list[str]:
    """For an expense outside the current budget (an activity, a new mål): the names of the affected
    afdelinger whose afdelingsmøde's approval is not documented by ``senest`` (a date, no later than
    today, and a referat)."""
    if post.i_budget is not False:
        return []
    senest = min(senest, i_dag)
    return [mappe.navne.afdeling(afd) for afd, g in _godkendelser(mappe, post)
            if g is None or g.dato is None or g.dato > senest or tom(g.referat)]


def budget_godkendt(mappe, post, hvad: str, fil: str, sti: tuple, senest: dt.date, i_dag: dt.date) -> list[Mangel]:
    """:func:`_ikke_budgetgodkendt` as findings; ``hvad`` begins each ("aktiviteten »…« …, men")."""
    hvornaar = "i dag" if senest >= i_dag else senest.isoformat()
    return [Mangel(f"{hvad} afdelingsmødets budgetgodkendelse i {navn} er ikke dokumenteret (dato til og med {hvornaar} "
                   "og referat)", fil, sti, BUDGETGODKENDELSE)
            for navn in _ikke_budgetgodkendt(mappe, post, senest, i_dag)]


def budget_foer_milepaelen(mappe, nr: int, v: Vurdering, i_dag: dt.date) -> None:
    """Milepæl 8 and 9: "man må afvente godkendelse af budgetter på næste (evt. ekstraordinære)
    afdelingsmøde, før man kan gennemføre den resterende del af udviklingsfasen og igangsætte
    etableringsfasen". An activity outside the budget that begins by the milestone's date needs the
    approval by then; one that begins later may wait for it (milepæl 6: "planlægges, så de først
    etableres, når de er budgetgodkendt"), which milepæl 9 tells."""
    ip = mappe.implementeringsplan
    dato = faktadato(mappe, nr) or i_dag
    for i, a in enumerate(ip.aktiviteter if ip else []):
        if a.status == "aflyst":
            continue
        if a.start is None or a.start <= dato:
            hvornaar = "begynder før milepælen" if a.start else "har ingen start (så den kan begynde når som helst)"
            v.mangler += budget_godkendt(mappe, a, f"{aktiviteten(mappe, a)} har en udgift uden for det gældende budget og "
                                                    f"{hvornaar}, men", IM, ("aktiviteter", i), dato, i_dag)
        elif nr == 9:
            v.advarsler += [Mangel(f"{aktiviteten(mappe, a)} afventer afdelingsmødets budgetgodkendelse i {navn}; den kan "
                                   f"først sættes i gang derefter (start {a.start.isoformat()})", IM, ("aktiviteter", i))
                            for navn in _ikke_budgetgodkendt(mappe, a, a.start, i_dag)]


def aar_efter(d: dt.date) -> dt.date:
    try:
        return d.replace(year=d.year + 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year + 1, day=28)


def et_regnskabsaar(fra: dt.date, til: dt.date) -> bool:
    return til >= aar_efter(fra) - dt.timedelta(days=1)


# -- dates the documents give, per milestone ----------------------------------------


def _seneste(*datoer) -> dt.date | None:
    d = [x for x in datoer if isinstance(x, dt.date)]
    return max(d) if d else None


def faktadato(mappe: "Samdriftsmappe", nr: int) -> dt.date | None:
    s, o, a, ip = mappe.samdrift, mappe.oplaeg, mappe.aftale, mappe.implementeringsplan
    p, ori, ev, an = mappe.inddragelsesplan, mappe.orientering, mappe.evaluering, mappe.analyse
    if nr == 1:
        return _seneste(s.projektleder and s.projektleder.udpeget_dato, s.vilkaar and s.vilkaar.dato)
    if nr == 2 and o:
        return _seneste(o.udarbejdet and o.udarbejdet.dato, *(b.dato for b in o.beboervalgtes_oensker))
    if nr == 3:
        return _seneste(an and an.udarbejdet and an.udarbejdet.dato,
                        mappe.interessenter and mappe.interessenter.udarbejdet and mappe.interessenter.udarbejdet.dato)
    if nr == 4 and p:
        return _seneste(p.udarbejdet and p.udarbejdet.dato)
    if nr == 5 and p:
        return _seneste(*(x.gennemfoert.dato for x in p.aktiviteter if x.gennemfoert), *(v.dato for v in p.vurderinger),
                        p.revision and p.revision.dato)
    if nr == 6 and a:
        return _seneste(*(u.dato for u in a.tiltraedelse))
    if nr == 7 and ip:
        return _seneste(ip.udarbejdet and ip.udarbejdet.dato, ip.evalueringsperiode and ip.evalueringsperiode.dato)
    if nr == 8 and ori:
        return _seneste(*(g.distribution.dato for g in ori.maalgrupper if g.distribution))
    if nr == 9 and ori and ori.markering:
        return _seneste(ori.markering.dato, ori.markering.fravalgt and ori.markering.fravalgt.dato)
    if nr == 10 and ev:
        return _seneste(*(i.dato for i in ev.interviews))
    if nr == 11 and ev:
        return _seneste(*(f.dato for f in ev.formidling))
    if nr == 12 and ev and ev.overdragelse:
        return _seneste(ev.overdragelse.dato)
    return None
