"""One rule per opgave and leverance: which facts in the folder show it done, and what is missing.

A rule is a small function from the loaded folder to a ``Vurdering`` (missing facts and
warnings). Decisions and approvals (godkendelser) live in milepaele.yaml; content lives in the
documents. ``vurder`` applies the playbook's gate: a milestone is reached only when every
earlier one is.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Callable

from samdrift_cli.idag import idag
from samdrift_cli.identitet import normaliser
from samdrift_cli.skemaer.felter import tom
from samdrift_cli.milepaele.katalog import ADMINISTRATIVE_ORGANER, FILER, GODKENDELSER, KATALOG, LEVERANCE_AF_OPGAVER
from samdrift_cli.milepaele.status import Milepaelsstatus, Punkt, Vurdering

if TYPE_CHECKING:
    from samdrift_cli.indlaesning.samdriftsmappe import Samdriftsmappe
    from samdrift_cli.skemaer.milepaele import Registrering


Regel = Callable[["Samdriftsmappe", dict], Vurdering]
REGLER: dict[tuple[int, str, int], Regel] = {}


def regel(nr: int, art: str, i: int):
    def registrer(f: Regel) -> Regel:
        REGLER[(nr, art, i)] = f
        return f
    return registrer


# -- helpers ---------------------------------------------------------------------


def registrering(mappe: "Samdriftsmappe", nr: int, art: str, i: int) -> "Registrering | None":
    mp = mappe.milepaele
    if mp is None:
        return None
    for m in mp.milepaele:
        if m.nr == nr:
            for r in (m.opgaver if art == "opgave" else m.leverancer):
                if r.nr == i and r.udfoert:
                    return r
    return None


def _kommando(nr: int, art: str, i: int) -> str:
    return f"samdrift afkryds {nr} --{art} {i} --dato ÅÅÅÅ-MM-DD --af \"…\" --referat \"…\""


def godkendelse(mappe, nr: int, art: str, i: int, hvad: str, kraev_referat: bool = False,
                administrativ: bool = False) -> Vurdering:
    hvad_ = hvad[:1].upper() + hvad[1:]
    v = Vurdering()
    r = registrering(mappe, nr, art, i)
    if r is None:
        v.mangler.append(f"milepaele.yaml: {hvad} er ikke registreret; brug '{_kommando(nr, art, i)}'")
        return v
    if tom(r.af):
        v.mangler.append(f"milepaele.yaml: milepæl {nr}, {art} {i}: hvem ('af') mangler")
    if r.dato is None:
        v.mangler.append(f"milepaele.yaml: milepæl {nr}, {art} {i}: dato mangler")
    if kraev_referat and tom(r.referat):
        v.mangler.append(f"milepaele.yaml: milepæl {nr}, {art} {i}: henvisning til referat eller underskrift mangler")
    if r.dato is not None and r.dato > idag():
        v.mangler.append(f"milepaele.yaml: milepæl {nr}, {art} {i} er dateret {r.dato.isoformat()}, efter i dag "
                         f"({idag().isoformat()}); registreringen tæller først fra den dag")
    if administrativ and not tom(r.af):
        v = saml(v, administrativ_godkender(mappe, r.af, f"milepaele.yaml: milepæl {nr}, {art} {i}"))
    hvor = f"milepaele.yaml: milepæl {nr}, {art} {i}"
    for grundlag, dato in _grundlag(mappe, nr):
        v.mangler += _foer(hvor, hvad_, r.dato, grundlag, dato)
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


def administrativ_godkender(mappe, af: str, hvor: str) -> Vurdering:
    """An administrative approval comes from the administrativ ledelse or the driftsansvarlige ("Den
    administrative ledelse eller den driftsansvarlige godkender", milepæl 2, 3 and 12): never from an
    afdelingsbestyrelse, an afdelingsmøde or the organisationsbestyrelse alone (a resident-elected
    board), and from nobody the folder does not name. Who they are: samdrift.yaml's roller
    (administrativ_ledelse, driftsansvarlig, and an øvrig rolle such as 'Direktør'), or an organ the
    playbook names ('Direktionen', 'Den administrative ledelse', 'driftschefen' …)."""
    tekst = normaliser(af)
    admin = any(o in tekst for o in ADMINISTRATIVE_ORGANER)
    roller = mappe.samdrift.roller
    navne = [x for x in (roller.administrativ_ledelse, roller.driftsansvarlig) if x] if roller else []
    navne += [r.navn for r in (roller.oevrige if roller else []) if r.navn and any(o in normaliser(r.rolle)
                                                                                   for o in ADMINISTRATIVE_ORGANER)]
    kendt = admin or any(normaliser(n) in tekst or tekst in normaliser(n) for n in navne)
    if not admin and ("afdelingsbestyrelse" in tekst or "afdelingsmøde" in tekst or "beboer" in tekst):
        return Vurdering([f"{hvor}: godkendt af '{af}', men en administrativ godkendelse skal komme fra den administrative "
                          "ledelse (fx direktionen) eller den driftsansvarlige, ikke fra de beboervalgte"])
    if not kendt and "organisationsbestyrelse" in tekst:
        return Vurdering([f"{hvor}: godkendt af '{af}', men drejebogen siger: 'Den administrative ledelse eller den "
                          "driftsansvarlige godkender'; organisationsbestyrelsen kan være med, men godkendelsen skal "
                          "komme fra administrationen"])
    if kendt:
        return Vurdering()
    return Vurdering([f"{hvor}: kan ikke se, at '{af}' er den administrative ledelse eller den driftsansvarlige; skriv fx "
                      "'Direktionen', eller angiv personen i samdrift.yaml under roller (administrativ_ledelse, "
                      "driftsansvarlig, eller en øvrig rolle som 'Direktør')"])


def _foer(hvor: str, hvad: str, dato: dt.date | None, grundlag: str, grundlag_dato: dt.date | None) -> list[str]:
    """Order fact by fact: ``hvad`` (dated ``dato``) must not come before ``grundlag`` it approves or rests on."""
    if dato is None or grundlag_dato is None or dato >= grundlag_dato:
        return []
    return [f"{hvor}: {hvad} er dateret {dato.isoformat()}, før {grundlag} ({grundlag_dato.isoformat()}), som den bygger på"]


def kraever(r: dict, nr: int, *opgaver: int) -> Vurdering:
    """A leverance that is the sum of its opgaver: name the opgaver not yet met."""
    aabne = [i for i in opgaver if not r[(nr, "opgave", i)].opfyldt]
    if not aabne:
        return Vurdering()
    if len(aabne) == 1:
        return Vurdering([f"opgave {aabne[0]} i milepæl {nr} er ikke opfyldt"])
    return Vurdering([f"opgave {', '.join(map(str, aabne[:-1]))} og {aabne[-1]} i milepæl {nr} er ikke opfyldt"])


def fil_mangler(filnavn: str, hvad: str) -> Vurdering:
    return Vurdering([f"{filnavn}: filen mangler ({hvad}); 'samdrift init' laver en skabelon"])


def saml(*dele: Vurdering) -> Vurdering:
    v = Vurdering()
    for d in dele:
        v.mangler += [m for m in d.mangler if m not in v.mangler]
        v.advarsler += [a for a in d.advarsler if a not in v.advarsler]
    return v


def felter(objekt, navne: dict[str, str], praefiks: str) -> list[str]:
    """Missing fields of ``objekt`` as messages."""
    mangler = [tekst for navn, tekst in navne.items() if objekt is None or tom(getattr(objekt, navn, None))]
    return [f"{praefiks}: {', '.join(mangler)} mangler"] if mangler else []


def _navn(mappe, afd_id: str) -> str:
    for a in mappe.samdrift.afdelinger:
        if a.id == afd_id:
            return a.navn
    return afd_id


# -- milepæl 1 -------------------------------------------------------------------


@regel(1, "opgave", 1)
def _m1_o1(mappe, _):
    p = mappe.samdrift.projektleder
    if p is None:
        return Vurdering(["samdrift.yaml: projektleder mangler (navn, udpeget_af, udpeget_dato)"])
    v = Vurdering(felter(p, {"navn": "navn", "udpeget_af": "hvem der udpegede (udpeget_af)",
                             "udpeget_dato": "dato (udpeget_dato)"}, "samdrift.yaml: projektleder"))
    if not tom(p.udpeget_af):  # "Den administrative ledelse udpeger en projektleder"
        v = saml(v, administrativ_godkender(mappe, p.udpeget_af, "samdrift.yaml: projektleder.udpeget_af"))
    return v


@regel(1, "opgave", 2)
def _m1_o2(mappe, _):
    v = mappe.samdrift.vilkaar
    if v is None or tom(v.beskrivelse):
        return Vurdering(["samdrift.yaml: vilkaar.beskrivelse mangler (vilkårene for samdrift i boligorganisationen)"])
    ud = Vurdering()
    if tom(v.vurdering):
        ud.advarsler.append("samdrift.yaml: vilkaar.vurdering mangler: hvordan påvirker vilkårene arbejdet?")
    if v.nedskrevne is False and tom(v.besluttet_af):
        ud.advarsler.append("samdrift.yaml: der er ingen nedskrevne vilkår; drejebogen anbefaler, at den administrative "
                            "ledelse og/eller organisationsbestyrelsen fastsætter dem (vilkaar.besluttet_af)")
    return ud



# -- milepæl 2 -------------------------------------------------------------------

OPLAEG_EMNER = {
    "formaal": "formål med samdriften",
    "andre_afdelinger": "andre boligafdelinger",
    "interessenter": "interessenternes interesse, interne tillid og forventninger",
    "oekonomi": "boligafdelingernes økonomi",
    "fysik": "boligafdelingernes fysik",
    "organisering": "ejendomskontorernes organisering",
    "beboerservice": "beboerservicen",
}


@regel(2, "opgave", 1)
def _m2_o1(mappe, _):
    o = mappe.oplaeg
    if o is None:
        return fil_mangler("oplaeg.yaml", "Bilag 1")
    v = Vurdering()
    vurderet = {b.afdeling: b for b in o.beboervalgtes_oensker}
    for afd in mappe.afdeling_ids:
        b = vurderet.get(afd)
        if b is None or tom(b.vurdering):
            v.mangler.append(f"oplaeg.yaml: beboervalgtes_oensker: vurdering for '{afd}' mangler")
        elif b.accept in ("nej", "usikker") and tom(b.konsekvens_uden_accept):
            v.advarsler.append(f"oplaeg.yaml: accept i '{afd}' er {b.accept}; beskriv konsekvensen, hvis samdriften "
                               "etableres uden tiltrædelse (konsekvens_uden_accept)")
    return v


@regel(2, "opgave", 2)
def _m2_o2(mappe, _):
    o = mappe.oplaeg
    if o is None:
        return fil_mangler("oplaeg.yaml", "Bilag 1")
    v = Vurdering()
    manglende = [tekst for felt, tekst in OPLAEG_EMNER.items() if tom(getattr(o, felt)) or tom(getattr(o, felt).samlet)]
    if manglende:
        v.mangler.append(f"oplaeg.yaml: emner uden vurdering: {', '.join(manglende)}")
    for felt, hvad in (("fordele", "fordele"), ("ulemper", "ulemper")):
        e = getattr(o, felt)
        if e is None or tom(e.samlet):
            v.mangler.append(f"oplaeg.yaml: {hvad} samlet mangler ({felt}.samlet)")
        for afd in mappe.afdeling_ids:
            if e is None or tom(e.afdelinger.get(afd)):
                v.mangler.append(f"oplaeg.yaml: {hvad} for '{afd}' mangler ({felt}.afdelinger.{afd})")
    if tom(o.konklusion):
        v.mangler.append("oplaeg.yaml: konklusion mangler")
    return v





# -- milepæl 3 -------------------------------------------------------------------

ANALYSE_EMNER = {
    "interessenter": "interessenter",
    "fysik": "fysik",
    "oekonomi": "økonomi",
    "organisering": "ejendomskontorernes organisering",
    "beboerservice": "beboerservice",
}


@regel(3, "opgave", 1)
def _m3_o1(mappe, _):
    v = Vurdering()
    a = mappe.analyse
    if a is None:
        v = saml(v, fil_mangler("analyse.yaml", "analysen af muligheder og udfordringer"))
    else:
        manglende = [t for f, t in ANALYSE_EMNER.items() if tom(getattr(a, f))]
        if manglende:
            v.mangler.append(f"analyse.yaml: emner uden analyse: {', '.join(manglende)}")
        k = a.kompetenceanalyse
        if k is None or (not k.medarbejdere and tom(k.kompetencegab)):
            v.mangler.append("analyse.yaml: kompetenceanalyse mangler")
        if a.ejendomskontor is None or tom(a.ejendomskontor.placering):
            v.mangler.append("analyse.yaml: analyse af placering (og antal) af ejendomskontorer mangler (ejendomskontor.placering)")
    ia = mappe.interessenter
    if ia is None:
        v = saml(v, fil_mangler("interessenter.yaml", "interessentanalysen, Bilag 2"))
    elif not ia.interessenter:
        v.mangler.append("interessenter.yaml: ingen interessenter")
    else:
        for x in ia.interessenter:
            mangler = []
            if x.kvadrant is None:
                mangler.append("indflydelse og deltagelse")
            for felt, tekst in (("interesse", "interesse"), ("paavirkning", "påvirkning"), ("haandtering", "håndtering")):
                if tom(getattr(x, felt)):
                    mangler.append(tekst)
            if mangler:
                v.mangler.append(f"interessenter.yaml: '{x.id}': {', '.join(mangler)} mangler")
        if len(ia.interessenter) > 10:
            v.advarsler.append(f"interessenter.yaml: {len(ia.interessenter)} interessenter; drejebogen anbefaler højst "
                               "8–10; saml enkeltpersoner i grupper")
    return v


@regel(3, "opgave", 2)
def _m3_o2(mappe, _):
    m = mappe.model
    if m is None:
        return fil_mangler("model.yaml", "forslag til samdriftsmodel, Bilag 3")
    v = Vurdering()
    if m.start is None and (mappe.samdrift.start is None or mappe.samdrift.start.planlagt is None):
        v.mangler.append("model.yaml: start mangler (hvornår samdriften forventes igangsat)")
    if not m.maal:
        v.mangler.append("model.yaml: ingen mål for samdriften (maal)")
    else:
        maalbare = [x for x in m.maal if not tom(x.maalvaerdi) and not tom(x.maaling) and x.frist is not None]
        if not maalbare:
            v.mangler.append("model.yaml: mindst ét mål med en målbar målværdi (maaling og maalvaerdi) og en frist")
        elif not any(x.type == "oekonomi" for x in maalbare):
            # the playbook: mål "fx … for økonomien eller beboerservicen"; a samdrift for the service is one too
            v.advarsler.append("model.yaml: intet målbart mål for økonomien (type: oekonomi); drejebogen nævner økonomien "
                               "som et typisk mål, og milepæl 10 opgør besparelsen mod det")
        for x in m.maal:
            smart = []
            if tom(x.maalvaerdi) or tom(x.maaling):
                smart.append("målbart (maaling og maalvaerdi)")
            if x.frist is None:
                smart.append("tidsafgrænset (frist)")
            if tom(x.accepteret_af):
                smart.append("accepteret (accepteret_af)")
            if smart:
                v.advarsler.append(f"model.yaml: målet '{x.id}' er ikke SMART: {', '.join(smart)} mangler")
    i = m.indhold
    if i is None or (tom(i.driftsmaessigt) and not (i.faelles_personale or i.faelles_kontorhold or i.faelles_lokaler or i.faelles_indkoeb)):
        v.mangler.append("model.yaml: indholdet i samdriften mangler (indhold: driftsmæssigt samarbejde, 2.1–2.4)")
    elif tom(i.beboerdemokratisk) and (i.moedeforum is None or tom(i.moedeforum.navn)):
        v.advarsler.append("model.yaml: det beboerdemokratiske samarbejde er ikke beskrevet (indhold.beboerdemokratisk, 2.7 mødeforum)")
    o = m.organisationsplan
    if o is None or not o.stillinger:
        v.mangler.append("model.yaml: organisationsplan mangler (organisationsplan.stillinger)")
    if not m.fordelingsnoegler:
        v.mangler.append("model.yaml: ingen fordelingsnøgler")
    if not any(k.med for k in m.konti):
        v.mangler.append("model.yaml: ingen konti indgår i samdriften (konti med 'med: true')")
    if m.opgoerelse is None or tom(m.opgoerelse.beskrivelse):
        v.advarsler.append("model.yaml: opgørelse af udgifter og timeforbrug (4.1) er ikke beskrevet")
    return v




# -- milepæl 4 -------------------------------------------------------------------


@regel(4, "opgave", 1)
def _m4_o1(mappe, _):
    p = mappe.inddragelsesplan
    if p is None:
        return fil_mangler("inddragelsesplan.yaml", "tids- og aktivitetsplan for inddragelse")
    v = Vurdering()
    if not p.aktiviteter:
        v.mangler.append("inddragelsesplan.yaml: ingen aktiviteter")
        return v
    grupper = {g for a in p.aktiviteter for g in a.maalgruppe}
    for g, tekst in (("beboervalgte", "de beboervalgte"), ("lokal_drift", "den lokale drift")):
        if g not in grupper:
            v.mangler.append(f"inddragelsesplan.yaml: ingen aktiviteter for {tekst} (maalgruppe: {g})")
    for a in p.aktiviteter:
        mangler = []
        if tom(a.hvem) and not a.interessenter:
            mangler.append("hvem (hvem eller interessenter)")
        if a.form is None:
            mangler.append("hvordan (form: dialog/inddragelse)")
        if a.dato is None:
            mangler.append("hvornår (dato)")
        if tom(a.ansvarlig):
            mangler.append("ansvarlig")
        if not a.maalgruppe:
            mangler.append("maalgruppe")
        if mangler:
            v.mangler.append(f"inddragelsesplan.yaml: aktiviteten '{a.id}': {', '.join(mangler)} mangler")
    if not any(a.form == "inddragelse" for a in p.aktiviteter):
        v.advarsler.append("inddragelsesplan.yaml: planen har kun dialog/information; drejebogen skelner mellem dialog og egentlig inddragelse")
    return v



# -- milepæl 5 -------------------------------------------------------------------


@regel(5, "opgave", 1)
def _m5_o1(mappe, _):
    p = mappe.inddragelsesplan
    if p is None:
        return fil_mangler("inddragelsesplan.yaml", "tids- og aktivitetsplan for inddragelse")
    v = Vurdering()
    holdt = [a for a in p.aktiviteter if a.gennemfoert and a.gennemfoert.dato]
    for g, tekst in (("beboervalgte", "de beboervalgte"), ("lokal_drift", "den lokale drift")):
        if not any(g in a.maalgruppe and a.form in ("dialog", "inddragelse") for a in holdt):
            v.mangler.append(f"inddragelsesplan.yaml: ingen gennemført dialog eller inddragelse med {tekst} "
                             "(aktiviteter med gennemfoert.dato)")
    emner = {a.emne for a in holdt}
    for emne, tekst in (("udviklingsprocessen", "udviklingsprocessen"), ("samdriftsmodellen", "forslaget til samdriftsmodel")):
        if emne not in emner and "begge" not in emner:
            v.mangler.append(f"inddragelsesplan.yaml: ingen gennemført aktivitet om {tekst} (emne: {emne} eller begge)")
    ikke_holdt = [a.id for a in p.aktiviteter if not (a.gennemfoert and a.gennemfoert.dato)]
    if ikke_holdt and holdt:
        v.advarsler.append(f"inddragelsesplan.yaml: aktiviteter ikke gennemført: {', '.join(ikke_holdt)}")
    return v


@regel(5, "opgave", 2)
def _m5_o2(mappe, _):
    p = mappe.inddragelsesplan
    if p is None:
        return fil_mangler("inddragelsesplan.yaml", "vurdering af, om de beboervalgte kan tiltræde")
    v = Vurdering()
    vurd = {x.afdeling: x for x in p.vurderinger}
    for afd in mappe.afdeling_ids:
        x = vurd.get(afd)
        if x is None:
            v.mangler.append(f"inddragelsesplan.yaml: vurdering af, om de beboervalgte i '{afd}' kan tiltræde, mangler (vurderinger)")
            continue
        if tom(x.begrundelse):
            v.mangler.append(f"inddragelsesplan.yaml: vurderingen for '{afd}' mangler en begrundelse")
        # "Beboervalgte og den lokale drift bakker op": the playbook asks about both
        if x.lokal_drift is None:
            v.mangler.append(f"inddragelsesplan.yaml: bakker den lokale drift i '{afd}' op? (lokal_drift: ja, nej eller usikker)")
        elif tom(x.lokal_drift_begrundelse):
            v.mangler.append(f"inddragelsesplan.yaml: vurderingen af den lokale drift i '{afd}' mangler en begrundelse "
                             "(lokal_drift_begrundelse)")
    if p.revision is None:
        v.mangler.append("inddragelsesplan.yaml: revision mangler: er forslaget til samdriftsmodel revideret? (revision.revideret)")
    elif tom(p.revision.beskrivelse):
        v.mangler.append("inddragelsesplan.yaml: revision.beskrivelse mangler")
    elif p.revision.revideret and mappe.model is not None and not mappe.model.revisioner:
        v.advarsler.append("model.yaml: modellen er revideret, men revisionen er ikke noteret i model.yaml (revisioner)")
    return v


@regel(5, "leverance", 1)
def _m5_l1(mappe, r):
    v = Vurdering()
    p = mappe.inddragelsesplan
    if p is None:
        return v
    uden_accept = [x.afdeling for x in p.vurderinger if x.kan_tiltraede != "ja" or x.lokal_drift in ("nej", "usikker")]
    if uden_accept:
        navne = ", ".join(_navn(mappe, a) for a in uden_accept)
        reg = registrering(mappe, 5, "leverance", 1)
        if reg is None or tom(reg.beslutning) or tom(reg.af):
            v.mangler.append(
                f"de beboervalgte eller den lokale drift i {navne} vurderes ikke at bakke op; registrér beslutningen om at "
                f"gå videre, hvem der traf den og hvorfor ('samdrift afkryds 5 --leverance 1 --dato … --af … "
                f"--beslutning \"…\"'), eller afvent opbakning")
        else:
            v.advarsler.append(f"samdriften fortsætter uden opbakning fra de beboervalgte i {navne}; drejebogen advarer "
                               "om mistro og større fokus på fejl, når beboervalgte oplever at blive 'tvunget' ind i en samdrift")
    return v


# -- milepæl 6 -------------------------------------------------------------------


@regel(6, "opgave", 1)
def _m6_o1(mappe, _):
    a = mappe.aftale
    if a is None:
        return fil_mangler("aftale.yaml", "aftale om samdrift, Bilag 4")
    v = Vurdering()
    if a.ikrafttraeden is None:
        v.mangler.append("aftale.yaml: ikrafttraeden mangler (samdriften træder i kraft den)")
    if a.form == "referat" and tom(a.referat):
        v.mangler.append("aftale.yaml: form er 'referat', men henvisningen til referatet mangler (referat)")
    vk = a.vilkaar
    if vk is None:
        v.mangler.append("aftale.yaml: vilkaar mangler (1.1 aktiver, 1.2 inddragelse, 1.3 udtrædelse, 1.4 uenighed)")
        return v
    if not vk.aktiver and vk.ingen_aktiver is not True:
        v.mangler.append("aftale.yaml: 1.1 aktiver: angiv aktiverne, eller sæt ingen_aktiver: true")
    i = vk.inddragelse
    if i is None or (tom(i.beskrivelse) and None in (i.familieboliger, i.ungdomsboliger, i.aeldreboliger)):
        v.mangler.append("aftale.yaml: 1.2 inddragelse af flere boligafdelinger mangler (beskrivelse eller boligtyper ja/nej)")
    elif i.andre_boligorganisationer is None:
        v.mangler.append("aftale.yaml: 1.2 kan afdelinger fra andre boligorganisationer inddrages? (andre_boligorganisationer)")
    u = vk.udtraedelse
    if u is None:
        v.mangler.append("aftale.yaml: 1.3 udtrædelse mangler")
    else:
        if u.administrationen_kan_beslutte is None:
            v.mangler.append("aftale.yaml: 1.3 kan administrationen beslutte udtræden? (administrationen_kan_beslutte)")
        if u.varsel is None or (u.varsel == "andet" and tom(u.varsel_andet)):
            v.mangler.append("aftale.yaml: 1.3 tid fra beslutning til udtræden mangler (varsel)")
        if u.aktiver is None or (u.aktiver == "andet" and tom(u.aktiver_andet)):
            v.mangler.append("aftale.yaml: 1.3 hvad sker der med aktiverne ved udtræden? (aktiver)")
    ue = vk.uenighed
    if ue is None:
        v.mangler.append("aftale.yaml: 1.4 forhold ved uenighed mangler")
    else:
        for felt, ellers, tekst in (
            ("administrationen_afgoer_fordelingsnoegle", "fordelingsnoegle_ellers", "fordelingsnøglen"),
            ("administrationen_afgoer_serviceniveau", "serviceniveau_ellers", "serviceniveauet"),
        ):
            svar = getattr(ue, felt)
            if svar is None:
                v.mangler.append(f"aftale.yaml: 1.4 afgør administrationen uenighed om {tekst}? ({felt})")
            elif svar is False and tom(getattr(ue, ellers)):
                v.mangler.append(f"aftale.yaml: 1.4 hvordan afgøres uenighed om {tekst} så? ({ellers})")
    if mappe.model is None:
        v.mangler.append("model.yaml: samdriftsmodellen, som indgår i aftalen, mangler")
    return v


@regel(6, "opgave", 2)
def _m6_o2(mappe, _):
    a = mappe.aftale
    if a is None:
        return fil_mangler("aftale.yaml", "aftale om samdrift, Bilag 4")
    v = Vurdering()
    if a.ikrafttraeden is not None:
        for u in a.tiltraedelse:
            if u.dato is not None and u.dato > a.ikrafttraeden:
                hvem = "organisationsbestyrelsens" if u.organ == "organisationsbestyrelse" else f"{_navn(mappe, u.afdeling or '')}s"
                v.mangler.append(f"aftale.yaml: {hvem} tiltrædelse er dateret {u.dato.isoformat()}, efter at samdriften "
                                 f"trådte i kraft ({a.ikrafttraeden.isoformat()}); aftalen skal tiltrædes, før den træder i kraft")
    ob = [u for u in a.tiltraedelse if u.organ == "organisationsbestyrelse"]
    for u in ob:
        mangler = [t for t, x in (("navn", u.navn), ("dato", u.dato)) if tom(x)]
        if not mangler:
            if u.navn and not any(o in normaliser(u.navn) for o in ("organisationsbestyrelse", "formand", "bestyrelse")) and \
                    any(o in normaliser(u.navn) for o in ADMINISTRATIVE_ORGANER):
                v.mangler.append(f"aftale.yaml: organisationsbestyrelsens tiltrædelse er underskrevet af '{u.navn}', som er "
                                 "administrationen; den underskrives af organisationsbestyrelsen (fx dens formand)")
            return v  # the organisationsbestyrelse accepted on behalf of every afdeling
        v.mangler.append(f"aftale.yaml: organisationsbestyrelsens tiltrædelse mangler {' og '.join(mangler)}")
    tiltraadt = {u.afdeling: u for u in a.tiltraedelse if u.afdeling}
    for afd in mappe.afdeling_ids:
        u = tiltraadt.get(afd)
        if u is None:
            v.mangler.append(f"aftale.yaml: afdeling '{afd}' har ikke tiltrådt (navn og dato mangler)")
            continue
        mangler = [t for t, x in (("navn", u.navn), ("dato", u.dato)) if tom(x)]
        if mangler:
            v.mangler.append(f"aftale.yaml: afdeling '{afd}' har ikke tiltrådt ({' og '.join(mangler)} mangler)")
        elif a.form == "referat" and tom(u.referat):
            v.mangler.append(f"aftale.yaml: afdeling '{afd}': henvisning til det godkendte referat mangler")
    return v



# -- milepæl 7 -------------------------------------------------------------------


def _budgetgodkendelse(mappe, a, planlagt: bool) -> list[str]:
    """An activity with an expense outside the current budget "skal planlægges, så de først etableres,
    når de er budgetgodkendt af afdelingsmøderne": an approval per affected afdeling, dated before the
    activity starts (``planlagt``: the plan shows it), and given by now once the activity is under way."""
    if a.i_budget is not False:
        return []
    ud = []
    for afd, g in _godkendelser(mappe, a):
        navn = _navn(mappe, afd)
        if g is None or g.dato is None:
            ud.append(f"implementeringsplan.yaml: aktiviteten '{a.id}' har en udgift uden for det gældende budget; "
                      f"afdelingsmødet i {navn} skal budgetgodkende den, før den sættes i gang (budgetgodkendelse: "
                      "afdeling, afdelingsmoede, dato, referat)")
            continue
        if a.start is not None and g.dato > a.start:
            ud.append(f"implementeringsplan.yaml: aktiviteten '{a.id}' starter {a.start.isoformat()}, før afdelingsmødet i "
                      f"{navn} godkender udgiften ({g.dato.isoformat()}); planlæg den, så den først sættes i gang efter")
    if not planlagt and a.status in ("igang", "gennemfoert") and not ud:
        ud += _budget_godkendt(mappe, a, f"implementeringsplan.yaml: aktiviteten '{a.id}' er sat i gang, men", idag())
    return ud


def _godkendelser(mappe, post) -> list[tuple]:
    """Each afdeling an expense falls on (its ``afdelinger``; none given: all) with its
    afdelingsmøde's approval, or None."""
    godkendt = {g.afdeling: g for g in post.budgetgodkendelse}
    return [(afd, godkendt.get(afd)) for afd in post.afdelinger or mappe.afdeling_ids]


def _ikke_budgetgodkendt(mappe, post, senest: dt.date) -> list[str]:
    """For an expense outside the current budget (an activity, a new mål): the affected afdelinger
    whose afdelingsmøde's approval is not documented by ``senest`` (a date, no later than today,
    and a referat)."""
    if post.i_budget is not False:
        return []
    senest = min(senest, idag())
    return [_navn(mappe, afd) for afd, g in _godkendelser(mappe, post)
            if g is None or g.dato is None or g.dato > senest or tom(g.referat)]


def _budget_godkendt(mappe, post, hvad: str, senest: dt.date) -> list[str]:
    """:func:`_ikke_budgetgodkendt` as messages; ``hvad`` begins each ("fil: aktiviteten 'x' …, men")."""
    hvornaar = "i dag" if senest >= idag() else senest.isoformat()
    return [f"{hvad} afdelingsmødets budgetgodkendelse i {navn} er ikke dokumenteret (dato til og med {hvornaar} og referat)"
            for navn in _ikke_budgetgodkendt(mappe, post, senest)]


def _budget_foer(mappe, nr: int, v: Vurdering) -> None:
    """Milepæl 8 and 9: "man må afvente godkendelse af budgetter på næste (evt. ekstraordinære)
    afdelingsmøde, før man kan gennemføre den resterende del af udviklingsfasen og igangsætte
    etableringsfasen". An activity outside the budget that begins by the milestone's date needs the
    approval by then; one that begins later may wait for it (milepæl 6: "planlægges, så de først
    etableres, når de er budgetgodkendt"), which milepæl 9 tells."""
    ip = mappe.implementeringsplan
    dato = _faktadato(mappe, nr) or idag()
    for a in (ip.aktiviteter if ip else []):
        if a.status == "aflyst":
            continue
        if a.start is None or a.start <= dato:
            hvornaar = "begynder før milepælen" if a.start else "har ingen start (så den kan begynde når som helst)"
            v.mangler += _budget_godkendt(mappe, a, f"implementeringsplan.yaml: aktiviteten '{a.id}' har en udgift uden "
                                                    f"for det gældende budget og {hvornaar}, men", dato)
        elif nr == 9:
            v.advarsler += [f"implementeringsplan.yaml: aktiviteten '{a.id}' afventer afdelingsmødets budgetgodkendelse i "
                            f"{navn}; den kan først sættes i gang derefter (start {a.start.isoformat()})"
                            for navn in _ikke_budgetgodkendt(mappe, a, a.start)]


def _aar_efter(d: dt.date) -> dt.date:
    try:
        return d.replace(year=d.year + 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year + 1, day=28)


def _et_regnskabsaar(fra: dt.date, til: dt.date) -> bool:
    return til >= _aar_efter(fra) - dt.timedelta(days=1)


@regel(7, "opgave", 1)
def _m7_o1(mappe, _):
    ip = mappe.implementeringsplan
    if ip is None:
        return fil_mangler("implementeringsplan.yaml", "implementeringsplan, Bilag 5")
    v = Vurdering()
    if not ip.aktiviteter:
        v.mangler.append("implementeringsplan.yaml: ingen aktiviteter")
    for a in ip.aktiviteter:
        mangler = [t for f, t in (("formaal", "formål"), ("vedroerer", "hvem den vedrører (vedroerer)"),
                                  ("ansvarlig", "ansvarlig"), ("frist", "frist")) if tom(getattr(a, f))]
        if mangler:
            v.mangler.append(f"implementeringsplan.yaml: aktiviteten '{a.id}': {', '.join(mangler)} mangler")
    ep = ip.evalueringsperiode
    if ep is None or ep.fra is None or ep.til is None:
        v.mangler.append("implementeringsplan.yaml: evalueringsperiode mangler (fra og til)")
    else:
        if not _et_regnskabsaar(ep.fra, ep.til):
            v.mangler.append(f"implementeringsplan.yaml: evalueringsperioden {ep.fra.isoformat()} til {ep.til.isoformat()} "
                             "er kortere end ét regnskabsår; drejebogen: den bør ikke vare mindre end ét regnskabsår")
        if tom(ep.godkendt_af):
            v.advarsler.append("implementeringsplan.yaml: evalueringsperioden er ikke godkendt af den administrative ledelse (godkendt_af)")
    for a in ip.aktiviteter:
        v.mangler += _budgetgodkendelse(mappe, a, planlagt=True)
    temaer = {a.tema for a in ip.aktiviteter}
    if ip.aktiviteter and "kultur" not in temaer:
        v.advarsler.append("implementeringsplan.yaml: ingen aktiviteter til fremme af en ny fælles kultur (tema: kultur)")
    if ip.aktiviteter and "orientering" not in temaer:
        v.advarsler.append("implementeringsplan.yaml: ingen aktiviteter om orientering og markering (tema: orientering)")
    return v



# -- milepæl 8 -------------------------------------------------------------------


@regel(8, "opgave", 1)
def _m8_o1(mappe, _):
    o = mappe.orientering
    if o is None:
        return fil_mangler("orientering.yaml", "hvem der orienteres")
    v = Vurdering()
    kategorier = {g.kategori for g in o.maalgrupper}
    for k, tekst in (("beboere", "beboerne"), ("lokalt_driftspersonale", "det lokale driftspersonale")):
        if k not in kategorier:
            v.mangler.append(f"orientering.yaml: {tekst} er ikke blandt målgrupperne (kategori: {k})")
    return v


@regel(8, "opgave", 2)
def _m8_o2(mappe, _):
    o = mappe.orientering
    if o is None:
        return fil_mangler("orientering.yaml", "orienteringsmateriale")
    v = Vurdering()
    if not o.maalgrupper:
        v.mangler.append("orientering.yaml: ingen målgrupper")
    for g in o.maalgrupper:
        if g.materiale is None or (tom(g.materiale.titel) and tom(g.materiale.indhold)):
            v.mangler.append(f"orientering.yaml: materiale til '{g.id}' mangler")
    return v


@regel(8, "opgave", 3)
def _m8_o3(mappe, _):
    o = mappe.orientering
    if o is None:
        return fil_mangler("orientering.yaml", "distribution af materialet")
    v = Vurdering()
    if not o.maalgrupper:
        v.mangler.append("orientering.yaml: ingen målgrupper")
    for g in o.maalgrupper:
        d = g.distribution
        if d is None or d.dato is None or d.metode is None:
            v.mangler.append(f"orientering.yaml: distribution til '{g.id}' mangler (metode og dato)")
        elif g.materiale is not None and g.materiale.dato is not None:
            v.mangler += _foer(f"orientering.yaml: '{g.id}'", "distributionen", d.dato, "materialet", g.materiale.dato)
    return v


@regel(8, "leverance", 1)
def _m8_l1(mappe, r):
    v = Vurdering()
    _budget_foer(mappe, 8, v)
    if mappe.interessenter is None:
        v.mangler.append("interessenter.yaml: interessentanalysen, som orienteringen tager udgangspunkt i, mangler")
    elif mappe.orientering is not None and not any(g.interessenter for g in mappe.orientering.maalgrupper):
        v.advarsler.append("orientering.yaml: ingen målgruppe henviser til interessentanalysen (interessenter)")
    return v


# -- milepæl 9 -------------------------------------------------------------------


@regel(9, "opgave", 1)
def _m9_o1(mappe, _):
    o = mappe.orientering
    if o is None:
        return fil_mangler("orientering.yaml", "markering af opstarten")
    m = o.markering
    if m is None:
        return Vurdering(["orientering.yaml: markering mangler (eller markering.fravalgt med begrundelse)"])
    v = Vurdering()
    if m.fravalgt is not None:
        if tom(m.fravalgt.begrundelse):
            v.mangler.append("orientering.yaml: markeringen er fravalgt uden begrundelse (markering.fravalgt.begrundelse)")
        if tom(m.fravalgt.besluttet_af):
            v.advarsler.append("orientering.yaml: hvem besluttede at undlade markeringen? (markering.fravalgt.besluttet_af)")
        _budget_foer(mappe, 9, v)
        return v
    if m.afholdt is not True:
        v.mangler.append("orientering.yaml: markeringen er ikke holdt (markering.afholdt: true)")
    if m.dato is None:
        v.mangler.append("orientering.yaml: markering.dato mangler")
    if m.form is None:
        v.mangler.append("orientering.yaml: markering.form mangler")
    _budget_foer(mappe, 9, v)
    return v



# -- milepæl 10 ------------------------------------------------------------------


@regel(10, "opgave", 1)
def _m10_o1(mappe, _):
    e = mappe.evaluering
    if e is None:
        return fil_mangler("evaluering.yaml", "evalueringsskema med implementeringstjekliste")
    v = Vurdering()
    ip = mappe.implementeringsplan
    if ip is None or not ip.aktiviteter:
        v.mangler.append("implementeringsplan.yaml: ingen aktiviteter at følge op på")
    punkter = {p.aktivitet: p for p in e.tjekliste}
    for a in (ip.aktiviteter if ip else []):
        v.mangler += _budgetgodkendelse(mappe, a, planlagt=False)
        p = punkter.get(a.id)
        if p is None:
            v.mangler.append(f"evaluering.yaml: tjeklisten følger ikke op på aktiviteten '{a.id}'")
            continue
        mangler = [t for f, t in (("gennemfoert", "gennemført"), ("status", "status"), ("effekt", "effekt"),
                                  ("naeste_skridt", "næste skridt")) if tom(getattr(p, f))]
        if p.gennemfoert in ("delvist", "nej") and tom(p.forklaring):
            mangler.append("forklaring (aktiviteten er ikke gennemført som planlagt)")
        if mangler:
            v.mangler.append(f"evaluering.yaml: tjeklisten for '{a.id}': {', '.join(mangler)} mangler")
    if not e.interviews:
        v.advarsler.append("evaluering.yaml: ingen interview af beboervalgte og lokal drift om de oplevede effekter (interviews)")
    for x in e.maalinger:
        if x.foer is not None and x.efter is None:
            v.advarsler.append(f"evaluering.yaml: før-målingen '{x.emne}' har ingen efter-måling")
    return v


@regel(10, "opgave", 2)
def _m10_o2(mappe, _):
    e = mappe.evaluering
    if e is None:
        return fil_mangler("evaluering.yaml", "opgørelse af mål og fordelingsnøgler")
    v = Vurdering()
    m = mappe.model
    if m is None:
        v.mangler.append("model.yaml: mål og fordelingsnøgler at følge op på mangler")
        return v
    if not m.maal:
        v.mangler.append("model.yaml: ingen mål at følge op på")
    fulgt = {x.maal: x for x in e.maalopfoelgning}
    for x in m.maal:
        f = fulgt.get(x.id)
        if f is None or tom(f.resultat) or f.opfyldt is None:
            v.mangler.append(f"evaluering.yaml: målet '{x.id}' er ikke fulgt op (maalopfoelgning: resultat og opfyldt)")
        elif f.opfyldt != "ja" and tom(f.aarsag):
            v.mangler.append(f"evaluering.yaml: målet '{x.id}' er ikke nået; årsagen mangler (aarsag)")
    vurderet = {x.noegle: x for x in e.noeglevurderinger}
    brugte = []
    for k in m.konti:
        if k.med and k.noegle and k.noegle not in brugte:
            brugte.append(k.noegle)
    for n in brugte:
        x = vurderet.get(n)
        if x is None or x.retvisende is None or tom(x.vurdering):
            v.mangler.append(f"evaluering.yaml: er fordelingsnøglen '{n}' retvisende? (noeglevurderinger: retvisende og vurdering)")
    if m.opgoerelse and m.opgoerelse.tidsregistrering and not mappe.findes("tidsregistrering.csv"):
        v.mangler.append("tidsregistrering.csv: modellen kræver tidsregistrering, men filen mangler; nøglen kan ikke "
                         "vurderes mod de registrerede timer")
    v.advarsler += _oekonomisk_maal(mappe)
    return v


def _oekonomisk_maal(mappe) -> list[str]:
    """Milepæl 10: the economic goal read against the regnskab of whole regnskabsår after the samdrift
    began (model.yaml's regnskab, as 'samdrift opfoelgning' shows it). A goal not reached is a finding for
    the evaluation, not a gap: the milestone is about following up, not about succeeding."""
    from samdrift_cli.beloeb import beloeb_i_tekst, dansk_beloeb, til_oere

    m, a = mappe.model, mappe.aftale
    start = a.ikrafttraeden if a and a.ikrafttraeden else None
    if start is None:
        return []
    i_dag = idag()
    konti = [k for k in m.konti if k.med]
    aarene = sorted({int(x) for k in konti for x in (k.regnskab or {})})
    hele = [y for y in aarene if dt.date(y, 1, 1) >= start and dt.date(y, 12, 31) < i_dag]
    if not hele:
        if dt.date(start.year + (start > dt.date(start.year, 1, 1)), 12, 31) < i_dag:
            return [f"model.yaml: intet regnskab for et helt regnskabsår efter ikrafttrædelsen ({start.isoformat()}); hent det "
                    f"ind med 'samdrift import regnskab FIL --aar ÅÅÅÅ', så målene kan opgøres mod det"]
        return []
    aar = hele[-1]
    if any(str(aar) not in (k.regnskab or {}) for k in konti):
        return [f"model.yaml: regnskabet for {aar} mangler for nogle af samdriftens konti"]
    maal = next((x for x in m.maal if x.type == "oekonomi"), None)
    maalbeloeb = beloeb_i_tekst(maal.maalvaerdi) if maal else None
    if maalbeloeb is None:
        return []
    besparelse = sum(til_oere(v) for k in konti for v in (k.nuvaerende or {}).values()) \
        - sum(til_oere(k.regnskab[str(aar)]) for k in konti)
    if besparelse >= maalbeloeb:
        return []
    hvad = f"driftsbesparelsen er {dansk_beloeb(besparelse)}" if besparelse >= 0 else f"der er en merudgift på {dansk_beloeb(-besparelse)}"
    ud = [f"model.yaml: målet '{maal.titel}' ({dansk_beloeb(maalbeloeb)}) er ikke nået i {aar}: {hvad} mod i dag; "
          "det er en oplysning til evalueringen, ikke en mangel"]
    e = mappe.evaluering
    opfulgt = next((x for x in (e.maalopfoelgning if e else []) if x.maal == maal.id), None)
    if opfulgt is not None and opfulgt.opfyldt == "ja":
        ud.append(f"evaluering.yaml: målet '{maal.titel}' er opgjort som opfyldt, men regnskabet for {aar} viser, at det ikke er")
    return ud


@regel(10, "leverance", 1)
def _m10_l1(mappe, _):
    """The nøgle can be judged "som minimum" after "et helt regnskabsår": the evaluated period covers
    at least 12 months, and it is over."""
    ip = mappe.implementeringsplan
    ep = ip.evalueringsperiode if ip else None
    if ep is None or ep.fra is None or ep.til is None:
        return Vurdering(["implementeringsplan.yaml: evalueringsperioden (fra og til) mangler; milepæl 10 kræver, at "
                          "samdriften har fungeret i mindst et helt regnskabsår"])
    tidligst = max(_aar_efter(ep.fra) - dt.timedelta(days=1), ep.til) + dt.timedelta(days=1)
    if not _et_regnskabsaar(ep.fra, ep.til):
        return Vurdering([f"implementeringsplan.yaml: evalueringsperioden {ep.fra.isoformat()} til {ep.til.isoformat()} "
                          f"dækker mindre end 12 måneder; milepæl 10 kan tidligst nås {tidligst.isoformat()}"])
    if ep.til >= idag():
        return Vurdering([f"implementeringsplan.yaml: evalueringsperioden slutter {ep.til.isoformat()}; milepæl 10 kan "
                          f"tidligst nås {tidligst.isoformat()}"])
    v = Vurdering()
    a = mappe.aftale
    if a is not None and a.ikrafttraeden is not None and ep.fra < a.ikrafttraeden:
        # the evaluation is of the samdrift: a year before it began says nothing about it
        v.mangler.append(f"implementeringsplan.yaml: evalueringsperioden begynder {ep.fra.isoformat()}, før samdriften "
                         f"trådte i kraft ({a.ikrafttraeden.isoformat()}, aftale.yaml); den skal dække et helt regnskabsår "
                         "med samdrift")
    e = mappe.evaluering
    if e is not None and e.periode is not None and (e.periode.fra, e.periode.til) != (ep.fra, ep.til) \
            and e.periode.fra is not None and e.periode.til is not None:
        v.mangler.append(f"evaluering.yaml: evalueringens periode ({e.periode.fra.isoformat()} til {e.periode.til.isoformat()}) "
                         f"er ikke implementeringsplanens evalueringsperiode ({ep.fra.isoformat()} til {ep.til.isoformat()})")
    return v


@regel(10, "opgave", 3)
def _m10_o3(mappe, _):
    e = mappe.evaluering
    if e is None:
        return fil_mangler("evaluering.yaml", "vurdering af aftalen")
    a = e.aftalevurdering
    if a is None or a.aendres is None:
        return Vurdering(["evaluering.yaml: skal aftalen om samdrift ændres? (aftalevurdering.aendres)"])
    return Vurdering(["evaluering.yaml: aftalevurdering.begrundelse mangler"] if tom(a.begrundelse) else [])



# -- milepæl 11 ------------------------------------------------------------------


def _formidlet(mappe) -> Vurdering:
    e = mappe.evaluering
    if e is None:
        return fil_mangler("evaluering.yaml", "formidling af resultaterne")
    v = Vurdering()
    for g, tekst in (("beboervalgte", "de beboervalgte"), ("lokal_drift", "den lokale drift")):
        if not any(f.maalgruppe == g and f.dato for f in e.formidling):
            v.mangler.append(f"evaluering.yaml: resultaterne er ikke formidlet til {tekst} (formidling med maalgruppe {g} og dato)")
    return v


@regel(11, "opgave", 1)
def _m11_o1(mappe, _):
    v = _formidlet(mappe)
    e = mappe.evaluering
    if e is not None and e.nye_maal is None:
        v.mangler.append("evaluering.yaml: forslag til nye mål mangler (nye_maal; skriv 'nye_maal: []', hvis der ingen er)")
    return v


@regel(11, "leverance", 1)
def _m11_l1(mappe, _):
    return _formidlet(mappe)


# -- milepæl 12 ------------------------------------------------------------------


@regel(12, "opgave", 1)
def _m12_o1(mappe, _):
    if mappe.evaluering is None:
        return fil_mangler("evaluering.yaml", "evalueringen der skal godkendes")
    # "nye mål skal godkendes på et afdelingsmøde, såfremt det medfører budgetændringer, som ikke
    # er indeholdt i det gældende budget"
    v = Vurdering()
    for m in mappe.evaluering.nye_maal or []:
        v.mangler += _budget_godkendt(mappe, m, f"evaluering.yaml: det nye mål '{m.titel}' har en udgift uden for det "
                                                f"gældende budget, men", idag())
    return v


@regel(12, "leverance", 1)
def _m12_l1(mappe, r):
    v = Vurdering()
    e = mappe.evaluering
    o = e.overdragelse if e else None
    if o is None or tom(o.til) or o.dato is None:
        # the playbook: the driftsansvarlige "kan nu uddelegere" the rest to the local driftsleder: an option
        v.advarsler.append("evaluering.yaml: overdragelsen fra projektlederen til den driftsansvarlige er ikke registreret "
                           "(overdragelse: til og dato)")
    elif o.dato > idag():
        v.mangler.append(f"evaluering.yaml: overdragelsen er dateret {o.dato.isoformat()}, efter i dag ({idag().isoformat()})")
    reg = registrering(mappe, 12, "opgave", 1)
    if reg is not None and tom(reg.referat):
        v.mangler.append("milepaele.yaml: milepæl 12, opgave 1: godkendelsen skal kunne dokumenteres; "
                         "henvisning til referat eller underskrift mangler (referat)")
    return v


# -- dates the documents give, per milestone ----------------------------------------


def _seneste(*datoer) -> dt.date | None:
    d = [x for x in datoer if isinstance(x, dt.date)]
    return max(d) if d else None


def _faktadato(mappe: "Samdriftsmappe", nr: int) -> dt.date | None:
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


# -- all milestones ---------------------------------------------------------------


def _vurder_punkt(mappe, resultater: dict, nr: int, art: str, i: int) -> Vurdering:
    """One opgave or leverance: the catalogue's data (an approval recorded, the opgaver a leverance
    sums up), then its rule function, if it has one."""
    dele = []
    krav = GODKENDELSER.get((nr, art, i))
    if krav is not None:
        dele.append(godkendelse(mappe, nr, art, i, krav.hvad, krav.referat, krav.administrativ))
    if art == "leverance" and (nr, i) in LEVERANCE_AF_OPGAVER:
        dele.append(kraever(resultater, nr, *LEVERANCE_AF_OPGAVER[(nr, i)]))
    funktion = REGLER.get((nr, art, i))
    if funktion is not None:
        dele.append(funktion(mappe, resultater))
    return saml(*dele)


def vurder(mappe: "Samdriftsmappe", ugyldige: dict[str, str] | None = None) -> list[Milepaelsstatus]:
    """Judge all 12 milestones. ``ugyldige``: the files with errors (file -> its first finding); a
    milestone judged from one of them "kan ikke vurderes" (samdrift.yaml must be valid)."""
    ugyldige = ugyldige or {}
    resultater: dict[tuple[int, str, int], Vurdering] = {}
    ud: list[Milepaelsstatus] = []
    forrige_naaet = True
    for m in KATALOG:
        punkter: dict[str, list[Punkt]] = {"opgave": [], "leverance": []}
        for art, titler in (("opgave", m.opgaver), ("leverance", m.leverancer)):
            for i, titel in enumerate(titler, start=1):
                v = _vurder_punkt(mappe, resultater, m.nr, art, i)
                resultater[(m.nr, art, i)] = v
                r = registrering(mappe, m.nr, art, i)
                punkter[art].append(Punkt(art, i, titel, v.opfyldt, list(v.mangler), list(v.advarsler), r.dato if r else None))
        for p in punkter["opgave"] + punkter["leverance"]:
            p.mangler = [placer(mappe, x) for x in p.mangler]
            p.advarsler = [placer(mappe, x) for x in p.advarsler]
        status = Milepaelsstatus(m, punkter["opgave"], punkter["leverance"], False, False, _faktadato(mappe, m.nr))
        brudte = [f for f in FILER.get(m.nr, ()) if f in ugyldige]
        if brudte:
            status.kan_ikke_vurderes = [f"kan ikke vurderes: {ugyldige[f]}" for f in brudte]
            for p in status.punkter:
                p.opfyldt, p.mangler = False, list(status.kan_ikke_vurderes)
        _tidslinje(status, ud)
        status.egen_opfyldt = all(p.opfyldt for p in status.punkter)
        status.naaet = status.egen_opfyldt and forrige_naaet
        ud.append(status)
        forrige_naaet = status.naaet
    return ud


_STED = re.compile(r"^(?P<fil>[\w.-]+\.(?:yaml|csv)): (?:(?P<sti>[a-z_]+(?:\.[a-z_]+)*)(?=[: ]))?")


_CITAT = re.compile(r"'([^']+)'")


def _post_med(data, navn: str, sti: tuple) -> tuple | None:
    """The path of the first list item (in file order) whose id or titel is ``navn``."""
    if isinstance(data, dict):
        for k, v in data.items():
            if (fundet := _post_med(v, navn, sti + (k,))) is not None:
                return fundet
    elif isinstance(data, list):
        for i, v in enumerate(data):
            if isinstance(v, dict) and navn in (v.get("id"), v.get("titel")):
                return sti + (i,)
            if (fundet := _post_med(v, navn, sti + (i,))) is not None:
                return fundet
    return None


def placer(mappe: "Samdriftsmappe", besked: str) -> str:
    """'samdrift.yaml: projektleder: …' as 'samdrift.yaml:55: projektleder: …': the line of the field
    (or of its nearest parent) when the file has it, so that an editor can jump there."""
    m = _STED.match(besked)
    if m is None:
        return besked
    dok = mappe.dokumenter.get(m["fil"])
    if dok is None or not dok.placeringer:
        return besked
    sti: tuple = tuple(m["sti"].split(".")) if m["sti"] else ()
    while sti and sti not in dok.placeringer:
        sti = sti[:-1]
    p = dok.placeringer.get(sti) if sti else None
    if p is None and (navn := _CITAT.search(besked)):  # "aktiviteten 'kontor'": the item with that id or titel
        p = dok.placeringer.get(_post_med(dok.data, navn[1], ()))
    if p is None:  # the message names no field of the file: no line to point at
        return besked
    linje = (p.noegle_linje if p.noegle_linje is not None else p.linje) + 1
    return f"{m['fil']}:{linje}: {besked[len(m['fil']) + 2:]}"


def _tidslinje(s: Milepaelsstatus, tidligere: list[Milepaelsstatus]) -> None:
    """The time line (design.md §5): evidence dated after today does not count, and a milestone whose
    evidence is dated before that of the milestones it rests on is not reached; the message names
    both dates. Told on the milestone's last leverance."""
    i_dag = idag()
    leverance = s.leverancer[-1]
    if s.faktadato is not None and s.faktadato > i_dag:
        leverance.mangler.append(f"dokumenterne for milepæl {s.milepael.nr} er dateret {s.faktadato.isoformat()}, efter i dag "
                                 f"({i_dag.isoformat()}); de tæller først fra den dag")
    dato = s.dato
    foer = [(t.dato, t.milepael.nr) for t in tidligere if t.dato is not None]
    if dato is not None and foer and any(p.opfyldt or p.dato for p in s.punkter):
        seneste, nr = max(foer)
        if dato < seneste:
            leverance.mangler.append(f"milepæl {s.milepael.nr} er dateret {dato.isoformat()}, før milepæl {nr}, som den "
                                     f"bygger på ({seneste.isoformat()}); ret datoerne, eller gør milepælen færdig igen")
    leverance.opfyldt = not leverance.mangler
