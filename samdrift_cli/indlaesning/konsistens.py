"""Cross-checks within and between files: unique ids, references, the nøgle rules of design.md §3.2.

A reference into a file that does not exist yet is not checked here: a missing file means
"not made yet", and the milestone rules say what is missing. A file with schema errors is
checked in the part that passed (delvis.py), so every problem is told in one run; the parts
left out still count (their ids can be referred to, their afdelinger are counted).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, Collection

from samdrift_cli.beloeb import dansk_tal
from samdrift_cli.indlaesning.delvis import afdelingernes_navne, liste_vaerdier
from samdrift_cli.indlaesning.dokumentfiler import tjek_logo, tjek_word_skabelon
from samdrift_cli.fund import Fund, synlig
from samdrift_cli.identitet import afdeling_opslag, mente_du, normaliser, ukendt_afdeling

if TYPE_CHECKING:
    from samdrift_cli.skemaer.felter import Emne
    from samdrift_cli.indlaesning.samdriftsmappe import Samdriftsmappe


class Tjek:
    def __init__(self, mappe: "Samdriftsmappe"):
        self.mappe = mappe
        self.fund: list[Fund] = []
        # each file's record; for a file with schema errors, the part of it that passed (delvis.py)
        self.filer: dict[str, Any] = {**{f: d.post for f, d in mappe.delvise.items()}, **mappe.modeller}
        # None when samdrift.yaml cannot tell the afdelinger apart (an id unreadable or repeated):
        # references to afdelinger are then not checked, so the cause is told once
        s = self.filer.get("samdrift.yaml")
        afdelinger = afdelingernes_navne(mappe.delvise.get("samdrift.yaml"), s) if s is not None else None
        self.afdelinger = [i for i, _ in afdelinger] if afdelinger is not None else None
        self.afdelingspar = [(i, n or i) for i, n in afdelinger] if afdelinger is not None else []
        # every reference to an afdeling is read as the CSV is: its id or navn, NFC and case folded
        self.opslag = afdeling_opslag([(i, n or i) for i, n in afdelinger]) if afdelinger else {}

    def fejl(self, fil: str, sti: tuple, besked: str, niveau: str = "fejl", paa_noegle: bool = False) -> None:
        """A finding at ``sti``, a path into the file's record."""
        delvis = self.mappe.delvise.get(fil)
        self._fejl_i_filen(fil, delvis.original_sti(sti) if delvis else sti, besked, niveau, paa_noegle)

    def _fejl_i_filen(self, fil: str, sti: tuple, besked: str, niveau: str = "fejl", paa_noegle: bool = False) -> None:
        self.fund.append(self.mappe.dokumenter[fil].fund_ved(sti, besked, niveau, paa_noegle))

    def ulaeselig(self, fil: str, sti: tuple) -> bool:
        """Whether the value at ``sti`` is missing only because it could not be read (already told)."""
        delvis = self.mappe.delvise.get(fil)
        return (delvis.original_sti(sti) if delvis else sti) in self.mappe.dokumenter[fil].ulaeselige

    def beroert(self, fil: str, liste_sti: tuple) -> bool:
        """Whether the list may be shorter in the record than in the file (parts left out)."""
        delvis = self.mappe.delvise.get(fil)
        return delvis is not None and delvis.beroert(liste_sti)

    def ids(self, fil: str, liste_sti: tuple, poster: list, attr: str = "id") -> list[str] | None:
        """The ids of the list's items in file order, or None if some cannot be known (a reference
        to them is then not checked)."""
        alle = liste_vaerdier(self.mappe.delvise.get(fil), liste_sti, poster, attr)
        if alle is None or any(v is None for _, v in alle):
            return None
        return list(dict.fromkeys(v for _, v in alle))

    def unikke(self, fil: str, liste_sti: tuple, poster: list, attr: str, hvad: str) -> set[str] | None:
        """Reports repeated values of ``attr``; returns the values (as :meth:`ids`)."""
        alle = liste_vaerdier(self.mappe.delvise.get(fil), liste_sti, poster, attr)
        komplet = alle is not None
        if alle is None:  # still compare the items that passed
            delvis = self.mappe.delvise[fil]
            alle = [(delvis.original_sti(liste_sti + (i,)), getattr(p, attr)) for i, p in enumerate(poster)]
        allerede_set: dict[str, int] = {}
        for sti, v in alle:
            if v is None:
                komplet = False
            elif v in allerede_set:
                self._fejl_i_filen(fil, sti + (attr,),
                                   f"{hvad} '{v}' findes allerede (nr. {allerede_set[v] + 1} i listen); hvert {hvad} skal være unikt")
            else:
                allerede_set[v] = sti[-1]
        return set(allerede_set) if komplet else None

    def afdeling(self, fil: str, sti: tuple, afd: str | None, paa_noegle: bool = False) -> None:
        if self.afdelinger is not None and afd is not None and normaliser(afd) not in self.opslag:
            self.fejl(fil, sti, ukendt_afdeling(afd, self.afdelingspar), paa_noegle=paa_noegle)

    def reference(self, fil: str, sti: tuple, ref: str, kendte: Collection[str] | None, hvad: str, kilde: str) -> None:
        if kendte is not None and ref not in kendte:
            self.fejl(fil, sti, f"ukendt {hvad} '{synlig(ref)}'{mente_du(ref, kendte)} (se {kilde})")

    def emne(self, fil: str, sti: tuple, emne: Emne | None) -> None:
        if emne is None:
            return
        for afd in emne.afdelinger:
            self.afdeling(fil, sti + ("afdelinger", afd), afd, paa_noegle=True)


def krydstjek(mappe: "Samdriftsmappe") -> list[Fund]:
    t = Tjek(mappe)
    _samdrift(t)
    _model(t)
    _oplaeg_analyse(t)
    _interessenter_inddragelse(t)
    _aftale(t)
    _implementering_orientering_evaluering(t)
    _kontokort(t)
    return t.fund


def _samdrift(t: Tjek) -> None:
    s = t.filer.get("samdrift.yaml")
    if s is None:
        return
    f = "samdrift.yaml"
    t.unikke(f, ("afdelinger",), s.afdelinger, "id", "afdelings-id")
    t.unikke(f, ("afdelinger",), s.afdelinger, "navn", "afdelingsnavn")
    _kan_skelnes(t, s.afdelinger)
    antal = None if t.beroert(f, ("afdelinger",)) else len(s.afdelinger)  # afdelinger with errors still count
    if antal == 0:
        t.fejl(f, ("afdelinger",), "der skal være mindst én afdeling (en samdrift har mindst 2)")
    elif antal == 1:
        t.fejl(f, ("afdelinger",), "der er kun én afdeling; en samdrift har mindst 2", "advarsel")
    d = s.dokumenter
    if d is not None and d.logo is not None:
        problem = tjek_logo(t.mappe.sti, d.logo)
        if problem:
            t.fejl(f, ("dokumenter", "logo"), problem)
    if d is not None and d.word_skabelon is not None:
        problem, advarsel = tjek_word_skabelon(t.mappe.sti, d.word_skabelon)
        if problem or advarsel:
            t.fejl(f, ("dokumenter", "word_skabelon"), problem or advarsel, "fejl" if problem else "advarsel")
    if s.roller:
        for i, r in enumerate(s.roller.oevrige):
            t.afdeling(f, ("roller", "oevrige", i, "afdeling"), r.afdeling)
    for i, a in enumerate(s.afdelinger):
        # 6.500 is 6,5 m² to YAML, but 6500 m² to a Danish reader (as with amounts, see beloeb.py)
        if a.areal_m2 is not None and a.areal_m2.as_tuple().exponent == -3 and a.areal_m2 < 1000:
            skrevet = f"{a.areal_m2:f}"
            t.fejl(f, ("afdelinger", i, "areal_m2"),
                   f"arealet {skrevet} læses som {dansk_tal(a.areal_m2)} m²; "
                   f"mente du {skrevet.replace('.', '')} m²? I et YAML-tal er '.' decimaltegn", "advarsel")


def _kan_skelnes(t: Tjek, afdelinger: list) -> None:
    """Ids and navne are one name space after NFC and case folding (design.md §3.1): 'ÆBLEGÅRDEN'
    beside 'Æblegården', or a navn equal to another afdeling's id, would send hours, andele and
    references to the wrong afdeling. An exact repeat is told by :meth:`Tjek.unikke` already."""
    f = "samdrift.yaml"
    delvis = t.mappe.delvise.get(f)
    dok = t.mappe.dokumenter[f]
    hvad = {"id": "id'et", "navn": "navnet"}
    allerede_set: dict[str, tuple[int, str, str, tuple]] = {}
    for i, a in enumerate(afdelinger):
        for felt in ("id", "navn"):
            v = getattr(a, felt)
            sti = (delvis.original_sti(("afdelinger", i)) if delvis else ("afdelinger", i)) + (felt,)
            noegle = normaliser(v)
            tidligere = allerede_set.get(noegle)
            if tidligere is None:
                allerede_set[noegle] = (i, felt, v, sti)
                continue
            j, felt_j, v_j, sti_j = tidligere
            if j == i or (felt_j == felt and v_j == v):
                continue
            p = dok.placeringer.get(sti_j)
            hvor = f" (linje {p.linje + 1})" if p else ""
            t._fejl_i_filen(f, sti, f"{hvad[felt]} '{synlig(v)}' kan ikke skelnes fra {hvad[felt_j]} '{synlig(v_j)}'{hvor} "
                                    "for en anden afdeling; id'er og navne skal være forskellige, også når der ses bort fra "
                                    "store og små bogstaver og fra, hvordan æ, ø og å er kodet")


def _udeladte(t: Tjek, f: str, sti: tuple, n, m) -> None:
    """A fast nøgle whose andele leave out an afdeling: allowed (a subset), but that afdeling pays
    nothing for the konti on it, which is worth saying."""
    s = t.filer.get("samdrift.yaml")
    if s is None or t.afdelinger is None or t.beroert("samdrift.yaml", ("afdelinger",)):
        return
    med = {t.opslag.get(normaliser(a)) for a in n.andele}
    ude = [a.navn for a in s.afdelinger if a.id not in med]
    konti = [str(k.konto) for k in m.konti if k.med and k.noegle == n.id]
    if ude and konti:
        t.fejl(f, sti + ("andele",), f"nøglen '{n.id}' har ingen andel for {' og '.join(ude)}, som derfor intet betaler "
                                     f"for konto {', '.join(dict.fromkeys(konti))}; er det meningen?", "advarsel")


def _model(t: Tjek) -> None:
    m = t.filer.get("model.yaml")
    if m is None:
        return
    f = "model.yaml"
    noegler = t.unikke(f, ("fordelingsnoegler",), m.fordelingsnoegler, "id", "nøgle-id")
    for i, n in enumerate(m.fordelingsnoegler):
        sti = ("fordelingsnoegler", i)
        if n.afdelinger is not None:
            if not n.afdelinger:
                t.fejl(f, sti + ("afdelinger",), f"nøglen '{n.id}' har en tom liste af afdelinger; udelad 'afdelinger' for at bruge alle")
            allerede_set: set[str] = set()
            for j, a in enumerate(n.afdelinger):
                t.afdeling(f, sti + ("afdelinger", j), a)
                if a in allerede_set:
                    t.fejl(f, sti + ("afdelinger", j), f"afdelingen '{a}' står to gange i nøglen '{n.id}'")
                allerede_set.add(a)
        if n.grundlag == "fast":
            if n.andele is None:
                t.fejl(f, sti, f"nøglen '{n.id}' har grundlag 'fast' og skal have 'andele' (procent pr. afdeling, i alt 100)")
            else:
                for a, v in n.andele.items():
                    t.afdeling(f, sti + ("andele", a), a, paa_noegle=True)
                    if v < 0:
                        t.fejl(f, sti + ("andele", a), f"andelen for '{a}' i nøglen '{n.id}' er negativ")
                total = sum(n.andele.values(), Decimal(0))
                if total != 100:
                    t.fejl(f, sti + ("andele",),
                           f"andelene i nøglen '{n.id}' summer til {dansk_tal(total)} %; de skal summe til 100 %")
                if n.afdelinger is not None and set(n.afdelinger) != set(n.andele):
                    t.fejl(f, sti + ("afdelinger",),
                           f"nøglen '{n.id}': 'afdelinger' og nøglerne i 'andele' skal være de samme afdelinger")
                _udeladte(t, f, sti, n, m)
        elif n.andele is not None:
            t.fejl(f, sti + ("andele",), f"'andele' bruges kun med grundlag 'fast', ikke '{n.grundlag}'", paa_noegle=True)
        if n.grundlag != "timer":
            for felt in ("periode", "opgaver"):
                if getattr(n, felt) is not None:
                    t.fejl(f, sti + (felt,), f"'{felt}' bruges kun med grundlag 'timer', ikke '{n.grundlag}'", paa_noegle=True)
        if n.periode and n.periode.fra and n.periode.til and n.periode.fra > n.periode.til:
            t.fejl(f, sti + ("periode", "til"), f"periodens 'til' ({n.periode.til}) ligger før 'fra' ({n.periode.fra})")
    for i, k in enumerate(m.konti):
        sti = ("konti", i)
        if k.noegle is not None:
            t.reference(f, sti + ("noegle",), k.noegle, noegler, "fordelingsnøgle", "fordelingsnoegler i model.yaml")
        if k.med:
            if k.noegle is None and not t.ulaeselig(f, sti + ("noegle",)):
                t.fejl(f, sti, f"konto {k.konto} indgår i samdriften (med: true) og skal have en 'noegle'")
            if k.budget is None and not t.ulaeselig(f, sti + ("budget",)):
                t.fejl(f, sti, f"konto {k.konto} indgår i samdriften (med: true) og skal have et 'budget'")
        for a in (k.nuvaerende or {}):
            t.afdeling(f, sti + ("nuvaerende", a), a, paa_noegle=True)
    t.unikke(f, ("maal",), m.maal, "id", "mål-id")
    if m.organisationsplan:
        stillinger = t.unikke(f, ("organisationsplan", "stillinger"), m.organisationsplan.stillinger, "id", "stillings-id")
        for i, s in enumerate(m.organisationsplan.stillinger):
            if s.refererer_til is not None:
                t.reference(f, ("organisationsplan", "stillinger", i, "refererer_til"), s.refererer_til,
                            None if stillinger is None else stillinger - {s.id}, "stilling", "organisationsplan.stillinger")
    if m.indhold:
        for i, a in enumerate(m.indhold.aktiver):
            t.afdeling(f, ("indhold", "aktiver", i, "afdeling"), a.afdeling)


def _oplaeg_analyse(t: Tjek) -> None:
    o = t.filer.get("oplaeg.yaml")
    if o is not None:
        for felt in ("formaal", "andre_afdelinger", "interessenter", "oekonomi", "fysik", "organisering",
                     "beboerservice", "fordele", "ulemper"):
            t.emne("oplaeg.yaml", (felt,), getattr(o, felt))
        for i, b in enumerate(o.beboervalgtes_oensker):
            t.afdeling("oplaeg.yaml", ("beboervalgtes_oensker", i, "afdeling"), b.afdeling)
    a = t.filer.get("analyse.yaml")
    if a is not None:
        for felt in ("interessenter", "fysik", "oekonomi", "organisering", "beboerservice"):
            t.emne("analyse.yaml", (felt,), getattr(a, felt))
        if a.kompetenceanalyse:
            for i, m in enumerate(a.kompetenceanalyse.medarbejdere):
                t.afdeling("analyse.yaml", ("kompetenceanalyse", "medarbejdere", i, "afdeling"), m.afdeling)


def _interessenter_inddragelse(t: Tjek) -> None:
    ia = t.filer.get("interessenter.yaml")
    interessenter: set[str] | None = None
    if ia is not None:
        interessenter = t.unikke("interessenter.yaml", ("interessenter",), ia.interessenter, "id", "interessent-id")
        for i, x in enumerate(ia.interessenter):
            t.afdeling("interessenter.yaml", ("interessenter", i, "afdeling"), x.afdeling)
    p = t.filer.get("inddragelsesplan.yaml")
    if p is not None:
        f = "inddragelsesplan.yaml"
        t.unikke(f, ("aktiviteter",), p.aktiviteter, "id", "aktivitets-id")
        for i, a in enumerate(p.aktiviteter):
            if interessenter is not None:
                for j, ref in enumerate(a.interessenter):
                    t.reference(f, ("aktiviteter", i, "interessenter", j), ref, interessenter, "interessent", "interessenter.yaml")
        for i, v in enumerate(p.vurderinger):
            t.afdeling(f, ("vurderinger", i, "afdeling"), v.afdeling)
    o = t.filer.get("orientering.yaml")
    if o is not None:
        f = "orientering.yaml"
        t.unikke(f, ("maalgrupper",), o.maalgrupper, "id", "målgruppe-id")
        if interessenter is not None:
            for i, g in enumerate(o.maalgrupper):
                for j, ref in enumerate(g.interessenter):
                    t.reference(f, ("maalgrupper", i, "interessenter", j), ref, interessenter, "interessent", "interessenter.yaml")


def _aftale(t: Tjek) -> None:
    a = t.filer.get("aftale.yaml")
    if a is None:
        return
    f = "aftale.yaml"
    allerede_set: dict[str, int] = {}
    for i, u in enumerate(a.tiltraedelse):
        t.afdeling(f, ("tiltraedelse", i, "afdeling"), u.afdeling)
        if u.organ != "organisationsbestyrelse" and u.afdeling is None:
            organ = {"afdelingsbestyrelse": "en afdelingsbestyrelse", "afdelingsmoede": "et afdelingsmøde"}[u.organ]
            t.fejl(f, ("tiltraedelse", i), f"en tiltrædelse af {organ} skal angive 'afdeling'")
        if u.afdeling is not None:
            if u.afdeling in allerede_set:
                t.fejl(f, ("tiltraedelse", i, "afdeling"),
                       f"afdelingen '{u.afdeling}' har allerede en tiltrædelse (nr. {allerede_set[u.afdeling] + 1})", "advarsel")
            allerede_set[u.afdeling] = i
    if a.vilkaar:
        for i, x in enumerate(a.vilkaar.aktiver):
            t.afdeling(f, ("vilkaar", "aktiver", i, "afdeling"), x.afdeling)


def _budgetvirkning(t: Tjek, f: str, sti: tuple, post, hvad: str) -> None:
    """The afdelinger an expense (an activity's, a new mål's) falls on, and their approvals."""
    for j, afd in enumerate(post.afdelinger):
        t.afdeling(f, sti + ("afdelinger", j), afd)
    for j, g in enumerate(post.budgetgodkendelse):
        t.afdeling(f, sti + ("budgetgodkendelse", j, "afdeling"), g.afdeling)
    if post.budgetgodkendelse and post.i_budget is not False:
        t.fejl(f, sti + ("budgetgodkendelse",), f"{hvad} har en budgetgodkendelse, men i_budget er ikke false; "
                                                 "er udgiften med i budgettet?", "advarsel", paa_noegle=True)


def _implementering_orientering_evaluering(t: Tjek) -> None:
    ip = t.filer.get("implementeringsplan.yaml")
    aktiviteter: set[str] | None = None
    if ip is not None:
        f = "implementeringsplan.yaml"
        aktiviteter = t.unikke(f, ("aktiviteter",), ip.aktiviteter, "id", "aktivitets-id")
        for i, a in enumerate(ip.aktiviteter):
            if a.start and a.frist and a.start > a.frist:
                t.fejl(f, ("aktiviteter", i, "frist"), f"fristen ({a.frist}) ligger før starten ({a.start})")
            _budgetvirkning(t, f, ("aktiviteter", i), a, f"aktiviteten '{a.id}'")
        ep = ip.evalueringsperiode
        if ep and ep.fra and ep.til and ep.fra > ep.til:
            t.fejl(f, ("evalueringsperiode", "til"), f"evalueringsperiodens 'til' ({ep.til}) ligger før 'fra' ({ep.fra})")
        m = t.filer.get("model.yaml")
        for i, u in enumerate(m.indhold.etableringsudgifter if m is not None and m.indhold else []):
            if u.plan_aktivitet is not None:
                t.reference("model.yaml", ("indhold", "etableringsudgifter", i, "plan_aktivitet"), u.plan_aktivitet, aktiviteter,
                            "aktivitet", "implementeringsplan.yaml")
    e = t.filer.get("evaluering.yaml")
    if e is None:
        return
    f = "evaluering.yaml"
    for i, x in enumerate(e.nye_maal or []):
        _budgetvirkning(t, f, ("nye_maal", i), x, f"det nye mål '{x.titel}'")
    if aktiviteter is not None:
        allerede_set: set[str] = set()
        for i, p in enumerate(e.tjekliste):
            t.reference(f, ("tjekliste", i, "aktivitet"), p.aktivitet, aktiviteter, "aktivitet", "implementeringsplan.yaml")
            if p.aktivitet in allerede_set:
                t.fejl(f, ("tjekliste", i, "aktivitet"), f"aktiviteten '{p.aktivitet}' står to gange i tjeklisten")
            allerede_set.add(p.aktivitet)
    m = t.filer.get("model.yaml")
    if m is not None:
        maal = t.ids("model.yaml", ("maal",), m.maal)
        for i, x in enumerate(e.maalopfoelgning):
            t.reference(f, ("maalopfoelgning", i, "maal"), x.maal, maal, "mål", "maal i model.yaml")
        noegler = t.ids("model.yaml", ("fordelingsnoegler",), m.fordelingsnoegler)
        for i, x in enumerate(e.noeglevurderinger):
            t.reference(f, ("noeglevurderinger", i, "noegle"), x.noegle, noegler, "fordelingsnøgle", "model.yaml")


def _kontokort(t: Tjek) -> None:
    """Each line of kontokort.yaml lands on one konto line of model.yaml; no two lines read the same."""
    from samdrift_cli.indlaesning.budgetfil import ren_navn

    kk, m = t.filer.get("kontokort.yaml"), t.filer.get("model.yaml")
    if kk is None:
        return
    f = "kontokort.yaml"
    set_: dict[tuple, int] = {}
    for i, r in enumerate(kk.kort):
        noegle = (normaliser(r.fra), ren_navn(r.fra_navn) if r.fra_navn else None)
        if noegle in set_:
            t.fejl(f, ("kort", i, "fra"), f"konto {synlig(r.fra)}{' ' + repr(synlig(r.fra_navn)) if r.fra_navn else ''} står "
                                          f"allerede i kontokortet (nr. {set_[noegle] + 1} i listen); kun den første bruges")
        set_.setdefault(noegle, i)
        if m is None:
            continue
        samme_nummer = [k for k in m.konti if normaliser(k.konto) == normaliser(r.til)]
        ramt = [k for k in samme_nummer if r.til_navn is None or ren_navn(k.navn or "") == ren_navn(r.til_navn)]
        if not samme_nummer:
            t.fejl(f, ("kort", i, "til"), f"konto {synlig(r.til)} findes ikke i model.yaml")
        elif not ramt:
            t.fejl(f, ("kort", i, "til_navn"), f"konto {synlig(r.til)} hedder ikke '{synlig(r.til_navn)}' i model.yaml"
                                               f"{mente_du(r.til_navn, [k.navn for k in samme_nummer if k.navn])}")
        elif len(ramt) > 1:
            t.fejl(f, ("kort", i, "til"), f"konto {synlig(r.til)} står {len(ramt)} gange i model.yaml; vælg linjen med til_navn "
                                          f"({', '.join(repr(synlig(k.navn or '')) for k in ramt)})")
