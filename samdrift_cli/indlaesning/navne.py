"""What a person calls what the files name by id: the one place every rule and renderer asks.

An afdeling is its navn ("Æblegården"), a nøgle its navn ("Antal lejemål"), a mål its titel, an
activity the start of its text; the id is the answer only when the file gives nothing else. Each
kind has its own table, since an activity and a stilling may share an id.
"""

from __future__ import annotations

from typing import Any

MAKS_AKTIVITETSTEKST = 70  # characters of an activity's text used as its name


def citeret(tekst: str) -> str:
    """A title or a text in a sentence, as Danish quotes it: »Fælles kontor«."""
    return f"»{tekst}«"


def _kort(tekst: str) -> str:
    tekst = " ".join(tekst.split()).split(" (")[0]  # without a remark in parentheses
    if len(tekst) > MAKS_AKTIVITETSTEKST:
        tekst = tekst[:MAKS_AKTIVITETSTEKST].rsplit(" ", 1)[0].rstrip(",.:;") + " …"
    return tekst


class Navne:
    """The display names of one loaded folder (a ``Samdriftsmappe``; its files may be missing)."""

    def __init__(self, mappe: Any) -> None:
        s, m = mappe.samdrift, mappe.model
        ip, ind, ia, ori = mappe.implementeringsplan, mappe.inddragelsesplan, mappe.interessenter, mappe.orientering
        self._afdelinger = {a.id: a.navn for a in (s.afdelinger if s else [])}
        self._noegler = {n.id: n.navn for n in (m.fordelingsnoegler if m else []) if n.navn}
        self._maal = {x.id: x.titel for x in (m.maal if m else [])}
        self._stillinger = {x.id: x.navn or x.stilling for x in (m.organisationsplan.stillinger if m and m.organisationsplan else [])}
        self._aktiviteter = {a.id: a.aktivitet for a in (ip.aktiviteter if ip else [])}
        self._inddragelse = {a.id: _kort(a.aktivitet) for a in (ind.aktiviteter if ind else [])}
        self._interessenter = {x.id: x.navn for x in (ia.interessenter if ia else [])}
        self._maalgrupper = {g.id: g.navn for g in (ori.maalgrupper if ori else [])}

    def afdeling(self, id: str) -> str:
        return self._afdelinger.get(id, id)

    def afdelinger(self, ids) -> list[str]:
        return [self.afdeling(i) for i in ids]

    def noegle(self, id: str) -> str:
        return self._noegler.get(id, id)

    def maal(self, id: str) -> str:
        return self._maal.get(id, id)

    def stilling(self, id: str) -> str:
        return self._stillinger.get(id, id)

    def aktivitet(self, id: str) -> str:
        """An activity of the implementeringsplan, by the start of its text."""
        return _kort(self._aktiviteter[id]) if id in self._aktiviteter else id

    def aktivitetstekst(self, id: str) -> str:
        """An activity of the implementeringsplan, its whole text (a table's cell)."""
        return self._aktiviteter.get(id, id)

    def inddragelsesaktivitet(self, id: str) -> str:
        """An activity of the inddragelsesplan."""
        return self._inddragelse.get(id, id)

    def interessent(self, id: str) -> str:
        return self._interessenter.get(id, id)

    def maalgruppe(self, id: str) -> str:
        """A målgruppe of the orientering."""
        return self._maalgrupper.get(id, id)
