"""What a change does to each afdeling: the allocation against a git revision, another samdrift
folder (a scenario copy), or a what-if with another nøgle for some konti.

``efter`` is always the folder as it is (for a what-if: the what-if), ``foer`` the other side, and
``forskel = efter − foer``, in øre (design.md §4).
"""

from __future__ import annotations

import contextlib
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from samdrift_cli.beloeb import dansk_heltal
from samdrift_cli.fund import Fund, SamdriftFejl, synlig
from samdrift_cli.identitet import mente_du, normaliser

if TYPE_CHECKING:
    from samdrift_cli.fordeling.beregning import Fordelingsresultat, Kontoresultat
    from samdrift_cli.indlaesning.samdriftsmappe import Samdriftsmappe


@dataclass
class Afdelingsforskel:
    id: str
    navn: str
    lejemaal: int | None
    foer: int
    efter: int

    @property
    def forskel(self) -> int:
        return self.efter - self.foer


@dataclass
class Kontoforskel:
    konto: str
    navn: str | None
    noegle_foer: str | None
    noegle_efter: str | None
    beloeb_foer: int
    beloeb_efter: int
    foer: dict[str, int]
    efter: dict[str, int]

    def forskel(self, afd: str) -> int:
        return self.efter.get(afd, 0) - self.foer.get(afd, 0)


@dataclass
class Sammenligning:
    kilde: str
    afdelinger: list[Afdelingsforskel]
    konti: list[Kontoforskel]  # only the lines that changed


def _linjer(r: "Fordelingsresultat") -> dict[tuple[str, int], "Kontoresultat"]:
    """Each included konto line by (number, its place among the lines with that number)."""
    ud: dict[tuple[str, int], Kontoresultat] = {}
    tal: dict[str, int] = {}
    for k in r.konti:
        n = tal[k.konto] = tal.get(k.konto, 0) + 1
        ud[(k.konto, n)] = k
    return ud


def sammenlign(kilde: str, foer: "Fordelingsresultat", efter: "Fordelingsresultat") -> Sammenligning:
    ids = efter.ids + [a for a in foer.ids if a not in efter.ids]
    navne = {**foer.afdelingsnavne, **efter.afdelingsnavne}
    lejemaal = {**foer.lejemaal, **efter.lejemaal}
    afdelinger = [Afdelingsforskel(a, navne[a], lejemaal.get(a), foer.total_fordeling.get(a, 0),
                                   efter.total_fordeling.get(a, 0)) for a in ids]
    linjer_foer, linjer_efter = _linjer(foer), _linjer(efter)
    konti = []
    for noegle in [*linjer_efter, *(n for n in linjer_foer if n not in linjer_efter)]:
        f, e = linjer_foer.get(noegle), linjer_efter.get(noegle)
        ff = f.fordeling if f else {}
        ef = e.fordeling if e else {}
        if f and e and ff == ef and f.beloeb == e.beloeb and f.noegle == e.noegle:
            continue
        konti.append(Kontoforskel(noegle[0], (e or f).navn, f.noegle if f else None, e.noegle if e else None,
                                  f.beloeb if f else 0, e.beloeb if e else 0, dict(ff), dict(ef)))
    return Sammenligning(kilde, afdelinger, konti)


# -- the other side: a git revision or another folder ---------------------------------------------


def _git(sti: Path, *args: str, tekst: bool = True) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", "-C", str(sti), *args], capture_output=True, text=tekst, check=False)
    except OSError:
        raise SamdriftFejl([Fund("--sammenlign", None, None, "fejl", "git findes ikke på maskinen; installér git")])


# the files of a revision the allocation reads, and how large each may be (as the loader reads them)
REVISIONENS_FILER = {"samdrift.yaml": 5 * 1024 * 1024, "model.yaml": 5 * 1024 * 1024,
                     "tidsregistrering.csv": 200 * 1024 * 1024, "tidsregistrering.xlsx": 50 * 1024 * 1024}


def _kildefejl(besked: str) -> SamdriftFejl:
    return SamdriftFejl([Fund("--sammenlign", None, None, "fejl", besked)])


@contextlib.contextmanager
def kildemappe(sti: Path, kilde: str, mappe: Path | None = None) -> Iterator[Path]:
    """The folder ``kilde`` names: ``mappe`` when it is a folder, else the samdrift folder as it was in
    the git revision ``kilde``: only the files the allocation reads, each within its limit and a
    regular file (never a symbolic link), copied into a temporary folder; the working tree is never
    touched. The samdrift folder may be anywhere in its repository."""
    if mappe is not None:
        yield mappe
        return
    top = _git(sti, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise _kildefejl(f"'{synlig(kilde)}' er hverken en mappe eller en git-revision: {sti} ligger ikke i et git-repo")
    rod = Path(top.stdout.strip())
    rev = _git(sti, "rev-parse", "--verify", "--quiet", f"{kilde}^{{commit}}")
    if rev.returncode != 0:
        raise _kildefejl(f"ukendt git-revision '{synlig(kilde)}' (og ingen mappe med det navn); fx HEAD~1, en commit eller et tag")
    del_ = sti.resolve().relative_to(rod.resolve()).as_posix()
    praefiks = "" if del_ == "." else del_ + "/"
    # -z: names as they are; paths from the top of the repository (':/'), whatever folder git runs in
    liste = _git(rod, "ls-tree", "-z", "-l", rev.stdout.strip(), "--",
                 *(f":/{praefiks}{navn}" for navn in REVISIONENS_FILER), tekst=False)
    if liste.returncode != 0:
        raise _kildefejl(f"revisionen '{synlig(kilde)}' kan ikke læses: {synlig(liste.stderr.decode('utf-8', 'replace').strip())}")
    filer: dict[str, str] = {}
    for post in liste.stdout.split(b"\0"):
        if not post:
            continue
        meta, _, navn_b = post.partition(b"\t")
        tilstand, art, objekt, stoerrelse = meta.decode("ascii", "replace").split()
        navn = navn_b.decode("utf-8", "replace").rsplit("/", 1)[-1]
        if art != "blob" or tilstand not in ("100644", "100755"):
            hvad = "et symbolsk link" if tilstand == "120000" else "ikke en almindelig fil"
            raise _kildefejl(f"{navn} er {hvad} i revisionen '{synlig(kilde)}'; samdrift læser kun almindelige filer")
        if int(stoerrelse) > REVISIONENS_FILER[navn]:
            raise _kildefejl(f"{navn} i revisionen '{synlig(kilde)}' er for stor ({dansk_heltal(int(stoerrelse))} byte; "
                             f"højst {dansk_heltal(REVISIONENS_FILER[navn])} byte)")
        filer[navn] = objekt
    if "samdrift.yaml" not in filer:
        raise _kildefejl(f"mappen {del_ if del_ != '.' else 'i roden af repoet'} havde ingen samdrift.yaml i revisionen "
                         f"'{synlig(kilde)}'")
    with tempfile.TemporaryDirectory(prefix="samdrift-") as midl:
        for navn, objekt in filer.items():
            blob = _git(rod, "cat-file", "blob", objekt, tekst=False)
            if blob.returncode != 0:
                raise _kildefejl(f"{navn} kan ikke læses fra revisionen '{synlig(kilde)}'")
            (Path(midl) / navn).write_bytes(blob.stdout)
        yield Path(midl)


# -- what-if ------------------------------------------------------------------------------------


def med_andre_noegler(mappe: "Samdriftsmappe", aendringer: list[str]) -> "Samdriftsmappe":
    """A copy of ``mappe`` whose model gives each named konto number another nøgle (``KONTO=NØGLE``,
    all lines with that number); no file is touched."""
    import dataclasses

    m = mappe.model
    noegler = [n.id for n in m.fordelingsnoegler]
    ny = {}
    fejl = []
    for aendring in aendringer:
        konto, lig, noegle = aendring.partition("=")
        konto, noegle = konto.strip(), noegle.strip()
        if not lig or not konto or not noegle:
            fejl.append(Fund("--noegle-for", None, None, "fejl", f"'{aendring}' skal skrives KONTO=NØGLE, fx 114=areal"))
            continue
        if noegle not in noegler:
            kendt = next((n for n in noegler if normaliser(n) == normaliser(noegle)), None)
            if kendt is None:
                fejl.append(Fund("--noegle-for", None, None, "fejl",
                                 f"ukendt nøgle '{synlig(noegle)}' (nøglerne i model.yaml er: {', '.join(noegler)})"
                                 f"{mente_du(noegle, noegler)}"))
                continue
            noegle = kendt
        linjer = [k for k in m.konti if normaliser(k.konto) == normaliser(konto)]
        if not linjer:
            fejl.append(Fund("--noegle-for", None, None, "fejl", f"konto {konto} står ikke i model.yaml"))
        elif not any(k.med for k in linjer):
            fejl.append(Fund("--noegle-for", None, None, "fejl", f"konto {konto} indgår ikke i samdriften (med: false)"))
        else:
            ny[normaliser(konto)] = noegle
    if fejl:
        raise SamdriftFejl(fejl)
    konti = [k.model_copy(update={"noegle": ny[normaliser(k.konto)]}) if k.med and normaliser(k.konto) in ny else k
             for k in m.konti]
    modeller = {**mappe.modeller, "model.yaml": m.model_copy(update={"konti": konti})}
    return dataclasses.replace(mappe, modeller=modeller)
