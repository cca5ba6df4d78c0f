"""The rules of Udviklingsfasen (milepæl 5-7): inddragelse of the beboervalgte and the lokale drift,
the aftale and its tiltrædelser, and the implementeringsplan."""

from __future__ import annotations

from samdrift_cli.beloeb import dansk_beloeb, til_oere
from samdrift_cli.identitet import normaliser
from samdrift_cli.indlaesning.navne import citeret
from samdrift_cli.milepaele.katalog import ADMINISTRATIVE_ORGANER
from samdrift_cli.milepaele.status import Mangel, Vurdering, opremsning
from samdrift_cli.skemaer.felter import tom
from samdrift_cli.milepaele.regelvaerk import (
    AF,
    IM,
    IP4,
    MAALGRUPPER,
    MO,
    MP,
    aktiviteten,
    aktivitetens_budgetgodkendelse,
    et_regnskabsaar,
    plads,
    registreret,
    administrativ_godkender,
    felter,
    fil_mangler,
    regel,
    saml,
)


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
        i = plads(p.vurderinger, "afdeling", afd)
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
        sted = registreret(mappe, 5, "leverance", 1)
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
        i = plads(a.tiltraedelse, "afdeling", afd)
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
            j = plads(ip.aktiviteter, "id", u.plan_aktivitet)
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
            ud.append(Mangel(f"{aktiviteten(mappe, a)} afholder {hvad} ({dansk_beloeb(til_oere(u.udgift))}) fra "
                             "samdriftsmodellen, men har ingen udgift i planen",
                             IM, a_sti, "udgift, i_budget"))
        elif a.udgift != u.udgift:
            ud.append(Mangel(f"{aktiviteten(mappe, a)} har udgiften {dansk_beloeb(til_oere(a.udgift))}, men {hvad} i "
                             f"samdriftsmodellen er {dansk_beloeb(til_oere(u.udgift))}; ret den ene", IM, a_sti + ("udgift",)))
        elif a.i_budget is None:
            ud.append(Mangel(f"er udgiften til {aktiviteten(mappe, a)} med i det gældende budget? Uden for budgettet skal "
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
                                "frist": "frist"}, IM, ("aktiviteter", i), aktiviteten(mappe, a), gruppe="aktiviteter")
    ep = ip.evalueringsperiode
    if ep is None or ep.fra is None or ep.til is None:
        v.mangler.append(Mangel("evalueringsperioden mangler", IM, ("evalueringsperiode",), "evalueringsperiode: fra, til"))
    else:
        if not et_regnskabsaar(ep.fra, ep.til):
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
        v.mangler += aktivitetens_budgetgodkendelse(mappe, a, ("aktiviteter", i), True, g.i_dag)
    v.mangler += _etableringsudgifter(mappe, ip)
    temaer = {a.tema for a in ip.aktiviteter}
    if ip.aktiviteter and "kultur" not in temaer:
        v.advarsler.append(Mangel("ingen aktiviteter til fremme af en ny fælles kultur", IM, ("aktiviteter",), "tema: kultur"))
    if ip.aktiviteter and "orientering" not in temaer:
        v.advarsler.append(Mangel("ingen aktiviteter om orientering og markering", IM, ("aktiviteter",), "tema: orientering"))
    return v
