"""One rule per opgave and leverance: which facts in the folder show it done, and what is missing.

A rule is a small function from the loaded folder to a ``Vurdering`` (missing facts and
warnings). Decisions and approvals (godkendelser) live in milepaele.yaml; content lives in the
documents. ``vurder`` applies the playbook's gate: a milestone is reached only when every
earlier one is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Callable

from samdrift_cli.beloeb import dansk_beloeb, til_oere
from samdrift_cli.identitet import normaliser
from samdrift_cli.skemaer.felter import tom
from samdrift_cli.milepaele.katalog import ADMINISTRATIVE_ORGANER, FILER, GODKENDELSER, KATALOG, LEVERANCE_AF_OPGAVER
from samdrift_cli.indlaesning.navne import citeret
from samdrift_cli.milepaele.status import Mangel, Milepaelsstatus, Punkt, Vurdering, opremsning

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
    sted = _registreret(mappe, nr, art, i)
    return sted[0] if sted else None


def _registreret(mappe: "Samdriftsmappe", nr: int, art: str, i: int) -> "tuple[Registrering, tuple] | None":
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
    sted = _registreret(mappe, nr, art, i)
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
        v.mangler += _foer(MP, sti + ("dato",), f"{hvilken}: {hvad}", r.dato, grundlag, dato)
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


def _foer(fil: str, sti: tuple, hvad: str, dato: dt.date | None, grundlag: str, grundlag_dato: dt.date | None) -> list[Mangel]:
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


def _plads(liste: list, noegle: str, vaerdi) -> int | None:
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


# -- milepæl 1 -------------------------------------------------------------------

S = "samdrift.yaml"


@regel(1, "opgave", 1)
def _m1_o1(mappe, _):
    p = mappe.samdrift.projektleder
    if p is None:
        return Vurdering([Mangel("projektlederen er ikke udpeget: navn, hvem der udpegede og dato mangler", S, (),
                                 "projektleder: navn, udpeget_af, udpeget_dato")])
    v = Vurdering(felter(p, {"navn": "navn", "udpeget_af": "hvem der udpegede", "udpeget_dato": "dato"}, S,
                         ("projektleder",), "projektlederen"))
    if not tom(p.udpeget_af):  # "Den administrative ledelse udpeger en projektleder"
        v = saml(v, administrativ_godkender(mappe, p.udpeget_af, "udpegningen af projektlederen", S,
                                            ("projektleder", "udpeget_af")))
    return v


@regel(1, "opgave", 2)
def _m1_o2(mappe, _):
    v = mappe.samdrift.vilkaar
    if v is None or tom(v.beskrivelse):
        return Vurdering([Mangel("beskrivelsen af vilkårene for samdrift i boligorganisationen mangler", S, ("vilkaar",),
                                 "vilkaar.beskrivelse")])
    ud = Vurdering()
    if tom(v.vurdering):
        ud.advarsler.append(Mangel("vurderingen af vilkårene mangler: hvordan påvirker de arbejdet?", S, ("vilkaar",),
                                   "vilkaar.vurdering"))
    if v.nedskrevne is False and tom(v.besluttet_af):
        ud.advarsler.append(Mangel("der er ingen nedskrevne vilkår; drejebogen anbefaler, at den administrative ledelse "
                                   "og/eller organisationsbestyrelsen fastsætter dem", S, ("vilkaar", "nedskrevne"),
                                   "vilkaar.besluttet_af"))
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
OP = "oplaeg.yaml"


@regel(2, "opgave", 1)
def _m2_o1(mappe, _):
    o = mappe.oplaeg
    if o is None:
        return fil_mangler(OP, "oplægget om muligheder og udfordringer (Bilag 1)")
    v = Vurdering()
    n = mappe.navne
    for afd in mappe.afdeling_ids:
        i = _plads(o.beboervalgtes_oensker, "afdeling", afd)
        b = o.beboervalgtes_oensker[i] if i is not None else None
        sti = ("beboervalgtes_oensker",) + ((i,) if i is not None else ())
        if b is None or tom(b.vurdering):
            v.mangler.append(Mangel(f"vurderingen af de beboervalgtes ønsker i {n.afdeling(afd)} mangler", OP, sti,
                                    "beboervalgtes_oensker: afdeling, vurdering"))
        elif b.accept in ("nej", "usikker") and tom(b.konsekvens_uden_accept):
            svar = "nej" if b.accept == "nej" else "usikker"
            v.advarsler.append(Mangel(f"de beboervalgtes accept i {n.afdeling(afd)} er »{svar}«; beskriv konsekvensen, hvis "
                                      "samdriften etableres uden tiltrædelse", OP, sti, "konsekvens_uden_accept"))
    return v


@regel(2, "opgave", 2)
def _m2_o2(mappe, _):
    o = mappe.oplaeg
    if o is None:
        return fil_mangler(OP, "oplægget om muligheder og udfordringer (Bilag 1)")
    v = Vurdering()
    n = mappe.navne
    manglende = [(felt, tekst) for felt, tekst in OPLAEG_EMNER.items() if tom(getattr(o, felt)) or tom(getattr(o, felt).samlet)]
    if manglende:
        v.mangler.append(Mangel(f"emner uden vurdering: {opremsning(t for _, t in manglende)}", OP,
                                (manglende[0][0],), ", ".join(f for f, _ in manglende)))
    for felt, hvad in (("fordele", "fordelene"), ("ulemper", "ulemperne")):
        e = getattr(o, felt)
        if e is None or tom(e.samlet):
            v.mangler.append(Mangel(f"{hvad} samlet mangler", OP, (felt,), f"{felt}.samlet"))
        for afd in mappe.afdeling_ids:
            if e is None or tom(e.afdelinger.get(afd)):
                v.mangler.append(Mangel(f"{hvad} for {n.afdeling(afd)} mangler", OP, (felt, "afdelinger", afd),
                                        f"{felt}.afdelinger.{afd}"))
    if tom(o.konklusion):
        v.mangler.append(Mangel("konklusionen mangler", OP, ("konklusion",), "konklusion"))
    return v





# -- milepæl 3 -------------------------------------------------------------------

ANALYSE_EMNER = {
    "interessenter": "interessenter",
    "fysik": "fysik",
    "oekonomi": "økonomi",
    "organisering": "ejendomskontorernes organisering",
    "beboerservice": "beboerservice",
}
AN, IA, MO = "analyse.yaml", "interessenter.yaml", "model.yaml"


@regel(3, "opgave", 1)
def _m3_o1(mappe, _):
    v = Vurdering()
    a = mappe.analyse
    if a is None:
        v = saml(v, fil_mangler(AN, "analysen af muligheder og udfordringer"))
    else:
        manglende = [(f, t) for f, t in ANALYSE_EMNER.items() if tom(getattr(a, f))]
        if manglende:
            v.mangler.append(Mangel(f"emner uden analyse: {opremsning(t for _, t in manglende)}", AN, (manglende[0][0],),
                                    ", ".join(f for f, _ in manglende)))
        k = a.kompetenceanalyse
        if k is None or (not k.medarbejdere and tom(k.kompetencegab)):
            v.mangler.append(Mangel("kompetenceanalysen mangler", AN, ("kompetenceanalyse",), "kompetenceanalyse"))
        if a.ejendomskontor is None or tom(a.ejendomskontor.placering):
            v.mangler.append(Mangel("analysen af placering (og antal) af ejendomskontorer mangler", AN, ("ejendomskontor",),
                                    "ejendomskontor.placering"))
    ia = mappe.interessenter
    if ia is None:
        v = saml(v, fil_mangler(IA, "interessentanalysen (Bilag 2)"))
    elif not ia.interessenter:
        v.mangler.append(Mangel("interessentanalysen har ingen interessenter", IA, (), "interessenter"))
    else:
        for i, x in enumerate(ia.interessenter):
            mangler = []
            if x.kvadrant is None:
                mangler.append(("indflydelse, deltagelse", "indflydelse og deltagelse"))
            for felt, tekst in (("interesse", "interesse"), ("paavirkning", "påvirkning"), ("haandtering", "håndtering")):
                if tom(getattr(x, felt)):
                    mangler.append((felt, tekst))
            if mangler:
                ord_ = tuple(t for _, t in mangler)
                v.mangler.append(Mangel(f"interessenten {citeret(x.navn)}: {opremsning(ord_)} mangler", IA,
                                        ("interessenter", i), ", ".join(f for f, _ in mangler), gruppe="interessenter",
                                        felter=ord_))
        if len(ia.interessenter) > 10:
            v.advarsler.append(Mangel(f"{len(ia.interessenter)} interessenter; drejebogen anbefaler højst 8–10; saml "
                                      "enkeltpersoner i grupper", IA, ("interessenter",)))
    return v


@regel(3, "opgave", 2)
def _m3_o2(mappe, _):
    m = mappe.model
    if m is None:
        return fil_mangler(MO, "forslaget til samdriftsmodel (Bilag 3)")
    v = Vurdering()
    if m.start is None and (mappe.samdrift.start is None or mappe.samdrift.start.planlagt is None):
        v.mangler.append(Mangel("hvornår samdriften forventes igangsat, mangler", MO, (), "start"))
    if not m.maal:
        v.mangler.append(Mangel("der er ingen mål for samdriften", MO, (), "maal"))
    else:
        maalbare = [x for x in m.maal if not tom(x.maalvaerdi) and not tom(x.maaling) and x.frist is not None]
        if not maalbare:
            v.mangler.append(Mangel("mindst ét mål skal have en målbar målværdi og en frist", MO, ("maal",),
                                    "maaling, maalvaerdi, frist"))
        elif not any(x.type == "oekonomi" for x in maalbare):
            # the playbook: mål "fx … for økonomien eller beboerservicen"; a samdrift for the service is one too
            v.advarsler.append(Mangel("der er intet målbart mål for økonomien; drejebogen nævner økonomien som et typisk "
                                      "mål, og milepæl 10 opgør besparelsen mod det", MO, ("maal",), "type: oekonomi"))
        for i, x in enumerate(m.maal):
            smart = []
            if tom(x.maalvaerdi) or tom(x.maaling):
                smart.append(("maaling, maalvaerdi", "målbart"))
            if x.frist is None:
                smart.append(("frist", "tidsafgrænset"))
            if tom(x.accepteret_af):
                smart.append(("accepteret_af", "accepteret"))
            if smart:
                v.advarsler.append(Mangel(f"målet {citeret(x.titel)} er ikke SMART: {opremsning(t for _, t in smart)} mangler",
                                          MO, ("maal", i), ", ".join(f for f, _ in smart)))
    i = m.indhold
    if i is None or (tom(i.driftsmaessigt) and not (i.faelles_personale or i.faelles_kontorhold or i.faelles_lokaler or i.faelles_indkoeb)):
        v.mangler.append(Mangel("indholdet i samdriften (det driftsmæssige samarbejde, 2.1–2.4) mangler", MO, ("indhold",),
                                "indhold"))
    elif tom(i.beboerdemokratisk) and (i.moedeforum is None or tom(i.moedeforum.navn)):
        v.advarsler.append(Mangel("det beboerdemokratiske samarbejde og mødeforummet (2.7) er ikke beskrevet", MO, ("indhold",),
                                  "indhold.beboerdemokratisk, indhold.moedeforum"))
    o = m.organisationsplan
    if o is None or not o.stillinger:
        v.mangler.append(Mangel("organisationsplanen mangler", MO, ("organisationsplan",), "organisationsplan.stillinger"))
    if not m.fordelingsnoegler:
        v.mangler.append(Mangel("der er ingen fordelingsnøgler", MO, (), "fordelingsnoegler"))
    if not any(k.med for k in m.konti):
        v.mangler.append(Mangel("ingen konti indgår i samdriften", MO, ("konti",), "med: true"))
    if m.opgoerelse is None or tom(m.opgoerelse.beskrivelse):
        v.advarsler.append(Mangel("opgørelsen af udgifter og timeforbrug (4.1) er ikke beskrevet", MO, ("opgoerelse",),
                                  "opgoerelse.beskrivelse"))
    return v




# -- milepæl 4 -------------------------------------------------------------------

IP4 = "inddragelsesplan.yaml"
MAALGRUPPER = (("beboervalgte", "de beboervalgte"), ("lokal_drift", "den lokale drift"))


@regel(4, "opgave", 1)
def _m4_o1(mappe, _):
    p = mappe.inddragelsesplan
    if p is None:
        return fil_mangler(IP4, "tids- og aktivitetsplanen for inddragelse")
    v = Vurdering()
    if not p.aktiviteter:
        v.mangler.append(Mangel("inddragelsesplanen har ingen aktiviteter", IP4, (), "aktiviteter"))
        return v
    grupper = {g for a in p.aktiviteter for g in a.maalgruppe}
    for g, tekst in MAALGRUPPER:
        if g not in grupper:
            v.mangler.append(Mangel(f"ingen aktiviteter for {tekst}", IP4, ("aktiviteter",), f"maalgruppe: {g}"))
    for i, a in enumerate(p.aktiviteter):
        mangler = []
        if tom(a.hvem) and not a.interessenter:
            mangler.append(("hvem, interessenter", "hvem"))
        if a.form is None:
            mangler.append(("form", "hvordan (dialog eller inddragelse)"))
        if a.dato is None:
            mangler.append(("dato", "hvornår"))
        if tom(a.ansvarlig):
            mangler.append(("ansvarlig", "ansvarlig"))
        if not a.maalgruppe:
            mangler.append(("maalgruppe", "målgruppe"))
        if mangler:
            ord_ = tuple(t for _, t in mangler)
            v.mangler.append(Mangel(f"aktiviteten {citeret(mappe.navne.inddragelsesaktivitet(a.id))}: {opremsning(ord_)} mangler",
                                    IP4, ("aktiviteter", i), ", ".join(f for f, _ in mangler), gruppe="aktiviteter", felter=ord_))
    if not any(a.form == "inddragelse" for a in p.aktiviteter):
        v.advarsler.append(Mangel("planen har kun dialog og information; drejebogen skelner mellem dialog og egentlig "
                                  "inddragelse", IP4, ("aktiviteter",), "form: inddragelse"))
    return v



# -- milepæl 5 -------------------------------------------------------------------


@regel(5, "opgave", 1)
def _m5_o1(mappe, _):
    p = mappe.inddragelsesplan
    if p is None:
        return fil_mangler(IP4, "tids- og aktivitetsplanen for inddragelse")
    v = Vurdering()
    holdt = [a for a in p.aktiviteter if a.gennemfoert and a.gennemfoert.dato]
    for g, tekst in MAALGRUPPER:
        if not any(g in a.maalgruppe and a.form in ("dialog", "inddragelse") for a in holdt):
            v.mangler.append(Mangel(f"ingen gennemført dialog eller inddragelse med {tekst}", IP4, ("aktiviteter",),
                                    "gennemfoert.dato"))
    emner = {a.emne for a in holdt}
    for emne, tekst in (("udviklingsprocessen", "udviklingsprocessen"), ("samdriftsmodellen", "forslaget til samdriftsmodel")):
        if emne not in emner and "begge" not in emner:
            v.mangler.append(Mangel(f"ingen gennemført aktivitet om {tekst}", IP4, ("aktiviteter",), f"emne: {emne} eller begge"))
    ikke_holdt = [(i, a) for i, a in enumerate(p.aktiviteter) if not (a.gennemfoert and a.gennemfoert.dato)]
    if ikke_holdt and holdt:
        n = mappe.navne
        v.advarsler.append(Mangel("aktiviteter, der ikke er gennemført: "
                                  + opremsning(citeret(n.inddragelsesaktivitet(a.id)) for _, a in ikke_holdt),
                                  IP4, ("aktiviteter", ikke_holdt[0][0])))
    return v


@regel(5, "opgave", 2)
def _m5_o2(mappe, _):
    p = mappe.inddragelsesplan
    if p is None:
        return fil_mangler(IP4, "vurderingen af, om de beboervalgte kan tiltræde,")
    v = Vurdering()
    n = mappe.navne
    for afd in mappe.afdeling_ids:
        i = _plads(p.vurderinger, "afdeling", afd)
        navn = n.afdeling(afd)
        if i is None:
            v.mangler.append(Mangel(f"vurderingen af, om de beboervalgte i {navn} kan tiltræde, mangler", IP4, ("vurderinger",),
                                    "vurderinger: afdeling, kan_tiltraede, begrundelse"))
            continue
        x, sti = p.vurderinger[i], ("vurderinger", i)
        if tom(x.begrundelse):
            v.mangler.append(Mangel(f"vurderingen for {navn} mangler en begrundelse", IP4, sti, "begrundelse"))
        # "Beboervalgte og den lokale drift bakker op": the playbook asks about both
        if x.lokal_drift is None:
            v.mangler.append(Mangel(f"bakker den lokale drift i {navn} op?", IP4, sti, "lokal_drift: ja, nej eller usikker"))
        elif tom(x.lokal_drift_begrundelse):
            v.mangler.append(Mangel(f"vurderingen af den lokale drift i {navn} mangler en begrundelse", IP4, sti,
                                    "lokal_drift_begrundelse"))
    if p.revision is None:
        v.mangler.append(Mangel("er forslaget til samdriftsmodel revideret? Det står ikke i inddragelsesplanen", IP4, (),
                                "revision.revideret"))
    elif tom(p.revision.beskrivelse):
        v.mangler.append(Mangel("beskrivelsen af revisionen mangler", IP4, ("revision",), "revision.beskrivelse"))
    elif p.revision.revideret and mappe.model is not None and not mappe.model.revisioner:
        v.advarsler.append(Mangel("modellen er revideret, men revisionen er ikke noteret i samdriftsmodellen", MO, (),
                                  "revisioner"))
    return v


@regel(5, "leverance", 1)
def _m5_l1(mappe, r):
    v = Vurdering()
    p = mappe.inddragelsesplan
    if p is None:
        return v
    uden_accept = [x.afdeling for x in p.vurderinger if x.kan_tiltraede != "ja" or x.lokal_drift in ("nej", "usikker")]
    if uden_accept:
        navne = opremsning(mappe.navne.afdelinger(uden_accept))
        sted = _registreret(mappe, 5, "leverance", 1)
        reg = sted[0] if sted else None
        if reg is None or tom(reg.beslutning) or tom(reg.af):
            v.mangler.append(Mangel(
                f"de beboervalgte eller den lokale drift i {navne} vurderes ikke at bakke op; registrér beslutningen om at "
                "gå videre, hvem der traf den og hvorfor, eller afvent opbakning", MP, sted[1] if sted else (),
                henvisning="brug 'samdrift afkryds 5 --leverance 1 --dato … --af … --beslutning \"…\"'"))
        else:
            # "Den administrative ledelse har juridisk set mulighed for at etablere samdrift uden de beboervalgtes tiltrædelse"
            v = saml(v, administrativ_godkender(mappe, reg.af, "beslutningen om at gå videre uden opbakning", MP, sted[1] + ("af",),
                                                organisationsbestyrelsen=True))
            v.advarsler.append(Mangel(f"samdriften fortsætter uden opbakning fra de beboervalgte i {navne}; drejebogen advarer "
                                      "om mistro og større fokus på fejl, når beboervalgte oplever at blive »tvunget« ind i "
                                      "en samdrift"))
    return v


# -- milepæl 6 -------------------------------------------------------------------

AF = "aftale.yaml"


@regel(6, "opgave", 1)
def _m6_o1(mappe, _):
    a = mappe.aftale
    if a is None:
        return fil_mangler(AF, "aftalen om samdrift (Bilag 4)")
    v = Vurdering()
    if a.ikrafttraeden is None:
        v.mangler.append(Mangel("datoen, samdriften træder i kraft, mangler", AF, (), "ikrafttraeden"))
    if a.form == "referat" and tom(a.referat):
        v.mangler.append(Mangel("aftalen indgås som referat, men henvisningen til referatet mangler", AF, ("form",), "referat"))
    vk = a.vilkaar
    if vk is None:
        v.mangler.append(Mangel("vilkårene mangler (1.1 aktiver, 1.2 inddragelse, 1.3 udtrædelse, 1.4 uenighed)", AF, (),
                                "vilkaar"))
        return v
    if not vk.aktiver and vk.ingen_aktiver is not True:
        v.mangler.append(Mangel("1.1 aktiver: angiv aktiverne, eller at ingen aktiver indgår", AF, ("vilkaar",),
                                "vilkaar.aktiver eller vilkaar.ingen_aktiver: true"))
    i = vk.inddragelse
    if i is None or (tom(i.beskrivelse) and None in (i.familieboliger, i.ungdomsboliger, i.aeldreboliger)):
        v.mangler.append(Mangel("1.2 inddragelse af flere boligafdelinger mangler: en beskrivelse, eller ja/nej for hver "
                                "boligtype", AF, ("vilkaar", "inddragelse"),
                                "beskrivelse, familieboliger, ungdomsboliger, aeldreboliger"))
    elif i.andre_boligorganisationer is None:
        v.mangler.append(Mangel("1.2 kan afdelinger fra andre boligorganisationer inddrages?", AF, ("vilkaar", "inddragelse"),
                                "andre_boligorganisationer"))
    u = vk.udtraedelse
    if u is None:
        v.mangler.append(Mangel("1.3 udtrædelse mangler", AF, ("vilkaar",), "vilkaar.udtraedelse"))
    else:
        sti = ("vilkaar", "udtraedelse")
        if u.administrationen_kan_beslutte is None:
            v.mangler.append(Mangel("1.3 kan administrationen beslutte udtræden?", AF, sti, "administrationen_kan_beslutte"))
        if u.varsel is None or (u.varsel == "andet" and tom(u.varsel_andet)):
            v.mangler.append(Mangel("1.3 tiden fra beslutning til udtræden mangler", AF, sti, "varsel"))
        if u.aktiver is None or (u.aktiver == "andet" and tom(u.aktiver_andet)):
            v.mangler.append(Mangel("1.3 hvad sker der med aktiverne ved udtræden?", AF, sti, "aktiver"))
    ue = vk.uenighed
    if ue is None:
        v.mangler.append(Mangel("1.4 forhold ved uenighed mangler", AF, ("vilkaar",), "vilkaar.uenighed"))
    else:
        for felt, ellers, tekst in (
            ("administrationen_afgoer_fordelingsnoegle", "fordelingsnoegle_ellers", "fordelingsnøglen"),
            ("administrationen_afgoer_serviceniveau", "serviceniveau_ellers", "serviceniveauet"),
        ):
            svar = getattr(ue, felt)
            if svar is None:
                v.mangler.append(Mangel(f"1.4 afgør administrationen uenighed om {tekst}?", AF, ("vilkaar", "uenighed"), felt))
            elif svar is False and tom(getattr(ue, ellers)):
                v.mangler.append(Mangel(f"1.4 hvordan afgøres uenighed om {tekst} så?", AF, ("vilkaar", "uenighed", felt), ellers))
    if mappe.model is None:
        v.mangler.append(Mangel("samdriftsmodellen, som indgår i aftalen, mangler", MO,
                                henvisning="filen findes ikke ('samdrift init' laver en skabelon)"))
    return v


def _tiltraeder(mappe, u) -> str:
    return "organisationsbestyrelsen" if u.organ == "organisationsbestyrelse" else mappe.navne.afdeling(u.afdeling or "")


@regel(6, "opgave", 2)
def _m6_o2(mappe, _):
    a = mappe.aftale
    if a is None:
        return fil_mangler(AF, "aftalen om samdrift (Bilag 4)")
    v = Vurdering()
    n = mappe.navne
    if a.ikrafttraeden is not None:
        for i, u in enumerate(a.tiltraedelse):
            if u.dato is not None and u.dato > a.ikrafttraeden:
                v.mangler.append(Mangel(f"tiltrædelsen fra {_tiltraeder(mappe, u)} er dateret {u.dato.isoformat()}, efter at "
                                        f"samdriften trådte i kraft ({a.ikrafttraeden.isoformat()}); aftalen skal tiltrædes, "
                                        "før den træder i kraft", AF, ("tiltraedelse", i, "dato")))
    for i, u in enumerate(a.tiltraedelse):
        if u.organ != "organisationsbestyrelse":
            continue
        mangler = [(f, t) for f, t, x in (("navn", "hvem der underskrev", u.navn), ("dato", "dato", u.dato)) if tom(x)]
        if not mangler:
            if u.navn and not any(o in normaliser(u.navn) for o in ("organisationsbestyrelse", "formand", "bestyrelse")) and \
                    any(o in normaliser(u.navn) for o in ADMINISTRATIVE_ORGANER):
                v.mangler.append(Mangel(f"organisationsbestyrelsens tiltrædelse er underskrevet af »{u.navn}«, som er "
                                        "administrationen; den underskrives af organisationsbestyrelsen (fx dens formand)",
                                        AF, ("tiltraedelse", i, "navn")))
            return v  # the organisationsbestyrelse accepted on behalf of every afdeling
        v.mangler.append(Mangel(f"organisationsbestyrelsens tiltrædelse: {opremsning(t for _, t in mangler)} mangler", AF,
                                ("tiltraedelse", i), ", ".join(f for f, _ in mangler)))
    for afd in mappe.afdeling_ids:
        i = _plads(a.tiltraedelse, "afdeling", afd)
        navn = n.afdeling(afd)
        if i is None:
            v.mangler.append(Mangel(f"{navn} har ikke tiltrådt aftalen", AF, ("tiltraedelse",),
                                    f"tiltraedelse: afdeling: {afd}, navn, dato"))
            continue
        u = a.tiltraedelse[i]
        mangler = [(f, t) for f, t, x in (("navn", "hvem der underskrev", u.navn), ("dato", "dato", u.dato)) if tom(x)]
        if mangler:
            v.mangler.append(Mangel(f"{navn} har ikke tiltrådt aftalen: {opremsning(t for _, t in mangler)} mangler", AF,
                                    ("tiltraedelse", i), ", ".join(f for f, _ in mangler)))
        elif a.form == "referat" and tom(u.referat):
            v.mangler.append(Mangel(f"tiltrædelsen fra {navn}: henvisningen til det godkendte referat mangler", AF,
                                    ("tiltraedelse", i), "referat"))
    return v



# -- milepæl 7 -------------------------------------------------------------------

IM = "implementeringsplan.yaml"
BUDGETGODKENDELSE = "budgetgodkendelse: afdeling, afdelingsmoede, dato, referat"


def _aktivitet(mappe, a) -> str:
    return f"aktiviteten {citeret(mappe.navne.aktivitet(a.id))}"


def _budgetgodkendelse(mappe, a, sti: tuple, planlagt: bool, i_dag: dt.date) -> list[Mangel]:
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
            ud.append(Mangel(f"{_aktivitet(mappe, a)} har en udgift uden for det gældende budget; afdelingsmødet i {navn} "
                             "skal budgetgodkende den, før den sættes i gang", IM, sti, BUDGETGODKENDELSE))
            continue
        if a.start is not None and g.dato > a.start:
            ud.append(Mangel(f"{_aktivitet(mappe, a)} starter {a.start.isoformat()}, før afdelingsmødet i {navn} godkender "
                             f"udgiften ({g.dato.isoformat()}); planlæg den, så den først sættes i gang efter", IM,
                             sti + ("start",)))
    if not planlagt and a.status in ("igang", "gennemfoert") and not ud:
        ud += _budget_godkendt(mappe, a, f"{_aktivitet(mappe, a)} er sat i gang, men", IM, sti, i_dag, i_dag)
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


def _budget_godkendt(mappe, post, hvad: str, fil: str, sti: tuple, senest: dt.date, i_dag: dt.date) -> list[Mangel]:
    """:func:`_ikke_budgetgodkendt` as findings; ``hvad`` begins each ("aktiviteten »…« …, men")."""
    hvornaar = "i dag" if senest >= i_dag else senest.isoformat()
    return [Mangel(f"{hvad} afdelingsmødets budgetgodkendelse i {navn} er ikke dokumenteret (dato til og med {hvornaar} "
                   "og referat)", fil, sti, BUDGETGODKENDELSE)
            for navn in _ikke_budgetgodkendt(mappe, post, senest, i_dag)]


def _budget_foer(mappe, nr: int, v: Vurdering, i_dag: dt.date) -> None:
    """Milepæl 8 and 9: "man må afvente godkendelse af budgetter på næste (evt. ekstraordinære)
    afdelingsmøde, før man kan gennemføre den resterende del af udviklingsfasen og igangsætte
    etableringsfasen". An activity outside the budget that begins by the milestone's date needs the
    approval by then; one that begins later may wait for it (milepæl 6: "planlægges, så de først
    etableres, når de er budgetgodkendt"), which milepæl 9 tells."""
    ip = mappe.implementeringsplan
    dato = _faktadato(mappe, nr) or i_dag
    for i, a in enumerate(ip.aktiviteter if ip else []):
        if a.status == "aflyst":
            continue
        if a.start is None or a.start <= dato:
            hvornaar = "begynder før milepælen" if a.start else "har ingen start (så den kan begynde når som helst)"
            v.mangler += _budget_godkendt(mappe, a, f"{_aktivitet(mappe, a)} har en udgift uden for det gældende budget og "
                                                    f"{hvornaar}, men", IM, ("aktiviteter", i), dato, i_dag)
        elif nr == 9:
            v.advarsler += [Mangel(f"{_aktivitet(mappe, a)} afventer afdelingsmødets budgetgodkendelse i {navn}; den kan "
                                   f"først sættes i gang derefter (start {a.start.isoformat()})", IM, ("aktiviteter", i))
                            for navn in _ikke_budgetgodkendt(mappe, a, a.start, i_dag)]


def _aar_efter(d: dt.date) -> dt.date:
    try:
        return d.replace(year=d.year + 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year + 1, day=28)


def _et_regnskabsaar(fra: dt.date, til: dt.date) -> bool:
    return til >= _aar_efter(fra) - dt.timedelta(days=1)


def _etableringsudgifter(mappe, ip) -> list[Mangel]:
    """The samdriftsmodel's etableringsudgifter (2.5) each spent by an activity of the plan, with the same amount
    and a word on whether it is in the current budget: "Udgifter til implementering af de forskellige aktiviteter
    skal være indeholdt i boligafdelingernes egne budgetter" — so one outside it gets the afdelingsmøde's approval."""
    model = mappe.model
    ud: list[Mangel] = []
    for i, u in enumerate(model.indhold.etableringsudgifter if model is not None and model.indhold else []):
        if u.udgift is None:
            continue
        sti = ("indhold", "etableringsudgifter", i)
        hvad = f"etableringsudgiften {citeret(u.aktivitet)}"
        if u.plan_aktivitet is not None:
            j = _plads(ip.aktiviteter, "id", u.plan_aktivitet)
        else:
            j = next((k for k, a in enumerate(ip.aktiviteter) if normaliser(a.aktivitet or "") == normaliser(u.aktivitet)), None)
        if j is None:
            if u.plan_aktivitet is None:
                ud.append(Mangel(f"{hvad} ({dansk_beloeb(til_oere(u.udgift))}) står i samdriftsmodellen, men ingen aktivitet i implementeringsplanen afholder den; "
                                 "skriv aktivitetens id i plan_aktivitet, eller læg aktiviteten i planen", MO, sti,
                                 "plan_aktivitet"))
            continue  # an unknown id: the cross-check says it
        a, a_sti = ip.aktiviteter[j], ("aktiviteter", j)
        if a.udgift is None:
            ud.append(Mangel(f"{_aktivitet(mappe, a)} afholder {hvad} ({dansk_beloeb(til_oere(u.udgift))}) fra "
                             "samdriftsmodellen, men har ingen udgift i planen",
                             IM, a_sti, "udgift, i_budget"))
        elif a.udgift != u.udgift:
            ud.append(Mangel(f"{_aktivitet(mappe, a)} har udgiften {dansk_beloeb(til_oere(a.udgift))}, men {hvad} i "
                             f"samdriftsmodellen er {dansk_beloeb(til_oere(u.udgift))}; ret den ene", IM, a_sti + ("udgift",)))
        elif a.i_budget is None:
            ud.append(Mangel(f"er udgiften til {_aktivitet(mappe, a)} med i det gældende budget? Uden for budgettet skal "
                             "afdelingsmøderne godkende den, før den sættes i gang", IM, a_sti, "i_budget: true eller false"))
    return ud


@regel(7, "opgave", 1)
def _m7_o1(mappe, g):
    ip = mappe.implementeringsplan
    if ip is None:
        return fil_mangler(IM, "implementeringsplanen (Bilag 5)")
    v = Vurdering()
    if not ip.aktiviteter:
        v.mangler.append(Mangel("implementeringsplanen har ingen aktiviteter", IM, (), "aktiviteter"))
    for i, a in enumerate(ip.aktiviteter):
        v.mangler += felter(a, {"formaal": "formål", "vedroerer": "hvem den vedrører", "ansvarlig": "ansvarlig",
                                "frist": "frist"}, IM, ("aktiviteter", i), _aktivitet(mappe, a), gruppe="aktiviteter")
    ep = ip.evalueringsperiode
    if ep is None or ep.fra is None or ep.til is None:
        v.mangler.append(Mangel("evalueringsperioden mangler", IM, ("evalueringsperiode",), "evalueringsperiode: fra, til"))
    else:
        if not _et_regnskabsaar(ep.fra, ep.til):
            v.mangler.append(Mangel(f"evalueringsperioden {ep.fra.isoformat()} til {ep.til.isoformat()} er kortere end ét "
                                    "regnskabsår; drejebogen: den bør ikke vare mindre end ét regnskabsår", IM,
                                    ("evalueringsperiode",)))
        if tom(ep.godkendt_af):
            v.advarsler.append(Mangel("evalueringsperioden er ikke godkendt af den administrative ledelse", IM,
                                      ("evalueringsperiode",), "godkendt_af"))
        else:  # "Den administrative ledelse har ansvaret for, at etableringsfasen kan igangsættes"
            v = saml(v, administrativ_godkender(mappe, ep.godkendt_af, "evalueringsperioden", IM,
                                                ("evalueringsperiode", "godkendt_af")))
    for i, a in enumerate(ip.aktiviteter):
        v.mangler += _budgetgodkendelse(mappe, a, ("aktiviteter", i), True, g.i_dag)
    v.mangler += _etableringsudgifter(mappe, ip)
    temaer = {a.tema for a in ip.aktiviteter}
    if ip.aktiviteter and "kultur" not in temaer:
        v.advarsler.append(Mangel("ingen aktiviteter til fremme af en ny fælles kultur", IM, ("aktiviteter",), "tema: kultur"))
    if ip.aktiviteter and "orientering" not in temaer:
        v.advarsler.append(Mangel("ingen aktiviteter om orientering og markering", IM, ("aktiviteter",), "tema: orientering"))
    return v



# -- milepæl 8 -------------------------------------------------------------------

OR = "orientering.yaml"


@regel(8, "opgave", 1)
def _m8_o1(mappe, _):
    o = mappe.orientering
    if o is None:
        return fil_mangler(OR, "planen for, hvem der orienteres")
    v = Vurdering()
    kategorier = {g.kategori for g in o.maalgrupper}
    for k, tekst in (("beboere", "beboerne"), ("lokalt_driftspersonale", "det lokale driftspersonale")):
        if k not in kategorier:
            v.mangler.append(Mangel(f"{tekst} er ikke blandt dem, der orienteres", OR, ("maalgrupper",), f"kategori: {k}"))
    return v


def _maalgruppe(mappe, g) -> str:
    return f"målgruppen {citeret(mappe.navne.maalgruppe(g.id))}"


@regel(8, "opgave", 2)
def _m8_o2(mappe, _):
    o = mappe.orientering
    if o is None:
        return fil_mangler(OR, "orienteringsmaterialet")
    v = Vurdering()
    if not o.maalgrupper:
        v.mangler.append(Mangel("orienteringen har ingen målgrupper", OR, (), "maalgrupper"))
    for i, g in enumerate(o.maalgrupper):
        if g.materiale is None or (tom(g.materiale.titel) and tom(g.materiale.indhold)):
            v.mangler.append(Mangel(f"{_maalgruppe(mappe, g)}: materiale mangler", OR, ("maalgrupper", i),
                                    "materiale: titel, indhold", gruppe="målgrupper", felter=("materiale",)))
    return v


@regel(8, "opgave", 3)
def _m8_o3(mappe, _):
    o = mappe.orientering
    if o is None:
        return fil_mangler(OR, "distributionen af materialet")
    v = Vurdering()
    if not o.maalgrupper:
        v.mangler.append(Mangel("orienteringen har ingen målgrupper", OR, (), "maalgrupper"))
    for i, g in enumerate(o.maalgrupper):
        d = g.distribution
        if d is None or d.dato is None or d.metode is None:
            v.mangler.append(Mangel(f"{_maalgruppe(mappe, g)}: distribution mangler", OR, ("maalgrupper", i),
                                    "distribution: metode, dato", gruppe="målgrupper", felter=("distribution",)))
        elif g.materiale is not None and g.materiale.dato is not None:
            v.mangler += _foer(OR, ("maalgrupper", i, "distribution", "dato"), f"distributionen til {_maalgruppe(mappe, g)}",
                               d.dato, "materialet", g.materiale.dato)
    return v


@regel(8, "leverance", 1)
def _m8_l1(mappe, g):
    v = Vurdering()
    _budget_foer(mappe, 8, v, g.i_dag)
    if mappe.interessenter is None:
        v.mangler.append(Mangel("interessentanalysen, som orienteringen tager udgangspunkt i, mangler", IA,
                                henvisning="filen findes ikke ('samdrift init' laver en skabelon)"))
    elif mappe.orientering is not None and not any(g.interessenter for g in mappe.orientering.maalgrupper):
        v.advarsler.append(Mangel("ingen målgruppe i orienteringen henviser til interessentanalysen", OR, ("maalgrupper",),
                                  "interessenter"))
    return v


# -- milepæl 9 -------------------------------------------------------------------


@regel(9, "opgave", 1)
def _m9_o1(mappe, g):
    o = mappe.orientering
    if o is None:
        return fil_mangler(OR, "markeringen af opstarten")
    m = o.markering
    if m is None:
        return Vurdering([Mangel("markeringen af opstarten mangler (eller at den er fravalgt, med en begrundelse)", OR, (),
                                 "markering eller markering.fravalgt")])
    v = Vurdering()
    if m.fravalgt is not None:
        sti = ("markering", "fravalgt")
        if tom(m.fravalgt.begrundelse):
            v.mangler.append(Mangel("markeringen er fravalgt uden begrundelse", OR, sti, "begrundelse"))
        if tom(m.fravalgt.besluttet_af):
            v.advarsler.append(Mangel("hvem besluttede at undlade markeringen?", OR, sti, "besluttet_af"))
        _budget_foer(mappe, 9, v, g.i_dag)
        return v
    if m.afholdt is not True:
        v.mangler.append(Mangel("markeringen er ikke holdt", OR, ("markering",), "afholdt: true"))
    if m.dato is None:
        v.mangler.append(Mangel("markeringens dato mangler", OR, ("markering",), "dato"))
    if m.form is None:
        v.mangler.append(Mangel("markeringens form mangler", OR, ("markering",), "form"))
    _budget_foer(mappe, 9, v, g.i_dag)
    return v



# -- milepæl 10 ------------------------------------------------------------------

EV = "evaluering.yaml"


@regel(10, "opgave", 1)
def _m10_o1(mappe, g):
    e = mappe.evaluering
    if e is None:
        return fil_mangler(EV, "evalueringsskemaet med implementeringstjeklisten")
    v = Vurdering()
    ip = mappe.implementeringsplan
    if ip is None or not ip.aktiviteter:
        v.mangler.append(Mangel("implementeringsplanen har ingen aktiviteter at følge op på", IM, (), "aktiviteter"))
    for j, a in enumerate(ip.aktiviteter if ip else []):
        v.mangler += _budgetgodkendelse(mappe, a, ("aktiviteter", j), False, g.i_dag)
        i = _plads(e.tjekliste, "aktivitet", a.id)
        if i is None:
            v.mangler.append(Mangel(f"tjeklisten følger ikke op på {_aktivitet(mappe, a)}", EV, ("tjekliste",),
                                    f"tjekliste: aktivitet: {a.id}"))
            continue
        p = e.tjekliste[i]
        mangler = [(f, t) for f, t in (("gennemfoert", "gennemført"), ("status", "status"), ("effekt", "effekt"),
                                       ("naeste_skridt", "næste skridt")) if tom(getattr(p, f))]
        if p.gennemfoert in ("delvist", "nej") and tom(p.forklaring):
            mangler.append(("forklaring", "forklaring (aktiviteten er ikke gennemført som planlagt)"))
        if mangler:
            ord_ = tuple(t for _, t in mangler)
            v.mangler.append(Mangel(f"tjeklisten for {_aktivitet(mappe, a)}: {opremsning(ord_)} mangler", EV, ("tjekliste", i),
                                    ", ".join(f for f, _ in mangler), gruppe="punkter i tjeklisten", felter=ord_))
    if not e.interviews:
        v.advarsler.append(Mangel("ingen interview af beboervalgte og lokal drift om de oplevede effekter", EV, (), "interviews"))
    for i, x in enumerate(e.maalinger):
        if x.foer is not None and x.efter is None:
            v.advarsler.append(Mangel(f"før-målingen {citeret(x.emne)} har ingen efter-måling", EV, ("maalinger", i), "efter"))
    return v


@regel(10, "opgave", 2)
def _m10_o2(mappe, g):
    e = mappe.evaluering
    if e is None:
        return fil_mangler(EV, "opgørelsen af mål og fordelingsnøgler")
    v = Vurdering()
    m = mappe.model
    if m is None:
        v.mangler.append(Mangel("samdriftsmodellen med mål og fordelingsnøgler at følge op på mangler", MO,
                                henvisning="filen findes ikke ('samdrift init' laver en skabelon)"))
        return v
    if not m.maal:
        v.mangler.append(Mangel("samdriftsmodellen har ingen mål at følge op på", MO, (), "maal"))
    n = mappe.navne
    for x in m.maal:
        i = _plads(e.maalopfoelgning, "maal", x.id)
        f = e.maalopfoelgning[i] if i is not None else None
        sti = ("maalopfoelgning",) + ((i,) if i is not None else ())
        if f is None or tom(f.resultat) or f.opfyldt is None:
            v.mangler.append(Mangel(f"målet {citeret(n.maal(x.id))} er ikke fulgt op", EV, sti,
                                    "maalopfoelgning: maal, resultat, opfyldt", gruppe="mål", felter=("opfølgning",)))
        elif f.opfyldt != "ja" and tom(f.aarsag):
            v.mangler.append(Mangel(f"målet {citeret(n.maal(x.id))} er ikke nået; årsagen mangler", EV, sti, "aarsag"))
    brugte = []
    for k in m.konti:
        if k.med and k.noegle and k.noegle not in brugte:
            brugte.append(k.noegle)
    for noegle in brugte:
        i = _plads(e.noeglevurderinger, "noegle", noegle)
        x = e.noeglevurderinger[i] if i is not None else None
        if x is None or x.retvisende is None or tom(x.vurdering):
            v.mangler.append(Mangel(f"er fordelingsnøglen {citeret(n.noegle(noegle))} retvisende?", EV,
                                    ("noeglevurderinger",) + ((i,) if i is not None else ()),
                                    "noeglevurderinger: noegle, retvisende, vurdering"))
    if m.opgoerelse and m.opgoerelse.tidsregistrering and mappe.tidsregistreringsfil is None:
        v.mangler.append(Mangel("modellen kræver tidsregistrering, men der er ingen; nøglen kan ikke vurderes mod de "
                                "registrerede timer", MO, ("opgoerelse", "tidsregistrering"),
                                henvisning="læg tidsregistrering.csv eller tidsregistrering.xlsx i mappen"))
    v.advarsler += _oekonomisk_maal(mappe, g.i_dag)
    return v


def _oekonomisk_maal(mappe, i_dag: dt.date) -> list[Mangel]:
    """Milepæl 10: the economic goal read against the regnskab of whole regnskabsår after the samdrift
    began (model.yaml's regnskab, as 'samdrift opfoelgning' shows it). A goal not reached is a finding for
    the evaluation, not a gap: the milestone is about following up, not about succeeding."""
    from samdrift_cli.beloeb import beloeb_i_tekst, dansk_beloeb, til_oere

    m, a = mappe.model, mappe.aftale
    start = a.ikrafttraeden if a and a.ikrafttraeden else None
    if start is None:
        return []
    konti = [k for k in m.konti if k.med]
    aarene = sorted({int(x) for k in konti for x in (k.regnskab or {})})
    hele = [y for y in aarene if dt.date(y, 1, 1) >= start and dt.date(y, 12, 31) < i_dag]
    if not hele:
        if dt.date(start.year + (start > dt.date(start.year, 1, 1)), 12, 31) < i_dag:
            return [Mangel(f"der er intet regnskab for et helt regnskabsår efter ikrafttrædelsen ({start.isoformat()}), så "
                           "målene kan ikke opgøres mod det", MO, ("konti",),
                           henvisning="hent det ind med 'samdrift import regnskab FIL --aar ÅÅÅÅ'")]
        return []
    aar = hele[-1]
    uden = [i for i, k in enumerate(m.konti) if k.med and str(aar) not in (k.regnskab or {})]
    if uden:
        return [Mangel(f"regnskabet for {aar} mangler for nogle af samdriftens konti", MO, ("konti", uden[0]), "regnskab")]
    i = _plads(m.maal, "type", "oekonomi")
    maal = m.maal[i] if i is not None else None
    maalbeloeb = beloeb_i_tekst(maal.maalvaerdi) if maal else None
    if maalbeloeb is None:
        return []
    besparelse = sum(til_oere(v) for k in konti for v in (k.nuvaerende or {}).values()) \
        - sum(til_oere(k.regnskab[str(aar)]) for k in konti)
    if besparelse >= maalbeloeb:
        return []
    hvad = f"driftsbesparelsen er {dansk_beloeb(besparelse)}" if besparelse >= 0 else f"der er en merudgift på {dansk_beloeb(-besparelse)}"
    ud = [Mangel(f"målet {citeret(maal.titel)} ({dansk_beloeb(maalbeloeb)}) er ikke nået i {aar}: {hvad} mod i dag; "
                 "det er en oplysning til evalueringen, ikke en mangel", MO, ("maal", i))]
    e = mappe.evaluering
    j = _plads(e.maalopfoelgning, "maal", maal.id) if e else None
    if j is not None and e.maalopfoelgning[j].opfyldt == "ja":
        ud.append(Mangel(f"målet {citeret(maal.titel)} er opgjort som opfyldt, men regnskabet for {aar} viser, at det ikke er",
                         EV, ("maalopfoelgning", j, "opfyldt")))
    return ud


@regel(10, "leverance", 1)
def _m10_l1(mappe, g):
    """The nøgle can be judged "som minimum" after "et helt regnskabsår": the evaluated period covers
    at least 12 months, and it is over."""
    ip = mappe.implementeringsplan
    ep = ip.evalueringsperiode if ip else None
    sti = ("evalueringsperiode",)
    if ep is None or ep.fra is None or ep.til is None:
        return Vurdering([Mangel("evalueringsperioden mangler; milepæl 10 kræver, at samdriften har fungeret i mindst et "
                                 "helt regnskabsår", IM, sti, "evalueringsperiode: fra, til")])
    tidligst = max(_aar_efter(ep.fra) - dt.timedelta(days=1), ep.til) + dt.timedelta(days=1)
    if not _et_regnskabsaar(ep.fra, ep.til):
        return Vurdering([Mangel(f"evalueringsperioden {ep.fra.isoformat()} til {ep.til.isoformat()} dækker mindre end 12 "
                                 f"måneder; milepæl 10 kan tidligst nås {tidligst.isoformat()}", IM, sti)])
    if ep.til >= g.i_dag:
        return Vurdering([Mangel(f"evalueringsperioden slutter {ep.til.isoformat()}; milepæl 10 kan tidligst nås "
                                 f"{tidligst.isoformat()}", IM, sti + ("til",))])
    v = Vurdering()
    a = mappe.aftale
    if a is not None and a.ikrafttraeden is not None and ep.fra < a.ikrafttraeden:
        # the evaluation is of the samdrift: a year before it began says nothing about it
        v.mangler.append(Mangel(f"evalueringsperioden begynder {ep.fra.isoformat()}, før samdriften trådte i kraft "
                                f"({a.ikrafttraeden.isoformat()}, se aftalen); den skal dække et helt regnskabsår med samdrift",
                                IM, sti + ("fra",)))
    e = mappe.evaluering
    if e is not None and e.periode is not None and (e.periode.fra, e.periode.til) != (ep.fra, ep.til) \
            and e.periode.fra is not None and e.periode.til is not None:
        v.mangler.append(Mangel(f"evalueringens periode ({e.periode.fra.isoformat()} til {e.periode.til.isoformat()}) er "
                                f"ikke implementeringsplanens evalueringsperiode ({ep.fra.isoformat()} til "
                                f"{ep.til.isoformat()})", EV, ("periode",)))
    return v


@regel(10, "opgave", 3)
def _m10_o3(mappe, _):
    e = mappe.evaluering
    if e is None:
        return fil_mangler(EV, "vurderingen af aftalen")
    a = e.aftalevurdering
    if a is None or a.aendres is None:
        return Vurdering([Mangel("skal aftalen om samdrift ændres?", EV, ("aftalevurdering",), "aftalevurdering.aendres")])
    if tom(a.begrundelse):
        return Vurdering([Mangel("begrundelsen for, om aftalen skal ændres, mangler", EV, ("aftalevurdering",),
                                 "aftalevurdering.begrundelse")])
    return Vurdering()



# -- milepæl 11 ------------------------------------------------------------------


def _formidlet(mappe) -> Vurdering:
    e = mappe.evaluering
    if e is None:
        return fil_mangler(EV, "formidlingen af resultaterne")
    v = Vurdering()
    for g, tekst in MAALGRUPPER:
        if not any(f.maalgruppe == g and f.dato for f in e.formidling):
            v.mangler.append(Mangel(f"resultaterne er ikke formidlet til {tekst}", EV, ("formidling",),
                                    f"formidling: maalgruppe: {g}, dato"))
    return v


@regel(11, "opgave", 1)
def _m11_o1(mappe, _):
    v = _formidlet(mappe)
    e = mappe.evaluering
    if e is not None and e.nye_maal is None:
        v.mangler.append(Mangel("forslag til nye mål mangler", EV, (), "nye_maal",
                                henvisning="skriv »nye_maal: []«, hvis der ingen er"))
    return v


@regel(11, "leverance", 1)
def _m11_l1(mappe, _):
    return _formidlet(mappe)


# -- milepæl 12 ------------------------------------------------------------------


@regel(12, "opgave", 1)
def _m12_o1(mappe, g):
    if mappe.evaluering is None:
        return fil_mangler(EV, "evalueringen, der skal godkendes")
    # "nye mål skal godkendes på et afdelingsmøde, såfremt det medfører budgetændringer, som ikke
    # er indeholdt i det gældende budget"
    # by the approval of the evaluation that sets the new goals (milepæl 12, opgave 1): an afdelingsmøde after it
    # approved the expense after the decision it was to enable
    v = Vurdering()
    sted = _registreret(mappe, 12, "opgave", 1)
    senest = sted[0].dato if sted and sted[0].dato else g.i_dag
    for i, m in enumerate(mappe.evaluering.nye_maal or []):
        v.mangler += _budget_godkendt(mappe, m, f"det nye mål {citeret(m.titel)} har en udgift uden for det gældende budget, "
                                                "der skal være godkendt senest med evalueringen, men", EV, ("nye_maal", i),
                                      senest, g.i_dag)
    return v


@regel(12, "leverance", 1)
def _m12_l1(mappe, g):
    v = Vurdering()
    e = mappe.evaluering
    o = e.overdragelse if e else None
    if o is None or tom(o.til) or o.dato is None:
        # the playbook: the driftsansvarlige "kan nu uddelegere" the rest to the local driftsleder: an option
        v.advarsler.append(Mangel("overdragelsen fra projektlederen til den driftsansvarlige er ikke registreret", EV,
                                  ("overdragelse",), "overdragelse: til, dato"))
    elif o.dato > g.i_dag:
        v.mangler.append(Mangel(f"overdragelsen er dateret {o.dato.isoformat()}, efter i dag ({g.i_dag.isoformat()})", EV,
                                ("overdragelse", "dato")))
    sted = _registreret(mappe, 12, "opgave", 1)
    if sted is not None and tom(sted[0].referat):
        v.mangler.append(Mangel("milepæl 12, opgave 1: godkendelsen skal kunne dokumenteres; henvisning til referat eller "
                                "underskrift mangler", MP, sted[1], "referat"))
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


def _vurder_punkt(mappe, g: Grundlag, nr: int, art: str, i: int) -> Vurdering:
    """One opgave or leverance: the catalogue's data (an approval recorded, the opgaver a leverance
    sums up), then its rule function, if it has one."""
    dele = []
    krav = GODKENDELSER.get((nr, art, i))
    if krav is not None:
        dele.append(godkendelse(mappe, g.i_dag, nr, art, i, krav.hvad, krav.referat, krav.administrativ))
    if art == "leverance" and (nr, i) in LEVERANCE_AF_OPGAVER:
        dele.append(kraever(g.resultater, nr, *LEVERANCE_AF_OPGAVER[(nr, i)]))
    funktion = REGLER.get((nr, art, i))
    if funktion is not None:
        dele.append(funktion(mappe, g))
    return saml(*dele)


def vurder(mappe: "Samdriftsmappe", ugyldige: dict[str, str] | None = None, i_dag: dt.date | None = None) -> list[Milepaelsstatus]:
    """Judge all 12 milestones on the day ``i_dag`` (default: today, :func:`samdrift_cli.idag.idag`),
    from the folder alone: the rules read no clock. ``ugyldige``: the files with errors (file -> its
    first finding); a milestone judged from one of them "kan ikke vurderes" (samdrift.yaml must be valid)."""
    if i_dag is None:
        from samdrift_cli.idag import idag

        i_dag = idag()
    ugyldige = ugyldige or {}
    resultater: dict[tuple[int, str, int], Vurdering] = {}
    g = Grundlag(i_dag, resultater)
    ud: list[Milepaelsstatus] = []
    forrige_naaet = True
    for m in KATALOG:
        punkter: dict[str, list[Punkt]] = {"opgave": [], "leverance": []}
        for art, titler in (("opgave", m.opgaver), ("leverance", m.leverancer)):
            for i, titel in enumerate(titler, start=1):
                v = _vurder_punkt(mappe, g, m.nr, art, i)
                resultater[(m.nr, art, i)] = v
                r = registrering(mappe, m.nr, art, i)
                punkter[art].append(Punkt(art, i, titel, v.opfyldt, [placeret(mappe, x) for x in v.mangler],
                                          [placeret(mappe, x) for x in v.advarsler], r.dato if r else None))
        status = Milepaelsstatus(m, punkter["opgave"], punkter["leverance"], False, False, _faktadato(mappe, m.nr))
        brudte = [f for f in FILER.get(m.nr, ()) if f in ugyldige]
        if brudte:
            status.kan_ikke_vurderes = [Mangel(f"kan ikke vurderes: {ugyldige[f]}") for f in brudte]
            for p in status.punkter:
                p.opfyldt, p.mangler = False, list(status.kan_ikke_vurderes)
        _tidslinje(status, ud, i_dag)
        status.egen_opfyldt = all(p.opfyldt for p in status.punkter)
        status.naaet = status.egen_opfyldt and forrige_naaet
        ud.append(status)
        forrige_naaet = status.naaet
    return ud


def placeret(mappe: "Samdriftsmappe", m: Mangel) -> Mangel:
    """The finding with the line and column of its place in the file (the key at ``sti``, or its
    nearest parent the file has), so that an editor can jump there; as it was when the file does not
    have it."""
    dok = mappe.dokumenter.get(m.fil) if m.fil else None
    sted = dok.sted(m.sti, paa_noegle=True, rod=False) if dok is not None else None
    if sted is None:  # the file has none of the path: no line to point at
        return m
    return replace(m, linje=sted[0] + 1, kolonne=sted[1] + 1)


def _tidslinje(s: Milepaelsstatus, tidligere: list[Milepaelsstatus], i_dag: dt.date) -> None:
    """The time line (design.md §5): evidence dated after today does not count, and a milestone whose
    evidence is dated before that of the milestones it rests on is not reached; the message names
    both dates. Told on the milestone's last leverance."""
    leverance = s.leverancer[-1]
    if s.faktadato is not None and s.faktadato > i_dag:
        leverance.mangler.append(Mangel(f"dokumenterne for milepæl {s.milepael.nr} er dateret {s.faktadato.isoformat()}, "
                                        f"efter i dag ({i_dag.isoformat()}); de tæller først fra den dag"))
    dato = s.dato
    foer = [(t.dato, t.milepael.nr) for t in tidligere if t.dato is not None]
    if dato is not None and foer and any(p.opfyldt or p.dato for p in s.punkter):
        seneste, nr = max(foer)
        if dato < seneste:
            leverance.mangler.append(Mangel(f"milepæl {s.milepael.nr} er dateret {dato.isoformat()}, før milepæl {nr}, som "
                                            f"den bygger på ({seneste.isoformat()}); ret datoerne, eller gør milepælen "
                                            "færdig igen"))
    leverance.opfyldt = not leverance.mangler
