"""What of an invalid file can still be cross-checked: the file without the parts that fail.

A file with schema errors has no model, so its cross-checks (unique ids, references, andele
summing to 100, …) would otherwise wait for the next run, after those errors are fixed. Instead
the parts that fail are left out and the rest is validated again, until it passes:

* an error inside a list item leaves out the innermost such item (a konto, a nøgle, an afdeling),
  whatever the error is, so no check sees half an item ("konto 114 skal have en 'noegle'" after
  the user misspelt ``noegle`` would only repeat the error);
* an unknown key outside any list item is left out itself;
* any other error leaves out the top-level section it is in. An error that leaves nothing to
  leave out (a required top-level key missing or wrong) gives up: no partial file.

The cross-checks then run on what passed, with paths mapped back to the file, and must not
report what is only missing because it was left out. :meth:`DelvisFil.vaerdier` therefore gives
the ids of a list including the raw ids of its left-out items, or ``None`` when the list may
have lost items no one can see (a reference to it is then not checked), and
:meth:`DelvisFil.beroert` says whether a list may be shorter than written (so it is not counted).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError

MAKS_RUNDER = 25  # each round leaves out at least one more part; a file is small

Sti = tuple


@dataclass(frozen=True)
class DelvisFil:
    post: Any  # the model of what passed
    data: Any  # the file's data as read, before anything was left out
    udeladt: frozenset[Sti]  # paths into ``data`` of the list items and keys left out
    kort: dict[Sti, list[int]]  # path of a list with items left out -> indices (in ``data``) of those kept
    fejlstier: frozenset[Sti] = frozenset()  # paths into ``data`` of the values with errors

    def original_sti(self, sti: Sti) -> Sti:
        """A path into the record (indices of the shortened lists) as a path into the file."""
        ud: Sti = ()
        for del_ in sti:
            beholdt = self.kort.get(ud)
            if beholdt is not None and isinstance(del_, int) and 0 <= del_ < len(beholdt):
                del_ = beholdt[del_]
            ud += (del_,)
        return ud

    def beroert(self, liste_sti: Sti) -> bool:
        """Whether the list at ``liste_sti`` (a path into the record) may have fewer items in the
        record than in the file."""
        liste_sti = self.original_sti(liste_sti)
        return self._skjult(liste_sti) or liste_sti in self.kort

    def vaerdier(self, liste_sti: Sti, beholdte: list[Any], felt: str) -> list[tuple[Sti, Any]] | None:
        """Each item of the list at ``liste_sti`` in file order, as (its path in the file, its ``felt``):
        ``beholdte`` holds the values of the items that passed; a left-out item gives its raw value
        as text, or None if that is not a plain value or has an error. None when the list may have
        lost items no one can see (see :meth:`_skjult`). ``liste_sti`` is a path into the record."""
        liste_sti = self.original_sti(liste_sti)
        if self._skjult(liste_sti):
            return None
        liste = _ved(self.data, liste_sti)
        beholdt = self.kort.get(liste_sti)
        if beholdt is None or not isinstance(liste, list):
            return [(liste_sti + (i,), v) for i, v in enumerate(beholdte)]
        vaerdi = dict(zip(beholdt, beholdte))
        return [(liste_sti + (i,), vaerdi[i] if i in vaerdi else self._raa(liste_sti + (i, felt), x))
                for i, x in enumerate(liste)]

    def _raa(self, sti: Sti, post: Any) -> str | None:
        """The value at ``sti`` in a left-out item as text; None if it is not a plain value or has an
        error itself (``id: Jens`` is not the id 'jens' the others refer to, nor another one)."""
        if sti in self.fejlstier or not isinstance(post, dict):
            return None
        return raa_tekst(post.get(sti[-1]))

    def _skjult(self, liste_sti: Sti) -> bool:
        """The list itself or a part that holds it is left out, or an unknown key that was left out
        may be a misspelling of the key that should hold it (``stilinger:`` for ``stillinger:``)."""
        for u in self.udeladt:
            if liste_sti[: len(u)] == u:
                return True
            k = len(u) - 1
            if k < len(liste_sti) and u[:k] == liste_sti[:k] and isinstance(u[k], str):
                holder = _ved(self.data, liste_sti[:k])
                if isinstance(holder, dict) and liste_sti[k] not in holder:
                    return True
        return False


def liste_vaerdier(delvis: DelvisFil | None, liste_sti: Sti, poster: list, felt: str) -> list[tuple[Sti, Any]] | None:
    """(path in the file, ``felt``) of each item of the record's list at ``liste_sti``; for a partial
    file the left-out items too, as :meth:`DelvisFil.vaerdier` gives them."""
    if delvis is None:
        return [(liste_sti + (i,), getattr(p, felt)) for i, p in enumerate(poster)]
    return delvis.vaerdier(liste_sti, [getattr(p, felt) for p in poster], felt)


def afdelingernes_navne(delvis: DelvisFil | None, samdrift: Any) -> list[tuple[str, str | None]] | None:
    """(id, navn) of every afdeling of samdrift.yaml in file order, a left-out one with its written
    values (a navn None when it cannot be read); None when an id cannot be known or is repeated:
    which afdeling a reference means is then unknown, and the repeated id is the one error to tell."""
    ids = liste_vaerdier(delvis, ("afdelinger",), samdrift.afdelinger, "id")
    navne = liste_vaerdier(delvis, ("afdelinger",), samdrift.afdelinger, "navn")
    if ids is None or any(i is None for _, i in ids) or len({i for _, i in ids}) < len(ids):
        return None
    return [(i, n) for (_, i), (_, n) in zip(ids, navne or [(None, None)] * len(ids))]


def raa_tekst(v: Any) -> str | None:
    """A plain value as the text an id would be, or None."""
    if isinstance(v, bool) or not isinstance(v, (str, int)):
        return None
    return str(v).strip()


_MANGLER = object()


def _ved(data: Any, sti: Sti) -> Any:
    for del_ in sti:
        if isinstance(data, dict) and del_ in data:
            data = data[del_]
        elif isinstance(data, list) and isinstance(del_, int) and 0 <= del_ < len(data):
            data = data[del_]
        else:
            return _MANGLER
    return data


def _uden(data: Any, sti: Sti, udeladt: set[Sti], kort: dict[Sti, list[int]]) -> Any:
    """A copy of ``data`` without the paths in ``udeladt``; ``kort`` gets the indices kept per list."""
    if isinstance(data, dict):
        return {k: _uden(v, sti + (k,), udeladt, kort) for k, v in data.items() if sti + (k,) not in udeladt}
    if isinstance(data, list):
        beholdt = [i for i in range(len(data)) if sti + (i,) not in udeladt]
        if len(beholdt) != len(data):
            kort[sti] = beholdt
        return [_uden(data[i], sti + (i,), udeladt, kort) for i in beholdt]
    return data


def _data_sti(data: Any, loc: tuple) -> Sti:
    """The path into ``data`` of an error's ``loc``, without pydantic's union and validator tags."""
    sti: Sti = ()
    for del_ in loc:
        if _ved(data, sti + (del_,)) is not _MANGLER:
            sti += (del_,)
    return sti


def _udelad(sti: Sti, fejltype: str) -> Sti | None:
    """The part to leave out for an error at ``sti`` (a path into the file), as the module says."""
    for k in range(len(sti) - 1, -1, -1):
        if isinstance(sti[k], int):
            return sti[: k + 1]
    if fejltype == "extra_forbidden":
        return sti or None
    return sti[:1] or None


def delvis_fil(klasse: type[BaseModel], data: Any, fejl: ValidationError, kontekst: dict | None = None) -> DelvisFil | None:
    """``data`` without the parts with errors (as the module says) once that passes, or None when
    an error leaves nothing to leave out. ``fejl`` is the error of validating ``data`` itself, in
    ``kontekst`` (the loader's)."""
    from pydantic import ValidationError

    udeladt: set[Sti] = set()
    fejlstier: set[Sti] = set()
    for _ in range(MAKS_RUNDER):
        kort: dict[Sti, list[int]] = {}
        beskaaret = _uden(data, (), udeladt, kort)
        if udeladt:
            try:
                post = klasse.model_validate(beskaaret, context=kontekst)
            except ValidationError as e:
                fejl = e
            else:
                return DelvisFil(post, data, frozenset(udeladt), kort, frozenset(fejlstier))
        delfil = DelvisFil(None, data, frozenset(udeladt), kort)
        nye = set()
        for e in fejl.errors(include_url=False):
            sti = delfil.original_sti(_data_sti(beskaaret, tuple(e["loc"])))
            fejlstier.add(sti)
            del_ = _udelad(sti, e["type"])
            if del_ is None or del_ in udeladt:
                return None
            nye.add(del_)
        udeladt |= nye
    return None
