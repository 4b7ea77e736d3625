"""Build warclaims' packaged gazetteer from the GeoNames extracts.

Reads GEONAMES_DIR (default /work/shared/data/geonames): cities15000.txt, places.tsv,
frontline_villages.tsv, admin1CodesASCII.tsv, countryInfo.tsv, plus the hand-made overlay
src/warclaims/data/admin1_aliases.json (English admin1 names, preferred place names, country
aliases, extra places). Writes src/warclaims/data/gazetteer.tsv.gz, one place a row:

    id  name  kind  fcode  country  admin1  lat  lon  population  frontline  alternates

country is ISO alpha-3, admin1 the normalised English first-level name, alternates a
'|'-separated list of English-usable (ASCII, Latin) spellings. GeoNames data is CC BY 4.0.

Usage: python3 scripts/build_gazetteer.py [GEONAMES_DIR] [OUT]
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "warclaims" / "data"
DEFAULT_GEONAMES = Path("/work/shared/data/geonames")
HEADER = (
    "id", "name", "kind", "fcode", "country", "admin1", "lat", "lon", "population", "frontline",
    "alternates",
)
CITY_POPULATION = 15000
MAX_ALTERNATES = 16
ALT_RE = re.compile(r"^[A-Z][A-Za-z]*(?:[ '\-][A-Za-z][A-Za-z]*){0,3}$")
APOSTROPHES = "'’ʼʹ`"


@dataclass
class Row:
    id: str
    name: str
    kind: str
    fcode: str
    country: str
    admin1: str
    lat: str
    lon: str
    population: int
    frontline: bool = False
    alternates: list[str] = field(default_factory=list)

    def cells(self) -> list[str]:
        return [
            self.id, self.name, self.kind, self.fcode, self.country, self.admin1, self.lat,
            self.lon, str(self.population), "1" if self.frontline else "0",
            "|".join(self.alternates),
        ]


def fold(text: str) -> str:
    """ASCII-fold: strip diacritics and apostrophes."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return "".join(c for c in text if c not in APOSTROPHES)


def ukrainian_spelling(name: str) -> str:
    """GeoNames' Ukrainian romanisation nudged towards the national system used in English news."""
    name = fold(name)
    name = re.sub(r"yy\b", "yi", name)
    name = name.replace("ayi", "ai").replace("iyi", "ii").replace("zhzhya", "zhzhia")
    return name


def read_countries(geo: Path) -> dict[str, tuple[str, str, str, int]]:
    """ISO2 -> (ISO3, name, geonameid, population)."""
    out = {}
    for line in (geo / "countryInfo.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        c = line.split("\t")
        out[c[0]] = (c[1], c[4], c[16], int(c[7] or 0))
    return out


def read_admin1(geo: Path, overlay: dict) -> dict[str, tuple[str, str, list[str]]]:
    """'UA.05' -> (English name, geonameid, aliases)."""
    out = {}
    for line in (geo / "admin1CodesASCII.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        code, name, ascii_name, gid = line.split("\t")[:4]
        extra = overlay.get(code, {})
        english = extra.get("name", fold(ascii_name))
        aliases = list(extra.get("aliases", []))
        for original in (name, ascii_name):
            if fold(original) != english and original not in aliases:
                aliases.append(original)
        out[code] = (english, gid, aliases)
    return out


def english_alternates(raw: list[str], name: str) -> list[str]:
    """ASCII Latin spellings, at most four words, not all capitals, not the name itself."""
    seen = {key(name)}
    keep = []
    for alt in raw:
        alt = alt.strip()
        if len(alt) < 4 or alt.isupper() or not ALT_RE.match(alt) or key(alt) in seen:
            continue
        seen.add(key(alt))
        keep.append(alt)
    return keep[:MAX_ALTERNATES]


def key(name: str) -> str:
    """Roughly the resolver's lookup key: folded, lower case, hyphens as spaces."""
    return " ".join(fold(name).lower().replace("-", " ").replace(".", "").split())


def kind_of(population: int, fcode: str) -> str:
    if population >= CITY_POPULATION or fcode.startswith(("PPLC", "PPLA")):
        return "city"
    return "village"


def read_cities(geo: Path, countries: dict, admin1: dict, focus: set[str]) -> dict[str, Row]:
    rows = {}
    with open(geo / "cities15000.txt", encoding="utf-8") as fh:
        for c in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            gid, name, ascii_name, alts, lat, lon, _, fcode, cc = c[:9]
            pop = int(c[14] or 0)
            if cc not in countries:
                continue
            raw = [name, *alts.split(",")]
            keep_alts = cc in focus or pop >= 1_000_000
            rows[gid] = Row(
                gid, ascii_name, kind_of(pop, fcode), fcode, countries[cc][0],
                admin1.get(f"{cc}.{c[10]}", ("", "", []))[0], lat, lon, pop,
                alternates=english_alternates(raw, ascii_name) if keep_alts else
                english_alternates([name], ascii_name),
            )
    return rows


def read_places(geo: Path, countries: dict, admin1: dict, rows: dict[str, Row],
                focus: set[str]) -> None:
    with open(geo / "places.tsv", encoding="utf-8") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for gid, name, lat, lon, cc, a1, pop, alts in reader:
            if cc not in countries:
                continue
            population = int(pop or 0)
            raw = [name, *alts.split("|")] if cc in focus or population >= 1_000_000 else [name]
            if gid in rows:
                row = rows[gid]
                row.alternates = english_alternates(row.alternates + raw, row.name)
                continue
            ascii_name = fold(name)
            rows[gid] = Row(
                gid, ascii_name, kind_of(population, ""), "PPL", countries[cc][0],
                admin1.get(f"{cc}.{a1}", ("", "", []))[0], lat, lon, population,
                alternates=english_alternates(raw, ascii_name),
            )


def focus_countries(geo: Path) -> set[str]:
    """Countries for which places.tsv carries villages (the conflict regions)."""
    out = set()
    with open(geo / "places.tsv", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            c = line.split("\t")
            if int(c[6] or 0) < CITY_POPULATION:
                out.add(c[4])
    return out


def read_frontline(geo: Path, countries: dict) -> list[Row]:
    out = []
    with open(geo / "frontline_villages.tsv", encoding="utf-8") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        for i, r in enumerate(reader):
            out.append(Row(
                f"F{i + 1}", r["name"], "village", "PPL", countries[r["country"]][0], r["admin1"],
                r["lat"], r["lon"], 0, frontline=True,
            ))
    return out


def apply_overrides(rows: dict[str, Row], names: dict[str, str]) -> None:
    """Preferred English names: the overlay's, else Ukrainian national spelling for UA."""
    for gid, row in rows.items():
        new = names.get(gid) or (ukrainian_spelling(row.name) if row.country == "UKR" else None)
        if new and new != row.name:
            row.alternates = english_alternates([row.name, *row.alternates], new)
            row.name = new


def admin_rows(countries: dict, admin1: dict, aliases: dict, place_keys: set[str]) -> list[Row]:
    """Countries and admin1 regions. A bare GeoNames admin1 name that is also a place's name
    ("Donetsk", "Kiev") is not kept as an alias: the text means the city."""
    out = []
    for iso3, name, gid, pop in countries.values():
        alts = aliases.get(iso3, [])
        out.append(Row(gid or f"C{iso3}", name, "country", "PCLI", iso3, "", "", "", pop,
                       alternates=list(alts)))
    for code, (name, gid, alts) in admin1.items():
        iso2 = code.split(".")[0]
        if iso2 not in countries:
            continue
        alts = [a for a in alts if key(a) not in place_keys]
        out.append(Row(gid or f"A{code}", name, "admin1", "ADM1", countries[iso2][0], name,
                       "", "", 0, alternates=english_alternates(alts, name) + [
                           a for a in alts if not ALT_RE.match(a) and a.isascii()]))
    return out


def extra_rows(extra: list[dict]) -> list[Row]:
    return [
        Row(f"X{i + 1}", e["name"], e["kind"], "", e.get("country") or "", e.get("admin1") or "",
            str(e.get("lat") or ""), str(e.get("lon") or ""), 0, alternates=e.get("alternates", []))
        for i, e in enumerate(extra)
    ]


def build(geo: Path, out: Path) -> int:
    overlay = json.loads((DATA / "admin1_aliases.json").read_text(encoding="utf-8"))
    countries = read_countries(geo)
    admin1 = read_admin1(geo, overlay["admin1"])
    focus = focus_countries(geo)
    rows = read_cities(geo, countries, admin1, focus)
    read_places(geo, countries, admin1, rows, focus)
    apply_overrides(rows, overlay["place_names"])
    place_keys = {key(n) for r in rows.values() for n in (r.name, *r.alternates)}
    everything = (
        admin_rows(countries, admin1, overlay["country_aliases"], place_keys)
        + extra_rows(overlay["extra_places"])
        + read_frontline(geo, countries)
        + sorted(rows.values(), key=lambda r: -r.population)
    )
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("\t".join(HEADER) + "\n")
        for row in everything:
            fh.write("\t".join(row.cells()) + "\n")
    return len(everything)


def main(argv: list[str]) -> None:
    geo = Path(argv[1]) if len(argv) > 1 else DEFAULT_GEONAMES
    out = Path(argv[2]) if len(argv) > 2 else DATA / "gazetteer.tsv.gz"
    n = build(geo, out)
    print(f"wrote {n} places to {out} ({out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(sys.argv)
