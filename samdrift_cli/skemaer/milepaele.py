"""milepaele.yaml: hvad der er sket: opgaver og leverancer afkrydset med dato, hvem og referat."""

from pydantic import Field

from samdrift_cli.skemaer.felter import Dato, Heltal, JaNej, Skema, Tekst


class Registrering(Skema):
    nr: Heltal = Field(ge=1, description="Opgavens/leverancens nummer i milepælens boks 'Opgaver og leverancer'")
    udfoert: JaNej = Field(True, description="Er den udført/godkendt? (true/false)")
    dato: Dato | None = Field(None, description="Hvornår")
    af: Tekst | None = Field(None, description="Hvem udførte/godkendte, fx 'Direktionen'")
    referat: Tekst | None = Field(None, description="Henvisning til referat eller dokument")
    beslutning: Tekst | None = Field(None, description="Beslutningen, fx 'Oplægget godkendt; ressourcer til analyse bevilget'")
    bemaerkning: Tekst | None = Field(None, description="Eventuel bemærkning")


class MilepaelRegistrering(Skema):
    nr: Heltal = Field(ge=1, le=12, description="Milepælens nummer (1–12)")
    opgaver: list[Registrering] = Field(default_factory=list, description="Afkrydsede opgaver")
    leverancer: list[Registrering] = Field(default_factory=list, description="Afkrydsede leverancer")
    noter: Tekst | None = Field(None, description="Noter til milepælen")


class MilepaeleFil(Skema):
    """milepaele.yaml: status på milepæle, opgaver og leverancer."""

    milepaele: list[MilepaelRegistrering] = Field(default_factory=list, description="En post pr. milepæl")
