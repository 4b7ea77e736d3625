"""Metadata and body cleaning of plain-text pages laid out in less common ways (fictional pages)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from warclaims import read
from warclaims.model import Document
from warclaims.util.dates import find_date

BODY = (
    "Regional officials said on Tuesday that 14 people had been wounded when a drone hit a depot "
    "on the edge of the port town, the third such attack this month.\n\n"
    "The governor said repair crews had restored power to most homes by the evening and that "
    "schools would reopen on Thursday."
)


def _read(tmp_path: Path, text: str, name: str = "page.txt") -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (doc,) = list(read([path]))
    assert isinstance(doc, Document), doc
    return doc


def test_published_label_with_day_first_numeric_date_under_a_dek(tmp_path: Path) -> None:
    doc = _read(tmp_path, (
        "Harbour and Hill Weekly\n"
        "Why the port town keeps getting hit, and what its air defences lack\n"
        "Three attacks in a month have exposed a gap that officials have known about for a year.\n"
        "By Ilse Marquardt\n"
        "Published: 03.04.2025 | 6 min read\n\n"
        f"{BODY}\n"
    ))
    assert doc.title == "Why the port town keeps getting hit, and what its air defences lack"
    assert doc.authors == ("Ilse Marquardt",)
    assert doc.published == "2025-04-03"  # day first: 3 April, not 4 March
    assert "Three attacks in a month" not in doc.text  # the standfirst is not body
    assert any(s.kind == "headline" and s.text.startswith("Three attacks") for s in doc.sections)
    assert doc.text.startswith("Regional officials said")


def test_published_label_with_time_and_update_under_a_dek_without_full_stop(
    tmp_path: Path,
) -> None:
    doc = _read(tmp_path, (
        "THE LAKESIDE COURIER | Morning Edition\n"
        "World | Region | Opinion | Sport\n\n"
        "Drone hits fuel depot near port town, 14 wounded as repair crews restore power\n"
        "Governor says schools to reopen Thursday; third attack on the town this month\n"
        "By Ana Pereira-Lopes and Kofi Mensah-Bonsu\n"
        "Published: Mar 3, 2024, 10:15 AM CET | Updated: Mar 4, 2024, 08:00 AM CET\n\n"
        f"{BODY}\n\n"
        "Get The Lakeside Courier's morning briefing in your inbox.\n"
    ))
    assert doc.authors == ("Ana Pereira-Lopes", "Kofi Mensah-Bonsu")
    assert doc.published == "2024-03-03"
    assert doc.publisher == "The Lakeside Courier"
    assert "Governor says schools" not in doc.text


def test_name_line_without_by_titles_stripped_and_bare_date_line(tmp_path: Path) -> None:
    doc = _read(tmp_path, (
        "Baltic Institute for Security Studies\n"
        "Research | Commentary | Events\n\n"
        "ANALYSIS\n"
        "Counting the cost: what a year of drone raids has done to the northern ports\n\n"
        "The raids have grown in size and range. The defences have not kept pace.\n\n"
        "Prof. Ingrid Solberg and Col. Tomas Varga\n"
        "14 February 2025\n"
        "8 minute read\n\n"
        f"{BODY}\n\n"
        "The views expressed in this Analysis are the authors' own and do not represent those of "
        "the institute.\n\n"
        "Ingrid Solberg is Professor of War Studies. Tomas Varga is a retired artillery officer.\n"
    ))
    assert doc.title == "Counting the cost: what a year of drone raids has done to the northern ports"
    assert doc.authors == ("Ingrid Solberg", "Tomas Varga")
    assert doc.published == "2025-02-14"
    assert doc.publisher == "Baltic Institute for Security Studies"
    assert "views expressed" not in doc.text
    assert "Professor of War Studies" not in doc.text


def test_author_box_of_an_author_with_a_title(tmp_path: Path) -> None:
    doc = _read(tmp_path, (
        "What the ports need now\n"
        "By Dr Helena Varga\n"
        "9 June 2024\n\n"
        f"{BODY}\n\n"
        "Dr Helena Varga is head of the maritime programme at a Tallinn think tank.\n"
    ))
    assert doc.authors == ("Helena Varga",)
    assert "maritime programme" not in doc.text
    assert any(r.kind == "author_box" and "maritime programme" in r.text for r in doc.removed)


def test_all_capitals_byline_is_given_in_title_case(tmp_path: Path) -> None:
    doc = _read(tmp_path, (
        "Drone hits fuel depot near port town as governor counts 14 wounded\n\n"
        "By MAREK NOWAK-WOLSKI and LIAM O'CONNOR\n"
        "Northern Wire Service\n"
        "Updated 6:40 AM GMT, October 2, 2024\n\n"
        f"{BODY}\n"
    ))
    assert doc.authors == ("Marek Nowak-Wolski", "Liam O'Connor")
    assert doc.published == "2024-10-02"


def test_all_capitals_author_takes_the_pages_own_spelling(tmp_path: Path) -> None:
    doc = _read(tmp_path, (
        "Drone hits fuel depot near port town as governor counts 14 wounded\n"
        "By SIOBHAN MACDONALD\n"
        "October 2, 2024\n\n"
        f"{BODY}\n\n"
        "Siobhan MacDonald reports on the Baltic region for the paper.\n"
    ))
    assert doc.authors == ("Siobhan MacDonald",)


def test_section_label_above_the_headline_is_not_the_publisher(tmp_path: Path) -> None:
    doc = _read(tmp_path, (
        "ANALYSIS | EASTERN EUROPE\n"
        "Four ships or none? Reading the rival claims from the harbour raid\n"
        "Both navies have told their own story of the night. Neither has shown any wreckage.\n"
        "By Pavel Dvorak\n"
        "Published: 11.09.2024 | 5 min read\n\n"
        f"{BODY}\n\n"
        "Read more analysis: Why the strait matters more than ever\n"
    ))
    assert doc.title == "Four ships or none? Reading the rival claims from the harbour raid"
    assert doc.publisher is None
    assert doc.authors == ("Pavel Dvorak",)
    assert doc.published == "2024-09-11"
    assert "Why the strait matters" not in doc.text
    assert any(s.kind == "teaser" and "Why the strait" in s.text for s in doc.sections)


PRESS_RELEASE = (
    "NORTHERN COAST GUARD COMMAND\n"
    "Public Affairs Branch\n"
    "News Release No. 7/2024\n"
    "12 March 2024, 09.30 hrs.\n"
    "Unofficial English translation. In case of any discrepancy, the original text shall prevail.\n"
    "\n"
    "Subject: Rescue of the crew of a fishing vessel hit by a drone off Cape Lind\n"
    "\n"
    "1. Background\n"
    "\n"
    "On the night of 11 March, a drone struck a fishing vessel 12 nautical miles off Cape Lind. "
    "The Northern Coast Guard Command dispatched two patrol boats to the scene.\n"
    "\n"
    "All nine crew members were rescued; three were taken to hospital with burns.\n"
    "\n"
    "Commander Erik Lundqvist\n"
    "Head of the Public Affairs Branch\n"
    "Public Affairs Branch, Harbour Street 4, Lindby 5003\n"
)


def test_press_release_issuer_subject_and_date(tmp_path: Path) -> None:
    doc = _read(tmp_path, PRESS_RELEASE)
    assert doc.title == "Rescue of the crew of a fishing vessel hit by a drone off Cape Lind"
    assert doc.published == "2024-03-12"
    assert doc.publisher == "Northern Coast Guard Command"  # the page's own spelling
    assert doc.authors == ()
    assert "Unofficial English translation" not in doc.text
    assert "News Release No. 7/2024" not in doc.text
    assert "Harbour Street 4" not in doc.text  # the sign-off block
    assert "All nine crew members were rescued" in doc.text


def test_press_release_issuer_title_cased_when_the_page_has_no_other_spelling(
    tmp_path: Path,
) -> None:
    text = PRESS_RELEASE.replace("The Northern Coast Guard Command dispatched", "It dispatched")
    text = text.replace("NORTHERN COAST GUARD COMMAND", "MINISTRY OF COASTAL DEFENCE")
    doc = _read(tmp_path, text)
    assert doc.publisher == "Ministry of Coastal Defence"


def test_day_label_before_trailing_headlines_opens_teasers(tmp_path: Path) -> None:
    doc = _read(tmp_path, (
        " date 2025-01-19 Skip to content\n"
        "Northern Ports Daily\n"
        "Drone hits fuel depot near port town as governor counts 14 wounded\n"
        "Compiled by Mira Halonen | 19 January 2025, 11:20\n\n"
        f"{BODY}\n\n"
        "Yesterday\n"
        "Drone strike on ferry terminal injures 5, governor says (18 January)\n"
        "Lindby: what we know about the new shelters\n"
        "Get the morning roundup by email. Subscribe\n"
    ))
    assert "ferry terminal" not in doc.text
    assert "new shelters" not in doc.text
    assert "morning roundup" not in doc.text
    teasers = [s for s in doc.sections if s.kind == "teaser"]
    assert any("ferry terminal" in s.text and s.date == "2025-01-18" for s in teasers)


def test_day_label_inside_the_body_is_kept(tmp_path: Path) -> None:
    doc = _read(tmp_path, (
        "Drone hits fuel depot near port town as governor counts 14 wounded\n"
        "By Mira Halonen\n"
        "19 January 2025\n\n"
        f"{BODY}\n\n"
        "Yesterday\n"
        "The mayor said the shelters would stay open all night.\n"
    ))
    assert "the shelters would stay open all night" in doc.text


def test_synthetic_voice_audio_note_is_removed(tmp_path: Path) -> None:
    doc = _read(tmp_path, (
        "Drone hits fuel depot near port town as governor counts 14 wounded\n"
        "By Mira Halonen\n"
        "19 January 2025\n"
        "This story is also available as an audio version read by a synthetic voice.\n\n"
        f"{BODY}\n"
    ))
    assert "synthetic voice" not in doc.text
    assert any(r.kind == "audio_note" for r in doc.removed)


@pytest.mark.parametrize(("text", "day"), [
    ("20.05.2025", date(2025, 5, 20)),
    ("05.06.2024 14:10", date(2024, 6, 5)),  # day first
    ("07/03/2023", date(2023, 3, 7)),
    ("02/25/2025", date(2025, 2, 25)),  # day-first reading impossible: month first
])
def test_numeric_dates(text: str, day: date) -> None:
    found = find_date(text, None, need_year=True)
    assert found is not None and found[0] == day


def test_numeric_date_needs_a_valid_reading() -> None:
    assert find_date("13.13.2024", None) is None
    assert find_date("Press Release No. 14/2568", None) is None
