"""Generators for the parts of docs/ that must not drift from the code.

Regenerate with ``python tests/dokumentation.py``; ``tests/test_docs.py`` fails when they are stale.
"""

from __future__ import annotations

import os
import subprocess
import sys
import types
import typing
from pathlib import Path

ROD = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROD))

from pydantic import BaseModel  # noqa: E402

from samdrift_cli.milepaele.katalog import FASE_FORMAAL, KATALOG  # noqa: E402
from samdrift_cli.skemaer import FILTYPER, skemaklasse, vaerdier  # noqa: E402

# -- file format reference --------------------------------------------------------------


def _typenavn(a) -> str:
    oprindelse = typing.get_origin(a)
    if oprindelse is typing.Annotated:
        basis, *meta = typing.get_args(a)
        navn = _typenavn(basis)
        for m in meta:
            funktion = getattr(m, "func", None)
            if funktion is vaerdier.beloeb:
                return "beløb"
            if funktion is vaerdier.parse_dato:
                return "dato"
            if funktion is vaerdier.ja_nej:
                return "true/false (ja/nej)"
        return navn
    if oprindelse in (typing.Union, types.UnionType):
        args = [x for x in typing.get_args(a) if x is not type(None)]
        return " eller ".join(_typenavn(x) for x in args)
    if oprindelse is list:
        return f"liste af {_typenavn(typing.get_args(a)[0])}"
    if oprindelse is dict:
        return f"tabel (id: {_typenavn(typing.get_args(a)[1])})"
    if oprindelse is typing.Literal:
        return " \\| ".join(f"`{x}`" for x in typing.get_args(a))
    if isinstance(a, type) and issubclass(a, BaseModel):
        return f"[{a.__name__}](#{a.__name__.lower()})"
    return {"str": "tekst", "int": "heltal", "bool": "true/false", "Decimal": "tal", "date": "dato"}.get(
        getattr(a, "__name__", str(a)), str(a))


def _modeller(m: type[BaseModel], set_: list) -> None:
    if m in set_:
        return
    set_.append(m)
    for felt in m.model_fields.values():
        stak = [felt.annotation]
        while stak:
            a = stak.pop()
            if isinstance(a, type) and issubclass(a, BaseModel):
                _modeller(a, set_)
            stak.extend(typing.get_args(a))


def filformat() -> str:
    linjer = ["# Filformatet", "",
              "Hver fil i en samdrift-mappe og hver nøgle, den kan have. Siden er lavet ud fra skemaerne i",
              "`samdrift_cli/skemaer/` (`python tests/dokumentation.py`), så den altid passer til værktøjet.",
              "Ukendte nøgler er fejl. Kun `samdrift.yaml` skal findes; en fil, der mangler, er \"ikke lavet endnu\".",
              "Beløb skrives som tal (`2450000.50`) eller dansk tekst (`\"2.450.000,50 kr.\"`); datoer som `ÅÅÅÅ-MM-DD`.",
              "I et tal er `.` decimaltegn, så `450.000` afvises (for YAML er det 450 kr.); skriv `450000` eller `\"450.000 kr.\"`",
              "(et `areal_m2` som `6.500` giver en advarsel); i anførselstegn er et tal dansk tekst, som beløb er: `\"6.500\"` er 6500,\n"
              "`\"12,5\"` er 12,5. Ja/nej-felter skrives `true`/`false`, `ja`/`nej` eller `X`",
              "(som playbookens \"sæt X\").",
              "",
              "En afdeling kan nævnes ved sit id eller sit navn, med store eller små bogstaver, overalt hvor",
              "en afdeling står: `afdeling: Pærebakken` er det samme som `afdeling: paerebakken`, og",
              "`andele: {Æblegården: 15, Pærebakken: 85}` det samme som med id'erne. Filen skrives ikke om.",
              "", "`tidsregistrering.csv` har kolonnerne `dato`, `medarbejder`, `afdeling`, `timer` og evt. `opgave`",
              "(skilletegn `;` eller `,`, decimalkomma tilladt, dato `ÅÅÅÅ-MM-DD` eller `DD-MM-ÅÅÅÅ`).", ""]
    for ft in FILTYPER:
        rod = skemaklasse(ft.filnavn)
        linjer += [f"## {ft.filnavn}", "", ft.titel + ".", ""]
        modeller: list = []
        _modeller(rod, modeller)
        for m in modeller:
            if m is not rod:
                linjer += [f"### {m.__name__}", ""]
            linjer += ["| Nøgle | Type | Påkrævet | Beskrivelse |", "|---|---|---|---|"]
            for navn, felt in m.model_fields.items():
                beskrivelse = (felt.description or "").replace("|", "\\|")
                linjer.append(f"| `{navn}` | {_typenavn(felt.annotation)} | {'ja' if felt.is_required() else ''} | {beskrivelse} |")
            linjer.append("")
    return "\n".join(linjer)


# -- command reference ------------------------------------------------------------------

KOMMANDOER = [[], ["init"], ["check"], ["check", "milepael"], ["status"], ["vejledning"], ["afkryds"], ["fordeling"],
              ["import"], ["import", "budget"], ["import", "regnskab"], ["opfoelgning"], ["export"], ["kalender"], ["schema"],
              ["oversigt"]]


def kommandoer() -> str:
    miljoe = {**os.environ, "COLUMNS": "100", "TERM": "dumb", "NO_COLOR": "1", "_TYPER_FORCE_DISABLE_TERMINAL": "1"}
    linjer = ["# Kommandoerne", "", "Hjælpeteksten til hver kommando, som `samdrift KOMMANDO --help` viser den.",
              "Siden er lavet af `python tests/dokumentation.py` og tjekkes af testene.", ""]
    for k in KOMMANDOER:
        r = subprocess.run([sys.executable, "-m", "samdrift_cli", *k, "--help"], capture_output=True, text=True,
                           env=miljoe, cwd=ROD)
        tekst = "\n".join(l.rstrip() for l in r.stdout.strip("\n").splitlines())
        linjer += [f"## samdrift {' '.join(k)}".rstrip(), "", "```", tekst, "```", ""]
    return "\n".join(linjer)


# -- the phases ----------------------------------------------------------------------------

STOETTE = {
    1: ("samdrift.yaml: `projektleder`, `vilkaar`", "samdrift init, samdrift check milepael 1"),
    2: ("oplaeg.yaml (Bilag 1); godkendelsen i milepaele.yaml", "samdrift afkryds 2 --opgave 3, samdrift export --md (oplaeg.md)"),
    3: ("analyse.yaml, interessenter.yaml (Bilag 2), model.yaml (Bilag 3)", "samdrift fordeling, samdrift afkryds 3 --opgave 3"),
    4: ("inddragelsesplan.yaml: `aktiviteter`", "samdrift check milepael 4"),
    5: ("inddragelsesplan.yaml: `gennemfoert`, `vurderinger`, `revision`; model.yaml: `revisioner`",
        "samdrift fordeling --noegle ID (til dialogen om nøglerne), samdrift afkryds 5 --leverance 1 --beslutning"),
    6: ("aftale.yaml (Bilag 4): vilkår og `tiltraedelse`", "samdrift export --md (aftale.md med underskriftslinjer)"),
    7: ("implementeringsplan.yaml (Bilag 5): `aktiviteter` (en udgift uden for det gældende budget: `udgift`, `i_budget: false` "
        "og afdelingsmødernes `budgetgodkendelse` før start), `evalueringsperiode`", "samdrift export --md (Gantt-diagram)"),
    8: ("orientering.yaml: `maalgrupper`; implementeringsplan.yaml: afdelingsmødernes `budgetgodkendelse` for en aktivitet uden "
        "for budgettet, der begynder før orienteringen", "samdrift check milepael 8"),
    9: ("orientering.yaml: `markering` (eller `markering.fravalgt` med begrundelse); implementeringsplan.yaml: "
        "afdelingsmødernes `budgetgodkendelse` for en aktivitet uden for budgettet, der begynder før markeringen (en senere "
        "aktivitet må vente på den)", "samdrift check milepael 9"),
    10: ("evaluering.yaml: `tjekliste`, `maalopfoelgning`, `noeglevurderinger`, `aftalevurdering`; tidsregistrering.csv",
         "samdrift fordeling --mod-timer, samdrift export --xlsx"),
    11: ("evaluering.yaml: `formidling`, `nye_maal`", "samdrift export --md (evalueringsskema.md)"),
    12: ("godkendelsen i milepaele.yaml (milepæl 12, opgave 1, med referat); evaluering.yaml: `overdragelse` og, for et nyt mål "
         "med en udgift uden for budgettet, afdelingsmødernes `budgetgodkendelse`", "samdrift afkryds 12 --opgave 1 --referat …"),
}


# the order and approver rules of each milestone, in plain Danish (checked by tests/test_proces.py)
RAEKKEFOELGE = {
    1: "Projektlederen udpeges af den administrative ledelse (`udpeget_af`: fx Direktionen, eller en person, der står "
       "under `roller` i samdrift.yaml), aldrig af en afdelingsbestyrelse.",
    2: "Den administrative godkendelse kommer fra den administrative ledelse eller den driftsansvarlige (\"Den "
       "administrative ledelse eller den driftsansvarlige godkender\"), ikke fra organisationsbestyrelsen alene, og et "
       "navn, samdrift ikke kender, skal stå under `roller`. Den er dateret samme dag som eller efter, at projektlederen "
       "blev udpeget, og efter oplægget.",
    3: "Godkendelsen er dateret efter milepæl 2's godkendelse og efter analysen og interessentanalysen. Der skal være "
       "mindst ét målbart mål med en frist; et mål for økonomien anbefales (en advarsel, hvis det mangler).",
    5: "Bakker de beboervalgte eller den lokale drift ikke op, kræver milepælen en registreret beslutning om at gå "
       "videre (hvem, hvornår og hvorfor). Den træffes af den administrative ledelse, den driftsansvarlige eller "
       "organisationsbestyrelsen (\"Den administrative ledelse har juridisk set mulighed for at etablere samdrift uden de "
       "beboervalgtes tiltrædelse\"), aldrig af en afdelingsbestyrelse, og et navn, samdrift ikke kender, skal stå under "
       "`roller`.",
    6: "Hver tiltrædelse er dateret før eller samme dag som ikrafttrædelsen. Organisationsbestyrelsens tiltrædelse "
       "underskrives af organisationsbestyrelsen, ikke af administrationen.",
    7: "Evalueringsperioden godkendes af den administrative ledelse eller den driftsansvarlige (\"Den administrative "
       "ledelse har ansvaret for, at etableringsfasen kan igangsættes\"): en anden godkender er en mangel, ingen "
       "godkender en advarsel. Hver etableringsudgift i samdriftsmodellen afholdes af en aktivitet i planen "
       "(`plan_aktivitet`, eller samme tekst) med samme udgift og et svar på, om den er med i det gældende budget; "
       "er den ikke, skal afdelingsmøderne godkende den, før aktiviteten begynder.",
    8: "Materialet til en målgruppe er færdigt, før det distribueres.",
    10: "Evalueringsperioden er mindst 12 måneder, er slut, og begynder tidligst den dag, samdriften trådte i kraft; "
        "evalueringens `periode` er implementeringsplanens. Det økonomiske mål opgøres mod regnskabet for et helt "
        "regnskabsår efter ikrafttrædelsen; et mål, der ikke er nået, er en oplysning til evalueringen (en advarsel), "
        "ikke en mangel.",
    12: "Godkendelsen kommer fra den driftsansvarlige eller den administrative ledelse og er dateret efter formidlingen "
        "i milepæl 11. Et nyt mål med en udgift uden for det gældende budget er godkendt af afdelingsmøderne senest "
        "den dag, evalueringen og de nye mål godkendes. Overdragelsen til den driftsansvarlige kan registreres (`overdragelse`); mangler den, er det en "
        "advarsel.",
}


def fase(navn: str) -> str:
    linjer = [f"# {navn}", "", FASE_FORMAAL[navn], ""]
    for m in KATALOG:
        if m.fase != navn:
            continue
        filer, kommandoer_ = STOETTE[m.nr]
        linjer += [f"## {m.nr}. milepæl: {m.titel}", "", m.formaal, "", "**Opgaver**", ""]
        linjer += [f"{i}. {t}" for i, t in enumerate(m.opgaver, start=1)]
        linjer += ["", "**Leverancer**", ""]
        linjer += [f"{i}. {t}" for i, t in enumerate(m.leverancer, start=1)]
        linjer += ["", f"**Her i samdrift:** {filer}.", "", f"**Kommandoer:** {kommandoer_}.", ""]
        if m.nr in RAEKKEFOELGE:
            linjer += [f"**Rækkefølge og godkendere:** {RAEKKEFOELGE[m.nr]}", ""]
        for rolle, tekster in (("Beboervalgte", m.roller.beboervalgte), ("Administration", m.roller.administration),
                               ("Den lokale drift", m.roller.lokal_drift)):
            if tekster:
                linjer += [f"*{rolle}:* " + " ".join(tekster), ""]
        if m.udfordringer:
            linjer += ["*Udfordringer:*", "", *(f"- {u.rstrip('.')}." for u in m.udfordringer), ""]
    return "\n".join(linjer)


SIDER = {"filformat.md": filformat, "kommandoer.md": kommandoer,
         "forarbejdsfasen.md": lambda: fase("Forarbejdsfasen"), "udviklingsfasen.md": lambda: fase("Udviklingsfasen"),
         "etableringsfasen.md": lambda: fase("Etableringsfasen")}


def side(navn: str) -> str:
    """One generated page (each is built once, for the test of that page alone)."""
    return SIDER[navn]()


def alle() -> dict[str, str]:
    return {navn: side(navn) for navn in SIDER}


if __name__ == "__main__":
    for navn, tekst in alle().items():
        (ROD / "docs" / navn).write_text(tekst, encoding="utf-8")
        print(f"skrev docs/{navn}")
