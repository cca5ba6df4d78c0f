"""Makes examples/aeblegaarden_paerebakken/regnskab-2025.xlsx: the 2025 regnskab of the samdrift's konti
as an administration system exports it to Excel (a title, a header, kontogrupper with subtotals, the
year's budget beside the regnskab). Løn and refusion are on the system's underkonti and IT on its own
konto 11950: kontokort.yaml maps them onto the model's lines. The example's model.yaml got its ``regnskab`` from it with
``samdrift import regnskab regnskab-2025.xlsx --aar 2025``. Run: python examples/lav_regnskab.py"""

from pathlib import Path

from openpyxl import Workbook

LINJER = [  # konto, tekst, regnskab 2025, budget 2025
    ("Renholdelse (114)", None, None, None),
    ("114.10", "Løn, ejendomsfunktionærer", 2800000.00, 2700000.00),
    ("114.11", "Ekstraarbejde", 185000.00, 150000.00),
    ("114.12", "Afløsning", 120000.00, 100000.00),
    ("114.20", "Sygerefusion", -62000.00, -85000.00),
    (114, "Diverse renholdelsesartikler", 301500.00, 280000.00),
    ("Renholdelse i alt", None, 3344500.00, 3145000.00),
    ("Almindelig vedligeholdelse (115)", None, None, None),
    (115, "Materiel, kørende", 232000.00, 170000.00),
    ("Almindelig vedligeholdelse i alt", None, 232000.00, 170000.00),
    ("Diverse udgifter (119)", None, None, None),
    (119, "Kontorhold, ejendomskontor", 128000.00, 110000.00),
    (119, "Telefon, ejendomskontor", 26500.00, 24000.00),
    (11950, "IT-gebyr", 44000.00, 40000.00),
    (119, "Lokaleleje inkl. varme, ejendomskontor", 130000.00, 130000.00),
    ("119.9", "Samdriftsudvalget", 4300.00, 12000.01),
    ("Diverse udgifter i alt", None, 332800.00, 316000.01),
    ("I alt", None, 3909300.00, 3631000.01),
]


def main() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Regnskab"
    ws.append(["Boligorganisationen Frugthaven: regnskab 2025 for samdriftens konti"])
    ws.append([])
    ws.append(["Kontonr.", "Tekst", "Regnskab 2025", "Budget 2025"])
    for konto, tekst, regnskab, budget in LINJER:
        if tekst is None and isinstance(konto, str):  # a heading or a subtotal: its text in the first column
            ws.append([None, konto, regnskab, budget])
        else:
            ws.append([konto, tekst, regnskab, budget])
    for raekke in ws.iter_rows(min_row=4, min_col=3, max_col=4):
        for c in raekke:
            c.number_format = '#,##0.00'
    ws.column_dimensions["B"].width = 42
    wb.properties.creator = "Administrationssystemet"
    wb.save(Path(__file__).parent / "aeblegaarden_paerebakken" / "regnskab-2025.xlsx")


if __name__ == "__main__":
    main()
