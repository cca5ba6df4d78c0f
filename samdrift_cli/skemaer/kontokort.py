"""kontokort.yaml: administrationssystemets konti oversat til linjerne i model.yaml, så næste års
budget og regnskab kan importeres uden rettelser i hånden."""

from pydantic import Field

from samdrift_cli.skemaer.felter import Skema, Tekst


class Kortlinje(Skema):
    fra: Tekst = Field(description="Kontonummeret i administrationssystemets fil, fx 114.01 eller 11410 (læst, som det står); "
                                   "slutter det med '*', gælder det alle numre, der begynder sådan, fx \"114.*\"")
    fra_navn: Tekst | None = Field(None, description="Kun linjer med dette navn i filen (når nummeret dækker flere ting)")
    til: Tekst = Field(description="Kontonummeret i model.yaml, fx 114")
    til_navn: Tekst | None = Field(None, description="Navnet på linjen i model.yaml, når nummeret står på flere linjer dér")
    bemaerkning: Tekst | None = Field(None, description="Hvorfor, fx 'LBF-kontoplanens underkonti'")


class KontokortFil(Skema):
    """kontokort.yaml: administrationssystemets konti -> linjerne i model.yaml (bruges af samdrift import)."""

    kort: list[Kortlinje] = Field(default_factory=list, description="Én linje pr. konto eller gruppe af konti i filerne; "
                                                                     "flere linjer, der rammer samme linje i model.yaml, lægges sammen")
