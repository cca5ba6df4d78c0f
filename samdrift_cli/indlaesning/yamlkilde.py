"""Reading one YAML file into plain Python values, with the position of every key and value.

We compose the YAML into nodes with libyaml (PyYAML's C parser: every node, scalars included,
carries its start mark; about 13 times faster than a pure-Python parser) under the YAML 1.2 core
schema, and convert the node tree ourselves. ruamel.yaml is used only where a file is rewritten
with its comments kept (``samdrift afkryds``). That gives us:

* exact numbers: a YAML float becomes a ``Decimal`` built from its source text,
  never a binary float (money is exact);
* duplicate keys, non-text keys, unknown tags and alias bombs as findings;
* a position table ``sti -> Placering`` used to point every message at the exact
  key or value.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from samdrift_cli.fund import Fund, styretegn, synlig, ugyldigt_tegn

MAKS_FILSTOERRELSE = 5 * 1024 * 1024  # a samdrift file is small; this stops accidents and attacks
MAKS_NODER = 200_000  # values repeated by aliases (stops "billion laughs")
MAKS_DYBDE = 100  # levels of nesting; a samdrift file has fewer than ten
MAKS_CIFRE = 60  # digits in one number

Sti = tuple  # path of keys/indices from the document root


@dataclass(frozen=True)
class Placering:
    """Zero-based line/column of a key (if any) and of its value."""

    noegle_linje: int | None
    noegle_kolonne: int | None
    linje: int
    kolonne: int


@dataclass
class YamlDokument:
    navn: str  # display name, relative to the samdrift folder
    sti: Path
    tekst: str
    data: Any = None
    placeringer: dict[Sti, Placering] = field(default_factory=dict)
    fund: list[Fund] = field(default_factory=list)
    # values that could not be read (already reported); the schema's complaints about them are noise
    ulaeselige: set[Sti] = field(default_factory=set)

    @cached_property
    def linjer(self) -> list[str]:  # once: a file with thousands of findings asks for thousands of lines
        return self.tekst.split("\n")  # line ends are LF by now; splitlines would also split at \v and \f

    def kildelinje(self, linje0: int) -> str | None:
        linjer = self.linjer
        return linjer[linje0] if 0 <= linje0 < len(linjer) else None

    def sted(self, sti: Sti, paa_noegle: bool = False, rod: bool = True) -> tuple[int, int] | None:
        """Zero-based line and column of the value (or key) at ``sti``, or of its nearest parent the
        file has; None when there is none (``rod``: the document itself counts as a parent)."""
        sti = tuple(sti)
        while sti not in self.placeringer and sti:
            sti = sti[:-1]
        p = self.placeringer.get(sti) if sti or rod else None
        if p is None:
            return None
        if paa_noegle and p.noegle_linje is not None:
            return p.noegle_linje, p.noegle_kolonne
        return p.linje, p.kolonne

    def fund_ved(self, sti: Sti, besked: str, niveau: str = "fejl", paa_noegle: bool = False) -> Fund:
        """A finding pointing at the value (or key) at ``sti``, or the nearest parent known."""
        sted = self.sted(sti, paa_noegle)
        if sted is None:
            return Fund(self.navn, 1, 1, niveau, besked, self.kildelinje(0))
        linje, kolonne = sted
        return Fund(self.navn, linje + 1, kolonne + 1, niveau, besked, self.kildelinje(linje))

    def fund_paa_linje(self, linje0: int, kolonne0: int | None, besked: str, niveau: str = "fejl") -> Fund:
        return Fund(
            self.navn,
            linje0 + 1,
            None if kolonne0 is None else kolonne0 + 1,
            niveau,
            besked,
            self.kildelinje(linje0),
        )



def laes_raa(sti: Path, navn: str, maks: int = MAKS_FILSTOERRELSE) -> tuple[bytes | None, list[Fund]]:
    """A file's bytes, or the findings why it cannot be read: a folder, a FIFO, a device or a socket
    (which could block or never end), larger than ``maks`` bytes, or unreadable."""
    import stat

    from samdrift_cli.atomisk import oserror_tekst

    def fejl(besked: str) -> tuple[None, list[Fund]]:
        return None, [Fund(navn, None, None, "fejl", besked)]

    try:
        info = sti.stat()
    except OSError as e:
        return fejl(f"filen kan ikke læses: {oserror_tekst(e)}")
    if stat.S_ISDIR(info.st_mode):
        return fejl(f"{navn} er en mappe, men skal være en fil")
    if not stat.S_ISREG(info.st_mode):
        return fejl(f"{navn} er ikke en almindelig fil (men en FIFO, en enhed eller en sokkel); samdrift læser kun filer")
    if info.st_size > maks:
        return fejl(f"filen er for stor ({info.st_size:,} byte); højst {maks:,} byte er tilladt".replace(",", "."))
    try:
        with open(sti, "rb") as f:
            raa = f.read(maks + 1)  # the file may have grown since stat
    except OSError as e:
        return fejl(f"filen kan ikke læses: {oserror_tekst(e)}")
    if len(raa) > maks:
        return fejl(f"filen er for stor; højst {maks:,} byte er tilladt".replace(",", "."))
    return raa, []


def bytested(raa: bytes, i: int) -> tuple[int, int]:
    """The line and column (from 1) of byte ``i`` of ``raa``, with line ends LF, CR or CRLF, as a
    text file is read: for a byte that is not UTF-8, where there is no text to count in."""
    foer = raa[:i]
    linje = foer.count(b"\n") + foer.count(b"\r") - foer.count(b"\r\n") + 1
    return linje, i - max(foer.rfind(b"\n"), foer.rfind(b"\r"))


def tekst_fra_raa(raa: bytes, navn: str) -> tuple[str | None, list[Fund]]:
    """A file's bytes as text: UTF-8 (BOM allowed), line ends made LF. Returns text or findings."""
    if raa.startswith(b"\xef\xbb\xbf"):
        raa = raa[3:]
    try:
        tekst = raa.decode("utf-8")
    except UnicodeDecodeError as e:
        linje, kolonne = bytested(raa, e.start)
        return None, [
            Fund(navn, linje, kolonne, "fejl",
                 f"filen er ikke gyldig UTF-8 (byten 0x{raa[e.start]:02X}); gem den med tegnsættet UTF-8")
        ]
    if "\x00" in tekst:
        return None, [Fund(navn, None, None, "fejl", "filen indeholder NUL-tegn; er det en binær fil?")]
    return tekst.replace("\r\n", "\n").replace("\r", "\n"), []


def laes_tekst(sti: Path, navn: str) -> tuple[str | None, list[Fund]]:
    """Read a text file as UTF-8 (BOM allowed, CRLF allowed). Returns text or findings."""
    raa, fund = laes_raa(sti, navn)
    return (None, fund) if raa is None else tekst_fra_raa(raa, navn)


_YAML_PROBLEMER = [
    (r"found character '\\t' that cannot start any token",
     "tabulatortegn (tab) er ikke tilladt i YAML; ryk ind med mellemrum"),
    (r"mapping values are not allowed",  # '… here' (libyaml) and '… in this context'
     "uventet ':' her; sæt teksten i anførselstegn, eller tjek indrykningen"),
    (r"could not find expected ':'",
     "en linje mangler ':' mellem nøgle og værdi"),
    (r"found undefined alias '(.*)'", "ukendt alias '*{0}' (intet anker '&{0}')"),
    (r"found undefined alias", "ukendt alias (der er intet anker med det navn)"),
    (r"found character that cannot start any token",
     "tegnet her kan ikke starte en værdi; sæt teksten i anførselstegn"),
    (r"did not find expected node content", "der mangler en værdi her (er en liste eller tabel ikke lukket?)"),
    (r"but found another document", "filen må kun indeholde ét YAML-dokument (fjern '---')"),
    (r"found unknown escape character", "ukendt escape-sekvens med '\\' i tekst i anførselstegn"),
    (r"expected <block end>, but found '-'",
     "uventet '-' her; tjek indrykningen af listen"),
    (r"expected <block end>, but found",
     "indrykningen passer ikke; tjek at nøgler på samme niveau står under hinanden"),
    (r"expected ',' or '\]'", "listen i [ ] er ikke lukket med ']'"),
    (r"expected ',' or '}'", "tabellen i { } er ikke lukket med '}'"),
    (r"found unexpected end of stream",
     "filen slutter midt i en tekst i anførselstegn (mangler et afsluttende anførselstegn?)"),
    (r"found duplicate anchor", "ankeret er defineret to gange"),
    (r"did not find expected key", "indrykningen passer ikke; der forventedes en nøgle her"),
    (r"did not find expected '-' indicator", "der forventedes et listepunkt ('- ') her"),
    (r"found character '(.)' that cannot start any token", "tegnet '{0}' kan ikke starte en værdi; sæt teksten i anførselstegn"),
    (r"expected a single document", "filen må kun indeholde ét YAML-dokument (fjern '---')"),
    (r"expected the node content, but found '<stream end>'", "filen slutter, før værdien er afsluttet"),
    (r"expected the node content", "der mangler en værdi her"),
    (r"found unexpected ':'", "uventet ':'; sæt teksten i anførselstegn"),
    (r"while scanning an alias", "ugyldigt alias efter '*'"),
    (r"while scanning an anchor", "ugyldigt anker efter '&'"),
    (r"exceeded maximum nesting depth", "værdierne er indlejret for dybt; det er ikke en samdrift-fil"),
]


# what a parser's context left open, in the words the messages use for it
_AABNET = {"while parsing a flow sequence": "listen", "while parsing a flow mapping": "tabellen",
           "while scanning a quoted scalar": "teksten"}


def dansk_yamlproblem(problem: str | None) -> str:
    problem = problem or ""
    for moenster, dansk in _YAML_PROBLEMER:  # compiled (and kept by re) only when a file has an error
        m = re.search(moenster, problem)
        if m:
            return "YAML-syntaksfejl: " + (dansk.format(*m.groups()) if m.groups() else dansk)
    return f"YAML-syntaksfejl her (parseren siger: {problem})" if problem else "YAML-syntaksfejl her"


def laes_yaml(sti: Path, navn: str, raa: bytes | None = None) -> YamlDokument:
    """Read and parse a YAML file (from ``raa``, its bytes, when they are read already)."""
    dok = YamlDokument(navn=navn, sti=sti, tekst="")
    if raa is None:
        tekst, fund = laes_tekst(sti, navn)
    else:
        tekst, fund = tekst_fra_raa(raa, navn)
    if tekst is None:
        dok.fund = fund
        return dok
    dok.tekst = tekst
    parse_yaml(dok)
    return dok


@cache
def _laeser_klasse():
    """A libyaml loader with the YAML 1.2 core schema (``yes``/``no`` stay text, ``1e3`` is a number)."""
    import yaml

    class Resolver12(yaml.resolver.BaseResolver):
        pass

    tilfoej = Resolver12.add_implicit_resolver
    tilfoej("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
    tilfoej("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
    tilfoej("tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789"))
    tilfoej("tag:yaml.org,2002:float",
            re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
            list("-+0123456789."))
    tilfoej("tag:yaml.org,2002:timestamp", re.compile(r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?$"), list("0123456789"))

    try:
        from yaml.cyaml import CParser as parser
    except ImportError:  # pragma: no cover - PyYAML built without libyaml
        parser = None
    if parser is not None:
        class Laeser(parser, yaml.constructor.SafeConstructor, Resolver12):
            def __init__(self, stream):
                parser.__init__(self, stream)
                yaml.constructor.SafeConstructor.__init__(self)
                Resolver12.__init__(self)
    else:  # pragma: no cover - PyYAML without libyaml
        from yaml.composer import Composer
        from yaml.parser import Parser
        from yaml.reader import Reader
        from yaml.scanner import Scanner

        class Laeser(Reader, Scanner, Parser, Composer, yaml.constructor.SafeConstructor, Resolver12):
            def __init__(self, stream):
                Reader.__init__(self, stream)
                Scanner.__init__(self)
                Parser.__init__(self)
                Composer.__init__(self)
                yaml.constructor.SafeConstructor.__init__(self)
                Resolver12.__init__(self)

    return Laeser


def parse_yaml(dok: YamlDokument) -> None:
    from yaml import MarkedYAMLError, YAMLError

    # Tabs in indentation: report every such line, not only the first the parser meets.
    for i, linje in enumerate(dok.linjer):
        indryk = linje[: len(linje) - len(linje.lstrip(" \t"))]
        if "\t" in indryk:
            dok.fund.append(dok.fund_paa_linje(i, indryk.index("\t"),
                                               "tabulatortegn (tab) i indrykningen; YAML kræver mellemrum"))
    if dok.fund:
        return
    if not dok.tekst.strip() or all(
        not l.strip() or l.lstrip().startswith("#") for l in dok.linjer
    ):
        dok.fund.append(Fund(dok.navn, 1, 1, "fejl",
                             "filen er tom; udfyld den, eller slet den, hvis den ikke er lavet endnu"))
        return
    laeser = _laeser_klasse()(dok.tekst)
    try:
        node = laeser.get_single_node()
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        linje = mark.line if mark else 0
        kolonne = mark.column if mark else 0
        besked = dansk_yamlproblem(e.problem or e.context)
        start, hvad = e.context_mark, _AABNET.get(e.context or "")
        if hvad and start is not None and mark is not None and start.line != mark.line:
            # where the parser gave up is seldom where the list or the text was left open
            besked += f"; {hvad} begynder på linje {start.line + 1}, kolonne {start.column + 1}"
        dok.fund.append(dok.fund_paa_linje(linje, kolonne, besked))
        return
    except YAMLError as e:
        from yaml.reader import ReaderError

        if isinstance(e, ReaderError) and isinstance(e.position, int):
            # a control character (a vertical tab pasted from Word, say): told where it is, escaped
            foer = dok.tekst[: e.position]
            linje = foer.count("\n")
            kolonne = e.position - (foer.rfind("\n") + 1)
            tegn = synlig(chr(e.character)) if isinstance(e.character, int) else "?"
            dok.fund.append(dok.fund_paa_linje(linje, kolonne, f"tegnet '{tegn}' er et styretegn, som YAML ikke tillader "
                                                               "(ofte kopieret fra Word); slet det"))
            return
        dok.fund.append(Fund(dok.navn, 1, 1, "fejl", dansk_yamlproblem(str(e))))  # pragma: no cover - defensive
        return
    finally:
        laeser.dispose()
    if node is None:
        dok.fund.append(Fund(dok.navn, 1, 1, "fejl", "filen er tom"))
        return
    omformer = _Omformer(dok)
    data = omformer.omform(node, ())
    if omformer.for_mange:
        return
    if not isinstance(data, dict):
        art = "en liste" if isinstance(data, list) else "en enkelt værdi"
        dok.fund.append(dok.fund_paa_linje(node.start_mark.line, node.start_mark.column,
                                           f"filen skal indeholde en tabel med nøgler (nøgle: værdi), ikke {art}"))
        return
    dok.data = data


_DATO = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


class _Omformer:
    def __init__(self, dok: YamlDokument):
        self.dok = dok
        self.noder = 0  # values repeated by aliases
        self.allerede_set: set[int] = set()  # nodes converted (a node met again is an alias)
        self.sti_noder: set[int] = set()  # the nodes on the path being converted
        self.i_alias = 0
        self.for_mange = False
        self.sti: Sti | None = None  # path of the scalar being converted

    def tekst(self, node, vaerdi: str) -> str | None:
        """A text as it is, unless it holds a character no text may hold (fund.ugyldigt_tegn): then
        a finding, here and not in Word or the terminal."""
        besked = styretegn(vaerdi, "ofte kopieret fra Word, eller skrevet med \\ i anførselstegn")
        if besked is None:
            return vaerdi
        self.fejl(node, besked)
        return None

    def fejl(self, node, besked: str) -> None:
        self.dok.fund.append(self.dok.fund_paa_linje(node.start_mark.line, node.start_mark.column, besked))
        if self.sti is not None:
            self.dok.ulaeselige.add(self.sti)

    def omform(self, node, sti: Sti, noegle_node=None) -> Any:
        from yaml.nodes import MappingNode, ScalarNode, SequenceNode

        if id(node) in self.sti_noder:  # an alias inside the very node it names: a loop
            self.for_mange = True
            self.fejl(node, "et alias henviser til sig selv (fx 'a: &a [*a]'); det kan ikke udfoldes")
            return None
        if len(sti) > MAKS_DYBDE:
            if not self.for_mange:
                self.for_mange = True
                self.fejl(node, f"værdierne er indlejret mere end {MAKS_DYBDE} niveauer dybt; det er ikke en samdrift-fil")
            return None
        alias = id(node) in self.allerede_set
        self.allerede_set.add(id(node))
        if alias or self.i_alias:
            # only what an alias repeats counts against the limit: a large file without aliases is fine
            self.noder += 1
            if self.noder > MAKS_NODER:
                if not self.for_mange:
                    self.for_mange = True
                    self.fejl(node, f"aliasserne i filen udfolder sig til mere end {MAKS_NODER:,} værdier (alias-bombe?); "
                                    "forenkl brugen af ankre og aliasser".replace(",", "."))
                return None
        if alias:
            self.i_alias += 1
        self.sti_noder.add(id(node))
        try:
            return self._omform(node, sti, noegle_node, MappingNode, ScalarNode, SequenceNode)
        finally:
            self.sti_noder.discard(id(node))
            if alias:
                self.i_alias -= 1

    def _omform(self, node, sti: Sti, noegle_node, MappingNode, ScalarNode, SequenceNode) -> Any:
        self.dok.placeringer[sti] = Placering(
            noegle_node.start_mark.line if noegle_node is not None else None,
            noegle_node.start_mark.column if noegle_node is not None else None,
            node.start_mark.line,
            node.start_mark.column,
        )
        if isinstance(node, MappingNode):
            ud: dict = {}
            delte = _delte_beloeb(node, self.dok.linjer) if node.flow_style else {}
            for j, (k_node, v_node) in enumerate(node.value):
                if self.for_mange:
                    return ud
                if j - 1 in delte:  # the decimals of an amount split at its comma: told with the amount
                    continue
                if k_node.tag == "tag:yaml.org,2002:merge":
                    self.fejl(k_node, "YAML-fletning med '<<' understøttes ikke; skriv nøglerne ud")
                    continue
                if not isinstance(k_node, ScalarNode):
                    self.fejl(k_node, "en nøgle skal være en enkel tekst")
                    continue
                noegle = k_node.value
                if ugyldigt_tegn(noegle) is not None:
                    self.tekst(k_node, noegle)
                    continue
                if noegle in ud:
                    foerste = self.dok.placeringer.get(sti + (noegle,))
                    hvor = f" (første gang i linje {foerste.noegle_linje + 1})" if foerste and foerste.noegle_linje is not None else ""
                    self.fejl(k_node, f"nøglen '{noegle}' står to gange i samme tabel{hvor}")
                    continue
                ud[noegle] = self.omform(v_node, sti + (noegle,), k_node)
                if j in delte:
                    self.fejl(v_node, f"'{noegle}': {delte[j]}")
                    self.dok.ulaeselige.add(sti + (noegle,))
                    ud[noegle] = None
            return ud
        if isinstance(node, SequenceNode):
            return [self.omform(v, sti + (i,)) for i, v in enumerate(node.value)]
        self.sti = sti
        try:
            return self.skalar(node)
        finally:
            self.sti = None

    def skalar(self, node) -> Any:
        tag, vaerdi = node.tag, node.value
        if tag == "tag:yaml.org,2002:str":
            return self.tekst(node, vaerdi)
        if tag == "tag:yaml.org,2002:null":
            return None
        if tag == "tag:yaml.org,2002:bool":
            return vaerdi.lower() == "true"
        if tag == "tag:yaml.org,2002:int":
            tal = vaerdi.replace("_", "")
            if len(tal.lstrip("+-")) > MAKS_CIFRE:
                self.fejl(node, f"tallet er for stort (mere end {MAKS_CIFRE} cifre)")
                return None
            try:
                return int(tal, 0) if tal.lstrip("+-").startswith("0") and len(tal.lstrip("+-")) > 1 else int(tal)
            except ValueError:
                return vaerdi
        if tag == "tag:yaml.org,2002:float":
            return _decimal_fra_yaml(vaerdi)
        if tag == "tag:yaml.org,2002:timestamp":
            if _DATO.match(vaerdi.strip()):
                vaerdi = vaerdi.strip()
                try:
                    return dt.date.fromisoformat(vaerdi)
                except ValueError:
                    self.fejl(node, f"'{vaerdi}' er ikke en gyldig dato")
                    return None
            return vaerdi
        self.fejl(node, f"ukendt YAML-mærke '{tag}'; fjern det")
        return None


_HELTAL = re.compile(r"[-+]?(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)")
_DECIMALER = re.compile(r"[0-9]{1,2}(?:\s*(?:kr\.?|dkk))?", re.IGNORECASE)


def _ren_skalar(node) -> bool:
    """A plain scalar, written without quotes (libyaml gives style '' for it, PyYAML None)."""
    return isinstance(node.value, str) and not getattr(node, "style", "x")


def _delte_beloeb(node, linjer: list[str]) -> dict[int, str]:
    """Amounts written the Danish way without quotes inside { }: ``{budget: 245.000,00}`` is to
    YAML the value 245.000 and a key '00', as the comma separates entries. Index of each such
    value in the mapping -> what to tell, so the user gets one message, not two wrong ones."""
    from samdrift_cli.beloeb import BeloebFejl, parse_beloeb

    delte = {}
    for j, ((_, v), (k2, v2)) in enumerate(zip(node.value, node.value[1:])):
        if not (_ren_skalar(v) and _ren_skalar(k2) and _HELTAL.fullmatch(v.value)
                and _DECIMALER.fullmatch(k2.value) and v2.tag == "tag:yaml.org,2002:null" and v2.value == ""
                and v.end_mark.line == k2.start_mark.line
                and linjer[v.end_mark.line][v.end_mark.column:k2.start_mark.column].strip() == ","):
            continue
        tekst = f"{v.value},{k2.value}"
        try:
            beloeb = parse_beloeb(tekst)
        except BeloebFejl:
            continue
        delte[j] = (f"{tekst} skal stå i anførselstegn inde i {{ }}, hvor komma adskiller felterne (YAML læser "
                    f"{v.value} og en nøgle '{k2.value}'); skriv \"{tekst}\" eller {beloeb}")
    return delte


def _decimal_fra_yaml(tekst: str) -> Decimal | str:
    t = tekst.replace("_", "")
    laveste = t.lower().lstrip("+-")
    if laveste in (".inf", "inf"):
        return Decimal("-Infinity") if t.startswith("-") else Decimal("Infinity")
    if laveste in (".nan", "nan"):
        return Decimal("NaN")
    if len(t) > MAKS_CIFRE + 10:
        return tekst
    try:
        d = Decimal(t)
    except InvalidOperation:
        return tekst
    if d.is_finite() and abs(d.adjusted()) > MAKS_CIFRE:
        return tekst  # reported as "not a number" by the schema: 1e999999 is no amount
    return d
