"""One test per cleaning rule of data/boilerplate.json, on lines written in styles the dev corpus
lacks, plus the page-level rules (teaser blocks, inline teasers, live-blog timestamps, key points)
and the metadata rules (bylines, datelines, mastheads, copyright lines)."""

from __future__ import annotations

import pytest

from warclaims.clean.metadata import (
    authors_from_line,
    best_publisher,
    dateline,
    masthead_name,
    name_line,
    publisher_candidates,
    segmented_byline,
)
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


# --- rules added for other outlets' layouts (each with lines that must stay in the body) -----


@pytest.mark.parametrize(("line", "expected"), [
    # navigation: 'Go to' links, live-blog controls, share rows behind a label, 'Tap here' links
    ("Go to navigation", "navigation"),
    ("Hide older posts", "navigation"),
    ("Auto-update off", "navigation"),
    ("Pass it on: Viber / Signal / Email", "navigation"),
    ("Tap here to open the live map of air raid alerts.", "navigation"),
    # bylines: other prefixes before 'by', read times written out
    ("Commentary by Ruth Adeyemi", "byline"),
    ("7 minutes to read", "byline"),
    # picture credits in brackets with other labels
    ("A drone view of the bridge after the strike. (Still: video released by the navy)", "caption"),
    ("Smoke over the refinery on Sunday. (Screengrab: Telegram)", "caption"),
    # newsletters, sign-ups and money appeals
    ("Get our weekend digest of the war in Sudan", "newsletter"),
    ("Yes, sign me up", "newsletter"),
    ("The Baltic Brief arrives in your inbox each Tuesday.", "newsletter"),
    ("Enjoying our coverage? Become a member from £4 a month.", "newsletter"),
    ("Support independent journalism in Georgia", "newsletter"),
    ("Give once or give monthly", "newsletter"),
    ("Follow our Kharkiv bureau on Bluesky: @kharkivbureau", "newsletter"),
    # author and publication boxes
    ("About the authors: Mei Lin and Tomas Berg report from Taipei.", "author_box"),
    ("Frontline Notes is published each Monday and Thursday.", "author_box"),
    # consent notices, reference lists, report notes and disclaimers
    ("Cookies keep our journalism free. Got it", "other"),
    ("We and 140 partners access information on your device. Agree | Disagree", "other"),
    ("[12] https://www.mil.gov.ua/news/2025/03/16/strike-report", "other"),
    ("14. t.me/example_channel/551; www.example.org/report.pdf", "other"),
    ("www.example.org/sitrep-2025-03-16", "other"),
    ("Information cut-off: 18:00 local time, 16 March.", "other"),
    ("We do not comment on unconfirmed reports of casualties.", "other"),
    ("This interview first appeared in our Sunday magazine.", "other"),
    ("Data sources: ACLED, local authorities", "other"),
    ("Have a story? Send us your tips at the address below.", "other"),
])
def test_other_outlets_boilerplate(line: str, expected: str) -> None:
    assert kind(line) == expected


@pytest.mark.parametrize("line", [
    "Go to the shelters when the sirens sound, the governor urged residents.",
    "Show trials of captured fighters resumed in Donetsk on Monday, the ombudsman said.",
    "Channels used: Telegram, WhatsApp and Signal, the investigators found.",
    "Clicking sounds were heard before the blast, witnesses said.",
    "Shelling by Russian forces killed two people in Kherson.",
    "The strike hit a depot (the second this month) near the port, officials said.",
    "Get out now, the soldiers shouted as the shelling began.",
    "Complaints flooded the ministry's inbox after the decision, an official said.",
    "Germany pledged to donate 500 million euros a year to Kyiv's air defence.",
    "Support for the ceasefire fell to 30 percent, the poll found.",
    "Follow the river south and you reach the front line, soldiers said.",
    "The casualty list is published every week by the ministry.",
    "Volunteers handed out tea and cookies to residents sheltering in the metro.",
    "The video was posted on t.me/rybar, the channel said, and later deleted.",
    "The cut-off town had no water for a week, the mayor said.",
    "We do not know how many people are under the rubble, the mayor said.",
    "This report was compiled from satellite images, the monitors said.",
    "Data from the UN shows that 300 civilians were killed in March.",
    "Residents send tips about drone launches to the police, officials said.",
    "Recommended evacuation routes were closed by shelling on Tuesday.",
])
def test_body_sentences_of_the_new_rules_stay(line: str) -> None:
    assert kind(line) is None
    assert not rules().inline_teaser.match(line)
    assert not rules().teaser_marker.match(line)


@pytest.mark.parametrize("line", [
    "Also on Harbour Times", "From our archives", "Last week's briefings", "Yesterday's report",
])
def test_new_teaser_markers(line: str) -> None:
    assert rules().teaser_marker.match(line)


def test_also_in_place_sentence_is_no_teaser_marker() -> None:
    assert not rules().teaser_marker.match("Also in Kherson, two people were wounded by shelling")


@pytest.mark.parametrize("line", [
    "Don't miss: How Finland rebuilt its civil defence",
    "Podcast: Inside the siege of El Fasher",
    "Recommended: The drone war over the Black Sea",
])
def test_new_inline_teasers(line: str) -> None:
    assert rules().inline_teaser.match(line)


@pytest.mark.parametrize(("line", "names"), [
    ("Commentary by Ruth Adeyemi", ["Ruth Adeyemi"]),
    ("Live coverage by Mirela Stan and Jonas Weber", ["Mirela Stan", "Jonas Weber"]),
    ("By Ana Ruiz in Valencia and Tomás Ferreira in Porto | 3 March 2025",
     ["Ana Ruiz", "Tomás Ferreira"]),
    ("Shelling by Russian forces killed two people in Kherson.", []),
])
def test_byline_prefixes_and_places(line: str, names: list[str]) -> None:
    assert authors_from_line(line) == names


@pytest.mark.parametrize(("line", "names"), [
    ("Ingrid Solberg, Tomás Ferreira and Aiko Mori", ["Ingrid Solberg", "Tomás Ferreira", "Aiko Mori"]),
    ("Ingrid Solberg", ["Ingrid Solberg"]),
    ("Kharkiv Oblast, Sumy Oblast and Chernihiv Oblast", []),
    ("Harbour Times", []),
    ("Centre for Baltic Security", []),
])
def test_name_list_lines(line: str, names: list[str]) -> None:
    assert name_line(line) == names


@pytest.mark.parametrize(("line", "names"), [
    ("Tomás Ferreira, Lisbon · 3 March 2025 · 6 min read", ["Tomás Ferreira"]),
    ("Mei Lin and Tomas Berg | Updated 09:40", ["Mei Lin", "Tomas Berg"]),
    ("Kharkiv Oblast | 3 March 2025", []),
    ("Ana Ruiz | Energy reporter", []),
    ("Latest | Oldest | Key moments", []),
])
def test_byline_rows_without_by(line: str, names: list[str]) -> None:
    assert segmented_byline(line) == names


REPORT_PAGE = f"""Weekly Threat Picture: Kaliningrad, 10-16 March 2025
Centre for Baltic Security
Ingrid Solberg, Tomás Ferreira and Aiko Mori
March 17, 2025
Tap here to open the interactive map of reported incidents.
Information cut-off: 18:00 local time, 16 March.
{BODY_1}
{BODY_2}
We do not comment on unconfirmed reports of casualties.
[1] https://www.example.org/osce/2025/03/16
[2] t.me/example_channel/551
"""


def test_report_page_masthead_under_title_and_name_list() -> None:
    page = clean_page(REPORT_PAGE)
    assert page.title == "Weekly Threat Picture: Kaliningrad, 10-16 March 2025"
    assert page.authors == ["Ingrid Solberg", "Tomás Ferreira", "Aiko Mori"]
    assert page.published == "2025-03-17"
    assert page.publisher == "Centre for Baltic Security"
    assert page.body == [BODY_1, BODY_2]


COLUMN_PAGE = f""" date 2025-04-02 Go to content
Atlantic Sentinel
World | Europe | Defence
Drone strikes on the Black Sea coast: the week in numbers
Tomás Ferreira, Lisbon | April 2, 2025 at 08:10 | Updated 09:40
Pass it on: Viber / Signal / Email
{BODY_1}
{BODY_2}
Sea Watch is published each Wednesday. Send us your tips.
Tomás Ferreira tracks naval warfare for the Atlantic Sentinel.
Also on Atlantic Sentinel
April 1, 2025 · Navy says it sank two landing craft
March 30, 2025 · Port of Odesa reopens after strike
From the archive
March 2, 2025
Navy: 12 drone boats destroyed in a month
The navy said its crews destroyed 12 drone boats in February.
"""


def test_column_page_metadata_and_body() -> None:
    page = clean_page(COLUMN_PAGE)
    assert page.title == "Drone strikes on the Black Sea coast: the week in numbers"
    assert page.authors == ["Tomás Ferreira"]
    assert page.publisher == "Atlantic Sentinel"
    assert page.body == [BODY_1, BODY_2]
    kinds = {r.text: r.kind for r in page.removed}
    assert kinds["Go to content"] == "navigation"
    assert kinds["Tomás Ferreira tracks naval warfare for the Atlantic Sentinel."] == "author_box"
    assert kinds["Sea Watch is published each Wednesday. Send us your tips."] == "author_box"


def test_dated_teaser_rows_stay_apart_and_a_date_line_dates_the_next_teaser() -> None:
    teasers = [(s.text, s.date) for s in clean_page(COLUMN_PAGE).sections if s.kind == "teaser"]
    assert ("April 1, 2025 · Navy says it sank two landing craft", "2025-04-01") in teasers
    assert ("March 30, 2025 · Port of Odesa reopens after strike", "2025-03-30") in teasers
    assert ("Navy: 12 drone boats destroyed in a month\n"
            "The navy said its crews destroyed 12 drone boats in February.", "2025-03-02") in teasers


def test_author_box_needs_one_of_the_pages_own_authors() -> None:
    other = "Pavel Horak tracks naval warfare for the Kyiv Post, he told the court."
    page = clean_page(COLUMN_PAGE.replace("Also on Atlantic Sentinel", other + "\nAlso on X"))
    assert other in page.body


LIVE_ROWS_PAGE = f"""Delta Wire
Live: Floods and strikes in Odesa region
Live coverage by Mirela Stan and Jonas Weber
{BODY_1}
Latest first | Key moments only
09:05
Dam breach
{BODY_2}
Tanks | 9,912 | +4
"""


def test_live_controls_short_headlines_and_tables() -> None:
    page = clean_page(LIVE_ROWS_PAGE, published="2025-04-02")
    assert page.authors == ["Mirela Stan", "Jonas Weber"]
    assert "Latest first | Key moments only" not in page.body
    assert ("headline", "Dam breach") in [(s.kind, s.text) for s in page.sections]
    assert page.body == [BODY_1, BODY_2, "Tanks | 9,912 | +4"]  # a table row with figures stays


@pytest.mark.parametrize(("front", "lines", "name"), [
    ([], ["Sea Watch is published by the Atlantic Sentinel Group."], "Atlantic Sentinel"),
    ([], ["Mei Lin is the Harbour Times's Taipei correspondent.", "Harbour Times"], "Harbour Times"),
    # 'the Sentinel' is the masthead's name said short: its votes go to the full name
    (["Atlantic Sentinel"], ["Mei Lin is the Sentinel's Taipei correspondent."], "Atlantic Sentinel"),
])
def test_publisher_from_author_and_publication_boxes(
    front: list[str], lines: list[str], name: str
) -> None:
    text = [*front, BODY_1, *lines, BODY_2]
    assert best_publisher(publisher_candidates(text, front)) == name


def test_person_is_not_a_publisher() -> None:
    text = [BODY_1, "Mei Lin is a Taipei correspondent.", BODY_2]
    assert best_publisher(publisher_candidates(text, [])) is None


@pytest.mark.parametrize(("line", "expected"), [
    ("Image source, Getty Images", "caption"),
    ("Media caption, Footage shows the aftermath", "caption"),
    ("REUTERS/Gleb Garanich", "caption"),
    ("Photos: Ivan Petrenko", "caption"),
    ("Sources: General Staff, regional administrations", "caption"),
    ("Story continues below advertisement", "navigation"),
    ("Related Topics", "navigation"),
    ("Read this article in Ukrainian", "navigation"),
    ("Load more", "navigation"),
    ("3 new updates", "navigation"),
    ("Was this article helpful? Yes No", "navigation"),
    ("A+ A-", "navigation"),
    ("Translated from Russian by Olena Marchuk", "byline"),
    ("Last update: 14:20", "byline"),
    ("Join our WhatsApp channel for the latest", "newsletter"),
    ("Our journalism is free for everyone. Please consider a donation.", "newsletter"),
    ("Help us keep reporting from the front line", "newsletter"),
    ("Contact the reporters: desk@example.org", "author_box"),
    ("Disclaimer: the views expressed are the author's own.", "other"),
])
def test_common_page_furniture(line: str, expected: str) -> None:
    assert kind(line) == expected


@pytest.mark.parametrize("line", [
    "Images from the scene showed a crater in the courtyard, the police said.",
    "Sources in the ministry said 40 soldiers were killed in the strike.",
    "Advertisements for army contracts now promise bonuses of 2 million roubles.",
    "Read the report and you will see the numbers do not add up, he said.",
    "Translated into figures, the ministry's claim means 30 tanks a day.",
    "Help arrived only on the third day, residents said.",
    "Contact with the unit was lost on Tuesday, the brigade said.",
    "Our unit lost 12 men in the assault, the commander said.",
])
def test_body_sentences_near_page_furniture_stay(line: str) -> None:
    assert kind(line) is None
