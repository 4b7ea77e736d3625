"""One test per cleaning rule of data/boilerplate.json, on lines written in styles the dev corpus
lacks, plus the page-level rules (teaser blocks, inline teasers, live-blog timestamps, key points)
and the metadata rules (bylines, datelines, mastheads, copyright lines)."""

from __future__ import annotations

import pytest

from warclaims.clean.metadata import authors_from_line, dateline, masthead_name
from warclaims.clean.page import clean_page
from warclaims.clean.rules import rules

BODY_1 = ("Monitors recorded 14 violations of the truce on Thursday, most of them small-arms fire "
          "near the line of contact, the mission said in a daily report.")
BODY_2 = "The mission said none of the incidents caused casualties."


def kind(line: str) -> str | None:
    return rules().classify(line)


@pytest.mark.parametrize("line", [
    "Jump to navigation", "Skip to main content", "Main menu", "Toggle navigation",
    "Home › World › Europe", "Scroll to continue with content", "Back to top",
])
def test_navigation(line: str) -> None:
    assert kind(line) == "navigation"


@pytest.mark.parametrize("line", [
    "Share on Facebook", "Share via Email", "Share this article", "Tweet",
    "Facebook Twitter WhatsApp Email", "Telegram · Viber · Copy link",
])
def test_share_buttons(line: str) -> None:
    assert kind(line) == "navigation"


@pytest.mark.parametrize("line", [
    "By Jean-Luc Moreau and Aisha Bello", "BY PETER NOVAK", "Story by Helga Sørensen • 3 min read",
    "6 min read", "Reading time: 4 minutes", "Updated: 14 March 2025, 10:12 GMT",
    "Sunday, March 16, 2025", "Mon 14 Apr 2025 06.00 BST", "14.03.2025 10:12",
])
def test_byline_and_read_time(line: str) -> None:
    assert kind(line) == "byline"


@pytest.mark.parametrize("line", [
    "Rescuers at the site of the strike in Dnipro on March 3. Photo: Mykola Myronenko/Reuters",
    "A soldier fires a howitzer near the front. Photograph: Libkos/AP",
    "Smoke rises over the port. (AP Photo/Evgeniy Maloletka)",
    "Residents inspect the damage on Tuesday. REUTERS/Alina Smutko",
    "Damaged buildings in Kharkiv. © Sergey Bobok / AFP",
    "Image caption: Firefighters at the scene",
    "Firefighters at the scene. Photo credit: State Emergency Service",
])
def test_caption_with_agency_credit(line: str) -> None:
    assert kind(line) == "caption"


@pytest.mark.parametrize("line", [
    "Listen to this article · 5:12 min", "Voiced by artificial intelligence.",
    "This article was narrated by an AI voice.", "Listen 4:31",
])
def test_audio_note(line: str) -> None:
    assert kind(line) == "audio_note"


@pytest.mark.parametrize("line", [
    "Sign up for our free Morning Briefing newsletter", "Enter your email address",
    "Want more stories like this? Sign up here.", "Join 50,000 readers who get our weekly digest.",
    "Get our daily war briefing straight to your inbox",
])
def test_newsletter(line: str) -> None:
    assert kind(line) == "newsletter"


@pytest.mark.parametrize("line", [
    "Pavel Horak is a senior correspondent based in Warsaw.",
    "Kenji Watanabe is the paper's Tokyo bureau chief.",
    "Leila Haddad covers security and defence for the Beirut Chronicle.",
    "Follow her on X at @leilahaddad.",
])
def test_author_box(line: str) -> None:
    assert kind(line) == "author_box"


@pytest.mark.parametrize("line", [
    "We use cookies to improve your experience on our site.", "Accept all cookies",
    "This website uses cookies. By continuing you agree to our cookie policy.",
])
def test_cookie_notice(line: str) -> None:
    assert kind(line) == "other"


@pytest.mark.parametrize("line", [
    "Backed by heavy artillery, Russian troops advanced two kilometres.",
    "Backed by Western artillery, the brigade held the village.",
    "Hit by a drone, the truck burned for hours.",
    "The Kremlin is a frequent target of criticism, an analyst said.",
    "Listen to the residents and you hear fear.",
    "Kharkiv covers an area of 350 square kilometres.",
    "Officials said 40 drones were shot down. AFP reported the same figure.",
    BODY_1,
])
def test_body_sentences_are_not_boilerplate(line: str) -> None:
    assert kind(line) is None


@pytest.mark.parametrize("line", ["08:12 CEST", "7:40 a.m.", "16:02 GMT+2", "11:14 Kyiv time"])
def test_live_blog_timestamps(line: str) -> None:
    assert rules().timestamp.match(line)


# --- page-level rules ------------------------------------------------------------------------

WIRE_PAGE = """Baltic Herald
News | Europe | Defence | Opinion
Estonia moves extra air defence batteries to its eastern border
Words by Kristjan Tamm and Mari Lepik
Sunday, March 16, 2025
Soldiers unload a launcher near Narva. Photo: Estonian Defence Forces
TALLINN, March 16 (Baltic Herald) - Estonia will station two additional air defence batteries \
near its eastern border, the defence ministry said on Sunday.
The decision follows repeated airspace violations by drones over the past month, officials said.
Also read: Latvia closes two border crossings (March 12)
The ministry did not say where exactly the batteries would be placed.
More stories
Finland extends border closure
The government said the crossings would stay shut until further notice. (March 10)
Lithuania orders new radars
The order is worth 40 million euros, officials said. (March 2, 2025)
Kristjan Tamm is the Herald's defence correspondent.
© 2025 Baltic Herald Media. All rights reserved.
"""


def test_page_metadata_and_body() -> None:
    page = clean_page(WIRE_PAGE)
    assert page.title == "Estonia moves extra air defence batteries to its eastern border"
    assert page.authors == ["Kristjan Tamm", "Mari Lepik"]
    assert page.published == "2025-03-16"
    assert page.publisher == "Baltic Herald"
    assert page.body[0].startswith("TALLINN, March 16 (Baltic Herald) - Estonia will station")
    assert page.body[-1] == "The ministry did not say where exactly the batteries would be placed."
    assert len(page.body) == 3


def test_inline_read_also_is_a_dated_teaser() -> None:
    page = clean_page(WIRE_PAGE)
    assert ("teaser", "Also read: Latvia closes two border crossings (March 12)") in {
        (r.kind, r.text) for r in page.removed}
    teaser = next(s for s in page.sections if "Latvia" in s.text)
    assert teaser.text == "Latvia closes two border crossings (March 12)"
    assert teaser.date == "2025-03-12"


def test_teaser_block_keeps_each_teaser_with_its_own_date() -> None:
    page = clean_page(WIRE_PAGE)
    teasers = {s.text.split("\n")[0]: s for s in page.sections if s.kind == "teaser"}
    finland = teasers["Finland extends border closure"]
    assert finland.text.endswith("until further notice. (March 10)")
    assert finland.date == "2025-03-10"
    assert teasers["Lithuania orders new radars"].date == "2025-03-02"
    assert not any("Finland" in b or "radars" in b for b in page.body)


def test_removed_parts_keep_their_kind() -> None:
    removed = {r.text: r.kind for r in clean_page(WIRE_PAGE).removed}
    assert removed["Words by Kristjan Tamm and Mari Lepik"] == "byline"
    assert removed["Soldiers unload a launcher near Narva. Photo: Estonian Defence Forces"] == "caption"
    assert removed["Kristjan Tamm is the Herald's defence correspondent."] == "author_box"
    assert removed["© 2025 Baltic Herald Media. All rights reserved."] == "other"
    assert removed["News | Europe | Defence | Opinion"] == "navigation"


LIVE_PAGE = """ date 2025-06-02 Jump to navigation
Harbour Times | Live
Live updates: Missile and drone attack on Lviv
Live blog by Sofia Marchetti
Key events
- At least 6 people injured in Lviv
- Air defence shot down 40 of 48 drones
08:12 CEST
Regional governor says fires are out
The regional governor said all fires caused by the attack had been put out by morning.
7:40 a.m.
Rescuers searched a damaged apartment block in the city centre, the mayor said on Telegram.
Copyright © Harbour Times 2025
"""


def test_live_blog_timestamps_headlines_and_key_points() -> None:
    page = clean_page(LIVE_PAGE)
    assert page.title == "Live updates: Missile and drone attack on Lviv"
    assert page.authors == ["Sofia Marchetti"]
    assert page.published == "2025-06-02"
    assert page.body == [
        "The regional governor said all fires caused by the attack had been put out by morning.",
        "Rescuers searched a damaged apartment block in the city centre, the mayor said on Telegram.",
    ]
    sections = [(s.kind, s.text) for s in page.sections]
    assert ("key_points", "At least 6 people injured in Lviv") in sections
    assert ("key_points", "Air defence shot down 40 of 48 drones") in sections
    assert ("headline", "Regional governor says fires are out") in sections
    removed = {r.text for r in page.removed}
    assert {"08:12 CEST", "7:40 a.m.", "Copyright © Harbour Times 2025"} <= removed


def test_copyright_line_names_the_publisher() -> None:
    assert clean_page(LIVE_PAGE).publisher == "Harbour Times"
    text = f"Ceasefire monitors report 14 violations\n{BODY_1}\n{BODY_2}\n© 2025 Pacific Ledger Ltd."
    assert clean_page(text).publisher == "Pacific Ledger"


def test_byline_with_job_title() -> None:
    page = clean_page(f"Pacific Ledger\nCeasefire monitors report 14 violations in a day\n"
                      f"By Hana Kobayashi, Defence Reporter\nUpdated 3 hours ago\n{BODY_1}\n{BODY_2}",
                      published="2025-07-11")
    assert page.authors == ["Hana Kobayashi"]
    assert page.publisher == "Pacific Ledger"
    assert page.body == [BODY_1, BODY_2]


# --- metadata rules --------------------------------------------------------------------------


@pytest.mark.parametrize(("line", "names"), [
    ("By Jean-Luc Moreau and Aisha Bello", ["Jean-Luc Moreau", "Aisha Bello"]),
    ("Words by Kristjan Tamm & Mari Lepik", ["Kristjan Tamm", "Mari Lepik"]),
    ("Story by Helga Sørensen • 3 min read", ["Helga Sørensen"]),
    ("By Ana Ruiz in Madrid", ["Ana Ruiz"]),
    ("Author: Tomasz Nowak", ["Tomasz Nowak"]),
    ("By Staff Reporters", []),
])
def test_byline_authors(line: str, names: list[str]) -> None:
    assert authors_from_line(line) == names


@pytest.mark.parametrize(("line", "day", "agency"), [
    ("KHARKIV, Ukraine, Feb. 3, 2025 (Continental Wire) - Russian guided bombs struck two villages.",
     "2025-02-03", "Continental Wire"),
    ("TALLINN, March 16 (Baltic Herald) — Estonia will station two batteries.", "2025-03-16",
     "Baltic Herald"),
    ("BEIRUT, 4 October 2024 (Levant Press) - Strikes hit the southern suburbs.", "2024-10-04",
     "Levant Press"),
])
def test_dateline_date_and_agency(line: str, day: str, agency: str) -> None:
    from datetime import date

    found = dateline(line, date(2025, 3, 20) if "2025" not in line and "2024" not in line else None)
    assert found is not None
    d, who = found
    assert d is not None and d.isoformat() == day
    assert who == agency


def test_dateline_is_not_a_sentence() -> None:
    assert dateline(BODY_1, None) is None


@pytest.mark.parametrize(("line", "name"), [
    ("Pacific Ledger", "Pacific Ledger"),
    ("BH | Baltic Herald", "Baltic Herald"),
    ("CW Continental Wire", "Continental Wire"),
    ("Ceasefire monitors report 14 violations", None),
])
def test_masthead_publisher(line: str, name: str | None) -> None:
    assert masthead_name(line) == name
