"""Editing a user's YAML file in place: ruamel.yaml round-trip, under the file's lock.

Every comment, the key order, the quoting and the indentation stay as the user wrote them; CRLF line
ends stay CRLF. The file is read under the lock (so a change made meanwhile by another samdrift is
seen), validated before and after the change against its schema, and written atomically.
"""

from __future__ import annotations

import contextlib
import io
from decimal import Decimal
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from samdrift_cli.atomisk import laas, skriv_atomisk
from samdrift_cli.fund import Fund, SamdriftFejl, synlig


@dataclass
class Rundtur:
    fil: Path
    navn: str
    data: Any  # ruamel's CommentedMap; change it in place
    yaml: Any
    crlf: bool
    original: str | None  # the text as read (None: the file did not exist)


def _ruamel_fejl(navn: str, e: Exception) -> SamdriftFejl:
    """ruamel's complaint in Danish, in the words the reader uses for the same problem (yamlkilde)."""
    from samdrift_cli.indlaesning.yamlkilde import dansk_yamlproblem

    mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
    problem = getattr(e, "problem", None) or str(e).splitlines()[0]
    dansk = dansk_yamlproblem(problem).removeprefix("YAML-syntaksfejl: ")
    if mark is not None:
        return SamdriftFejl([Fund(navn, mark.line + 1, mark.column + 1, "fejl",
                                  f"filen kan ikke redigeres automatisk her ({synlig(dansk)}); ret linjen i hånden, "
                                  "fx tabulatortegn til mellemrum")])
    return SamdriftFejl([Fund(navn, None, None, "fejl", f"filen kan ikke redigeres automatisk ({synlig(dansk)})")])


@contextlib.contextmanager
def rediger(fil: Path, navn: str, skema: type, skabelon: str | None = None, skriv: bool = True) -> Iterator[Rundtur]:
    """Lock ``fil``, read it (or the ``skabelon`` text when it does not exist), yield it to be
    changed, then validate and write it (unless ``skriv`` is False, or the body raised)."""
    from pydantic import ValidationError
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.util import load_yaml_guess_indent

    from samdrift_cli.indlaesning.valideringsfejl import fund_fra_validering
    from samdrift_cli.indlaesning.yamlkilde import laes_raa, laes_yaml

    from samdrift_cli.atomisk import maal

    maal(fil, fil.parent)  # a link out of the folder is told before anything is read
    with laas(fil):
        yaml = YAML(typ="rt")
        yaml.preserve_quotes = True
        yaml.width = 4096
        # an exact amount is written as the plain YAML number it is (read back from its text, exactly)
        yaml.representer.add_representer(
            Decimal, lambda r, d: r.represent_scalar("tag:yaml.org,2002:float" if d.as_tuple().exponent < 0
                                                     else "tag:yaml.org,2002:int", format(d, "f")))
        if not fil.exists():
            if skabelon is None:
                raise SamdriftFejl([Fund(navn, None, None, "fejl", "filen findes ikke")])
            yaml.indent(mapping=2, sequence=4, offset=2)
            rt = Rundtur(fil, navn, yaml.load(skabelon), yaml, False, None)
        else:
            raa, fund = laes_raa(fil, navn)
            if raa is None:
                raise SamdriftFejl(fund)
            dok = laes_yaml(fil, navn, raa)
            if dok.fund:
                raise SamdriftFejl(dok.fund)
            try:
                skema.model_validate(dok.data, context=kontekst(fil, navn, dok.data))
            except ValidationError as e:
                raise SamdriftFejl(fund_fra_validering(dok, e, skema))
            try:
                # ruamel guesses the sequence indent and the dash offset; mappings by their difference
                _, sekvens, forskydning = load_yaml_guess_indent(dok.tekst)
                sekvens = sekvens or 4
                forskydning = forskydning if forskydning is not None else 2
                yaml.indent(mapping=max(sekvens - forskydning, 2), sequence=sekvens, offset=forskydning)
                data = yaml.load(dok.tekst)
            except (YAMLError, ValueError) as e:
                raise _ruamel_fejl(navn, e)
            if not isinstance(data, CommentedMap):  # pragma: no cover - laes_yaml already refused
                raise SamdriftFejl([Fund(navn, None, None, "fejl", "filen skal indeholde en tabel")])
            rt = Rundtur(fil, navn, data, yaml, b"\r\n" in raa, dok.tekst)
        yield rt
        tekst = tekst_af(rt)
        _valider(fil, navn, tekst, skema)
        if rt.crlf:
            tekst = tekst.replace("\n", "\r\n")
        if skriv:
            skriv_atomisk(fil, tekst, rod=fil.parent)  # never through a link out of the folder


def kontekst(fil: Path, navn: str, data) -> dict:
    """The context the loader validates ``fil`` in (an afdeling's navn read as its id): from
    samdrift.yaml beside it, or from ``data`` when it is samdrift.yaml."""
    from samdrift_cli.indlaesning.yamlkilde import laes_raa, laes_yaml
    from samdrift_cli.skemaer.felter import valideringskontekst

    hovedfil = "samdrift.yaml"
    if navn != hovedfil:
        raa, _ = laes_raa(fil.parent / hovedfil, hovedfil) if (fil.parent / hovedfil).is_file() else (None, [])
        data = laes_yaml(fil.parent / hovedfil, hovedfil, raa).data if raa is not None else None
    return valideringskontekst(data)


def tekst_af(rt: Rundtur) -> str:
    ud = io.StringIO()
    rt.yaml.dump(rt.data, ud)
    return ud.getvalue()


def _valider(fil: Path, navn: str, tekst: str, skema: type) -> None:
    from pydantic import ValidationError

    from samdrift_cli.indlaesning.yamlkilde import YamlDokument, parse_yaml

    dok = YamlDokument(navn=navn, sti=fil, tekst=tekst)
    parse_yaml(dok)
    try:
        if dok.fund:
            raise SamdriftFejl(dok.fund)
        skema.model_validate(dok.data, context=kontekst(fil, navn, dok.data))
    except (ValidationError, SamdriftFejl):  # pragma: no cover - would be a bug in samdrift
        raise SamdriftFejl([Fund(navn, None, None, "fejl", f"den nye {navn} ville blive ugyldig; intet er ændret")])
