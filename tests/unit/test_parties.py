"""Parties, the dated roster and organisation names (SPEC sections 4 and 6)."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import pytest

from warclaims.extract.parties import (
    Roster,
    adversaries,
    adversary,
    find_organisations,
    organisation,
    organisation_info,
    organisations,
    parties_in,
    party_code,
    party_codes,
)

DEV = Path("/work/shared/corpus/dev")
# people in the gold files the roster does not claim to know (unit press officers)
UNKNOWN_PEOPLE = {"Yevhen Alkhimov"}


@pytest.fixture(scope="module")
def roster() -> Roster:
    return Roster.load()


def _codes(text: str, speaker: str | None = None) -> list[str | None]:
    return [m.code for m in parties_in(text, speaker_side=speaker)]


# --------------------------------------------------------------------------- parties


def test_nationality_phrases() -> None:
    ms = parties_in("North Korean infantry and Russian paratroopers")
    assert [m.code for m in ms] == ["PRK", "RUS"]
    assert ms[0].text == "North Korean infantry" and ms[0].kind == "force"


def test_longest_match_wins() -> None:
    assert _codes("South Korean lawmakers said") == ["KOR"]
    assert _codes("Palestinian Islamic Jihad fighters") == ["pij"]
    assert _codes("the Korean peninsula") == []


def test_kinds_and_offsets() -> None:
    text = "Ukraine's army and the Houthis, said the IDF."
    ms = parties_in(text)
    assert [(m.code, m.kind) for m in ms] == [("UKR", "force"), ("houthis", "name"),
                                              ("ISR", "force")]
    for m in ms:
        assert text[m.start:m.end] == m.text


def test_acronyms_are_case_sensitive() -> None:
    assert _codes("the US said") == ["USA"]
    assert _codes("let us say it") == []
    assert _codes("U.S. forces shot down drones") == ["USA"]


def test_metonyms_only_as_actors() -> None:
    assert _codes("Moscow said the drones were downed") == ["RUS"]
    assert _codes("drones over the Moscow region") == []
    assert _codes("a strike in Kyiv killed two") == []
    assert _codes("The Kremlin denied it") == ["RUS"]


def test_enemy_resolves_against_speaker() -> None:
    ms = parties_in("The enemy also lost 140 armoured vehicles", speaker_side="RUS")
    assert [(m.code, m.kind) for m in ms] == [("UKR", "enemy")]
    assert _codes("the enemy lost 1,200 troops") == [None]


def test_self_proclaimed_republics() -> None:
    text = 'fighters of the militias of the self-proclaimed Donetsk and Luhansk "people\'s republics"'
    assert sorted(c for c in _codes(text) if c) == ["dpr", "lpr"]
    assert _codes("shelling in the Donetsk region") == []


def test_party_code() -> None:
    assert party_code("North Korean") == "PRK"
    assert party_code("the IDF") == "ISR"
    assert party_code("Israeli Defense Forces") == "ISR"
    assert party_code("Hamas fighters") == "hamas"
    assert party_code("the junta") == "MMR"
    assert party_code("Houthi") == "houthis"
    assert party_code("RUS") == "RUS"
    assert party_code("the weather") is None


def test_adversaries() -> None:
    assert adversary("UKR") == "RUS"
    assert adversary("RUS") == "UKR"
    assert adversary("SDN") == "rsf" and adversary("rsf") == "SDN"
    assert {"hamas", "hezbollah"} <= set(adversaries("ISR"))
    assert adversary("hezbollah") == "ISR"
    assert adversary(None) is None and adversary("XXX") is None


def test_matching_is_fast() -> None:
    text = ("Russian forces lost 1,020 troops near Pokrovsk, the General Staff of Ukraine's "
            "Armed Forces said, as North Korean units fought in Kursk. ") * 400
    parties_in("warm up")
    find_organisations("warm up")
    t0 = time.perf_counter()
    assert len(parties_in(text)) == 1200  # Russian, Ukraine's, North Korean
    assert len(find_organisations(text)) == 400
    assert time.perf_counter() - t0 < 1.0


# --------------------------------------------------------------------------- roster


@pytest.mark.parametrize(("phrase", "on", "name"), [
    ("Ukraine's top commander", "2025-01-04", "Oleksandr Syrskyi"),
    ("Ukraine's top commander", "2022-06-01", "Valerii Zaluzhnyi"),
    ("the commander-in-chief of Ukraine's armed forces", "2023-03-01", "Valerii Zaluzhnyi"),
    ("Russia's defence minister", "2023-06-01", "Sergei Shoigu"),
    ("the Russian defense minister", "2025-01-10", "Andrei Belousov"),
    ("Russia's chief of the general staff", "2024-08-10", "Valery Gerasimov"),
    ("the U.S. president", "2024-06-01", "Joe Biden"),
    ("the US president", "2025-03-01", "Donald Trump"),
    ("US Defense Secretary", "2024-06-01", "Lloyd Austin"),
    ("US Defense Secretary", "2025-06-01", "Pete Hegseth"),
    ("British prime minister", "2022-10-01", "Liz Truss"),
    ("British prime minister", "2024-08-01", "Keir Starmer"),
    ("Israel's defence minister", "2024-01-15", "Yoav Gallant"),
    ("Israel's defence minister", "2025-01-15", "Israel Katz"),
    ("Israeli prime minister", "2022-09-01", "Yair Lapid"),
    ("South Korea's president", "2024-11-01", "Yoon Suk Yeol"),
    ("South Korean President", "2025-07-01", "Lee Jae-myung"),
    ("North Korean leader", "2024-11-01", "Kim Jong Un"),
    ("Ukraine's military intelligence chief", "2024-01-01", "Kyrylo Budanov"),
    ("Hezbollah leader", "2024-11-15", "Naim Qassem"),
])
def test_by_role(roster: Roster, phrase: str, on: str, name: str) -> None:
    holder = roster.by_role(phrase, None, on)
    assert holder is not None and holder.name == name


def test_by_role_with_side_and_current(roster: Roster) -> None:
    assert roster.by_role("top commander", "UKR", "2025-01-04").name == "Oleksandr Syrskyi"
    assert roster.by_role("president", "UKR", None).name == "Volodymyr Zelensky"
    assert roster.by_role("defence minister", "RUS", None).name == "Andrei Belousov"
    assert roster.by_role("defence minister", None, "2023-01-01") is None  # no country: ambiguous
    assert roster.by_role("Ukraine's top commander", None, "2010-01-01") is None
    assert roster.by_role("chief astronomer", "UKR", "2024-01-01") is None


@pytest.mark.parametrize(("written", "name"), [
    ("Zelensky", "Volodymyr Zelensky"),
    ("Zelenskyy", "Volodymyr Zelensky"),
    ("President Volodymyr Zelenskiy", "Volodymyr Zelensky"),
    ("Syrskyi", "Oleksandr Syrskyi"),
    ("Oleksandr Syrsky", "Oleksandr Syrskyi"),
    ("Gen. Oleksandr Syrskii", "Oleksandr Syrskyi"),
    ("Zaluzhny", "Valerii Zaluzhnyi"),
    ("Valeriy Zaluzhnyy", "Valerii Zaluzhnyi"),
    ("Sergey Shoigu", "Sergei Shoigu"),
    ("Andrey Belousov", "Andrei Belousov"),
    ("Valeriy Gerasimov", "Valery Gerasimov"),
    ("Major General Igor Konashenkov", "Igor Konashenkov"),
    ("Yuriy Ignat", "Yurii Ihnat"),
    ("Kyrylo Budanov", "Kyrylo Budanov"),
    ("Hemedti", "Mohamed Hamdan Dagalo"),
    ("President Yoon", "Yoon Suk Yeol"),
    ("Rear Adm. Daniel Hagari", "Daniel Hagari"),
    ("Volker Turk", "Volker Türk"),
])
def test_by_name(roster: Roster, written: str, name: str) -> None:
    holder = roster.by_name(written)
    assert holder is not None and holder.name == name


def test_by_name_picks_term_by_date(roster: Roster) -> None:
    assert roster.by_name("Trump", "2025-01-04").role == "President-elect of the United States"
    assert roster.by_name("Trump", "2025-02-01").role == "President of the United States"
    assert roster.by_name("Shoigu", "2023-01-01").role == "Minister of Defence of Russia"
    assert roster.by_name("Netanyahu", "2022-01-01").end == "2021-06-13"  # former PM


def test_by_name_ambiguous_surnames(roster: Roster) -> None:
    assert roster.by_name("Kuleba") is None  # Dmytro and Oleksii
    assert roster.by_name("Dmytro Kuleba").name == "Dmytro Kuleba"
    assert roster.by_name("Kim", "2024-10-01") is None
    assert roster.by_name("Nobody Atall") is None


def test_roster_entries_are_valid(roster: Roster) -> None:
    codes = party_codes()
    assert len(roster.holders) > 100
    for h in roster.holders:
        assert h.name and h.role and h.role_aliases
        assert h.side is None or h.side in codes, h
        assert h.party is None or h.party in codes, h
        if h.start is None:
            assert h.end is None, h
            continue
        start = date.fromisoformat(h.start)
        assert len(h.start) == 10
        if h.end is not None:
            assert len(h.end) == 10 and start <= date.fromisoformat(h.end), h
            assert h.end <= "2026-12-31"


def test_no_overlapping_terms_in_single_holder_offices(roster: Roster) -> None:
    by_role: dict[str, list] = {}
    for h in roster.holders:
        if h.start and "Acting" not in h.role:
            by_role.setdefault(h.role, []).append(h)
    for role, terms in by_role.items():
        terms.sort(key=lambda h: h.start)
        for a, b in zip(terms, terms[1:], strict=False):
            assert a.end is not None and a.end <= b.start, (role, a.name, b.name)


# --------------------------------------------------------------------------- organisations


@pytest.mark.parametrize(("phrase", "name", "side"), [
    ("Russia's defence ministry", "Ministry of Defence of Russia", "RUS"),
    ("the Russian Defense Ministry", "Ministry of Defence of Russia", "RUS"),
    ("Russian MoD", "Ministry of Defence of Russia", "RUS"),
    ("the Kremlin's defence ministry", "Ministry of Defence of Russia", "RUS"),
    ("Ukraine's General Staff", "General Staff of the Armed Forces of Ukraine", "UKR"),
    ("The General Staff of Ukraine's armed forces",
     "General Staff of the Armed Forces of Ukraine", "UKR"),
    ("Ukraine's Air Force", "Ukrainian Air Force", "UKR"),
    ("HUR", "Defence Intelligence of Ukraine", "UKR"),
    ("Ukraine's military intelligence", "Defence Intelligence of Ukraine", "UKR"),
    ("South Korea's spy agency", "National Intelligence Service", "KOR"),
    ("the health ministry in Hamas-run Gaza", "Gaza Health Ministry", "PSE"),
    ("the Israeli military", "Israel Defense Forces", "ISR"),
    ("Lebanon's health ministry", "Ministry of Public Health of Lebanon", "LBN"),
    ("Britain's Ministry of Defence", "Ministry of Defence of the United Kingdom", "GBR"),
    ("UK Defence Intelligence", "Ministry of Defence of the United Kingdom", "GBR"),
    ("the Sudanese army", "Sudanese Armed Forces", "SDN"),
    ("the State Emergency Service", "State Emergency Service of Ukraine", "UKR"),
    ("the Sumy regional administration", "Sumy Regional Military Administration", "UKR"),
    ("Kharkiv Oblast Military Administration", "Kharkiv Regional Military Administration",
     "UKR"),
    ("72nd Brigade", "72nd Separate Mechanized Brigade", "UKR"),
    ("U.S. Central Command", "US Central Command", "USA"),
    ("the MNDAA", "Myanmar National Democratic Alliance Army", None),
    ("ACLED", "Armed Conflict Location and Event Data Project", None),
    ("OHCHR", "Office of the UN High Commissioner for Human Rights", None),
    ("the Institute for the Study of War", "Institute for the Study of War", None),
    ("BBC Russian Service", "BBC News Russian", None),
    ("Médecins Sans Frontières", "Doctors Without Borders", None),
])
def test_organisation_aliases(phrase: str, name: str, side: str | None) -> None:
    assert organisation(phrase) == (name, side)


def test_organisation_case_rules() -> None:
    assert organisation("Financial Times") == ("Financial Times", None)
    assert organisation("in difficult financial times") is None
    assert organisation("financial times") is None
    assert organisation("the ministry") is None
    info = organisation_info("RIA Novosti")
    assert info is not None and info.role == "Russian state news agency" and info.side is None
    assert organisation_info("Hezbollah").party == "hezbollah"


def test_find_organisations_spans() -> None:
    text = ("Russia's Defence Ministry said so, citing the General Staff of Ukraine's Armed "
            "Forces, Mediazona and the UK Ministry of Defence.")
    found = find_organisations(text)
    assert [(n, s) for _, _, n, s in found] == [
        ("Ministry of Defence of Russia", "RUS"),
        ("General Staff of the Armed Forces of Ukraine", "UKR"),
        ("Mediazona", None),
        ("Ministry of Defence of the United Kingdom", "GBR"),
    ]
    start, end, _, _ = found[0]
    assert text[start:end] == "Russia's Defence Ministry"


def test_organisation_sides_are_known_codes() -> None:
    codes = party_codes()
    for org in organisations():
        assert org.side is None or org.side in codes
        assert org.party is None or org.party in codes


# --------------------------------------------------------------------------- gold files


def _gold_parties() -> list[tuple[str, dict, str | None]]:
    if not DEV.is_dir():
        return []
    out = []
    for path in sorted(DEV.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for claim in gold["claims"]:
            for field in ("claimant", "cited_source"):
                party = claim.get(field)
                if party and party.get("name"):
                    out.append((path.name, party, claim.get("statement_date")))
    return out


GOLD = _gold_parties()


@pytest.mark.skipif(not GOLD, reason="dev gold files not available")
def test_gold_names_resolve(roster: Roster) -> None:
    """Every named claimant or cited source in the dev gold files is either a roster person
    (same name, side and role on the statement date) or a known organisation."""
    problems = []
    for doc, party, on in GOLD:
        name, side, role = party["name"], party["side"], party["role"]
        if name in UNKNOWN_PEOPLE:
            continue
        person = roster.by_name(name, on)
        if person is not None and person.name == name:
            if (person.side, person.role) != (side, role):
                problems.append((doc, name, person.side, person.role))
            continue
        org = organisation_info(name)
        if org is None or (org.name, org.side) != (name, side) or (role and org.role != role):
            problems.append((doc, name, org))
    assert problems == []


@pytest.mark.skipif(not GOLD, reason="dev gold files not available")
def test_gold_subjects_are_party_codes() -> None:
    codes = party_codes()
    for path in sorted(DEV.glob("*.gold.json")):
        for claim in json.loads(path.read_text(encoding="utf-8"))["claims"]:
            assert set(claim["subject"]) <= codes, (path.name, claim["subject"])


@pytest.mark.parametrize(("phrase", "name", "side"), [
    ("Azerbaijan's defence ministry", "Ministry of Defence of Azerbaijan", "AZE"),
    ("the Armenian Defense Ministry", "Ministry of Defence of Armenia", "ARM"),
    ("Israel's Health Ministry", "Ministry of Health of Israel", "ISR"),
    ("the Syrian army", "Syrian Armed Forces", "SYR"),
    # explicit organisations keep their own names
    ("Lebanon's health ministry", "Ministry of Public Health of Lebanon", "LBN"),
    ("Russia's defence ministry", "Ministry of Defence of Russia", "RUS"),
    ("UK defence ministry", "Ministry of Defence of the United Kingdom", "GBR"),
])
def test_every_state_has_its_national_institutions(phrase: str, name: str, side: str) -> None:
    org = organisation_info(phrase)
    assert org is not None and (org.name, org.side) == (name, side)
