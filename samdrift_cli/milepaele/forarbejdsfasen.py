"""The rules of Forarbejdsfasen (milepæl 1-4): projektleder and vilkår, the oplæg, the analyse and
the samdriftsmodel, and the plan for inddragelse. One function per opgave or leverance (see regelvaerk.regel)."""

from __future__ import annotations

from samdrift_cli.indlaesning.navne import citeret
from samdrift_cli.milepaele.status import Mangel, Vurdering, opremsning
from samdrift_cli.skemaer.felter import tom
from samdrift_cli.milepaele.regelvaerk import (
    AN,
    IA,
    IP4,
    MAALGRUPPER,
    MO,
    OP,
    S,
    plads,
    administrativ_godkender,
    felter,
    fil_mangler,
    regel,
    saml,
)


# -- milepæl 1 -------------------------------------------------------------------


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


@regel(2, "opgave", 1)
def _m2_o1(mappe, _):
    o = mappe.oplaeg
    if o is None:
        return fil_mangler(OP, "oplægget om muligheder og udfordringer (Bilag 1)")
    v = Vurdering()
    n = mappe.navne
    for afd in mappe.afdeling_ids:
        i = plads(o.beboervalgtes_oensker, "afdeling", afd)
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
