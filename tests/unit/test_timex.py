"""Unit tests for warclaims.extract.timex (SPEC section 6 "Dates")."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from warclaims.errors import DataError
from warclaims.extract import timex
from warclaims.extract.timex import find_anchor_date, key_dates, parse_date, resolve_time
from warclaims.model import Period

DEV = Path("/work/shared/corpus/dev")

KI_DOC = (
    "Ukraine first began its surprise incursion into Kursk Oblast on Aug. 6. Ukrainian forces "
    "have been fighting to hold onto territory in the region ever since."
)


def _rt(sentence: str, doc_date: str | None = "2025-01-04", **kw):
    info = resolve_time(sentence, doc_date, **kw)
    return info.statement_date, info.period.start, info.period.end


# --------------------------------------------------------------------------- statement date


@pytest.mark.parametrize(
    ("sentence", "doc_date", "expected"),
    [
        ("Syrskyi said on Jan. 1 that Russia lost 38,000 troops.", "2025-01-04", "2025-01-01"),
        ("Zelensky said in his evening address on Jan. 4, citing the commander.", "2025-01-05",
         "2025-01-04"),
        ("The ministry said on Monday that 1,610 servicemen were lost.", "2024-08-12",
         "2024-08-12"),
        ("The ministry said on Saturday that 1,120 servicemen were lost.", "2024-08-12",
         "2024-08-10"),
        ("The governor said yesterday that 5 people were killed.", "2025-01-04", "2025-01-03"),
        ("The General Staff reported on Sunday evening that 1,020 soldiers were lost.",
         "2024-11-26", "2024-11-24"),
        ("Officials said Dec. 30 that 12 people died.", "2025-01-04", "2024-12-30"),
        ("On July 22 the ministry said four launchers had been destroyed.", "2022-09-29",
         "2022-07-22"),
        ("On Sunday, Syrskyi wrote on Facebook that 15,000 troops were put out of action.",
         "2025-02-06", "2025-02-02"),
        ("Yesterday afternoon, the interior minister said more than 20 civilians had been killed.",
         "2025-04-14", "2025-04-13"),
        ("In a speech on Oct. 18, 2021, he claimed that Hezbollah had 100,000 fighters.",
         "2024-09-28", "2021-10-18"),
        ("The Air Force said 50 drones were shot down.", "2024-11-24", "2024-11-24"),
        ("Officials said last month that 300 soldiers had been killed.", "2024-11-24", None),
        ("The group said in late December that 120 civilians had been killed.", "2024-02-01",
         None),
        ("The ministry said on Tuesday that 337 drones had been destroyed.", None, None),
        ("Putin said on Friday that 318,000 people had been mobilised.", None, None),
        ("The alliance said in a statement on January 31, 2024, that 6,000 troops surrendered.",
         None, "2024-01-31"),
        ("Forces shot down 21 drones on Tuesday night, U.S. Central Command said in a post on X "
         "early on Wednesday.", "2024-01-10", "2024-01-10"),
        ("On Thursday, he said, the brigade beat off an assault by up to a company.",
         "2025-02-08", "2025-02-08"),
        ("Moscow has not published a toll since Sept. 21, 2022, when Shoigu said 5,937 soldiers "
         "had been killed.", "2024-11-24", "2022-09-21"),
        ("Health ministry says 12 killed in pagers blast (Sept. 18)", "2024-09-24", "2024-09-18"),
    ],
)
def test_statement_date(sentence: str, doc_date: str | None, expected: str | None) -> None:
    assert resolve_time(sentence, doc_date).statement_date == expected


def test_statement_text_is_the_cue() -> None:
    info = resolve_time("Syrskyi said on Jan. 1 that 38,000 troops were lost.", "2025-01-04")
    assert info.statement_text == "Jan. 1"
    assert resolve_time("He said 5 were lost.", "2025-01-04").statement_text is None


def test_context_date_resolves_anaphora() -> None:
    s = "The spokesman said that day that 10 fighters had been killed."
    assert resolve_time(s, "2024-01-10").statement_date is None
    assert resolve_time(s, "2024-01-10", context_date="2023-12-31").statement_date == "2023-12-31"
    s2 = "The MNDAA said the following day that 2,389 soldiers had laid down their arms."
    assert resolve_time(s2, None, context_date="2024-01-04").statement_date == "2024-01-05"


def test_section_date_replaces_doc_date() -> None:
    s = "The Pentagon's policy chief told reporters on Monday that Russia lost 70,000 troops."
    assert _rt(s, "2022-09-29", section_date="2022-08-08")[0] == "2022-08-08"
    assert _rt(s, "2022-09-29")[0] == "2022-09-26"


# --------------------------------------------------------------------------- periods


@pytest.mark.parametrize(
    ("sentence", "doc_date", "start", "end"),
    [
        ("In battles yesterday and today near Makhnovka, the army lost up to a battalion, "
         "Zelensky said.", "2025-01-04", "2025-01-03", "2025-01-04"),
        ("Russia fired 188 drones overnight, the Air Force said.", "2024-11-26", "2024-11-25",
         "2024-11-26"),
        ("Russia lost 1,020 soldiers over the past day, the General Staff said.", "2024-11-24",
         "2024-11-23", "2024-11-24"),
        ("Russia lost 8,000 soldiers in the past 24 hours, officials said.", "2024-11-24",
         "2024-11-23", "2024-11-24"),
        ("About 200 had arrived in the past week alone, he said.", "2024-08-14", "2024-08-07",
         "2024-08-14"),
        ("Russia lost 9,000 troops over the last seven days, he said.", "2024-08-14",
         "2024-08-07", "2024-08-14"),
        ("Russia lost 5,000 troops in the past 10 days, he said.", "2024-08-14", "2024-08-04",
         "2024-08-14"),
        ("Four launchers were destroyed between July 5 and 20, the ministry said.", "2022-07-22",
         "2022-07-05", "2022-07-20"),
        ("Russia lost 400 troops between Sept. 28 and Oct. 2, the brigade said.", "2024-10-08",
         "2024-09-28", "2024-10-02"),
        ("Russia lost 3,000 soldiers from 1 to 7 December, the brigade said.", "2024-12-10",
         "2024-12-01", "2024-12-07"),
        ("Russia lost 45,680 troops in November, the update says.", "2024-12-05", "2024-11-01",
         "2024-11-30"),
        ("Russia lost 7,000 soldiers in January, he said.", "2025-02-06", "2025-01-01",
         "2025-01-31"),
        ("Russia lost 48,000 troops in December, he said.", "2025-01-04", "2024-12-01",
         "2024-12-31"),
        ("Russia lost 1,500 troops in November 2023, he said.", "2025-01-04", "2023-11-01",
         "2023-11-30"),
        ("Ukraine lost 560,000 troops in 2024, the minister said.", "2024-12-16", "2024-01-01",
         "2024-12-16"),
        ("Ukraine lost 560,000 troops this year, the minister said.", "2024-12-16", "2024-01-01",
         "2024-12-16"),
        ("Russia lost 95,000 soldiers since Feb. 24, 2022, the journalists said.", "2025-02-25",
         "2022-02-24", "2025-02-25"),
        ("Israeli forces have killed 10,000 fighters since Oct. 7, the minister said.",
         "2024-02-02", "2023-10-07", "2024-02-02"),
        ("Strikes since Monday morning have killed 558 people, the minister said on Tuesday.",
         "2024-09-24", "2024-09-23", "2024-09-24"),
        ("Russia has lost 860,000 troops since the start of the full-scale invasion.",
         "2025-02-25", "2022-02-24", "2025-02-25"),
        ("Russia has lost 700,000 troops since February 2022, the UK says.", "2024-11-10",
         "2022-02-24", "2024-11-10"),
        ("Six residents were injured this morning, the governor said.", "2024-12-25",
         "2024-12-25", "2024-12-25"),
        ("102 servicemen surrendered on Aug. 14, the SBU said on Thursday.", "2024-08-16",
         "2024-08-14", "2024-08-14"),
        ("Roughly 120,000 soldiers had died by the end of June 2024, Mediazona estimated.",
         "2024-07-05", None, "2024-06-30"),
        ("He said 859,920 troops had been lost in total.", "2025-02-16", None, "2025-02-16"),
        ("Ukraine lost 400 troops last week, the ministry said.", "2024-08-20", "2024-08-12",
         "2024-08-18"),
        ("Russia lost 900 troops last month, he said.", "2024-08-20", "2024-07-01", "2024-07-31"),
        ("Russia lost 100 tanks since early October, the institute says.", "2024-11-21", None,
         "2024-11-21"),
        ("Units suffered several hundred casualties since they entered combat this month, an "
         "official said.", "2024-12-16", None, "2024-12-16"),
        ("This week alone, the Russians have used 900 bombs, he wrote.", "2024-09-29",
         "2024-09-23", "2024-09-29"),
        ("Before this week, the fire that began on Oct. 8, 2023, had killed about 600 people.",
         "2024-09-24", "2023-10-08", "2024-09-22"),
    ],
)
def test_period(sentence: str, doc_date: str, start: str | None, end: str | None) -> None:
    _, got_start, got_end = _rt(sentence, doc_date)
    assert (got_start, got_end) == (start, end)


def test_period_end_defaults_to_statement_date() -> None:
    s = "Russia lost 1,610 servicemen since the fighting began, the ministry said on Jan. 1."
    sd, _, end = _rt(s, "2025-01-04")
    assert sd == end == "2025-01-01"


def test_stock_has_no_start() -> None:
    s = "Russia has stationed approximately 12,000 North Korean soldiers in the Kursk region."
    assert _rt(s, "2025-01-04", is_stock=True) == ("2025-01-04", None, "2025-01-04")
    s2 = "On Thursday, he said, the brigade beat off an assault by up to a company."
    assert _rt(s2, "2025-02-08", is_stock=True) == ("2025-02-08", None, "2025-02-06")


def test_event_date_sets_both_ends() -> None:
    s = "President Zelensky said 41 people had been killed."
    assert _rt(s, "2024-09-03", event_date="2024-09-03") == (
        "2024-09-03", "2024-09-03", "2024-09-03")
    assert _rt(s, "2024-09-03")[1] is None


def test_undated_document_keeps_relative_dates_none() -> None:
    s = "Air defences destroyed 337 drones overnight, the ministry said on Tuesday."
    assert _rt(s, None) == (None, None, None)


def test_quantity_text_picks_the_nearest_cue() -> None:
    s = ("Russian forces lost another 1,020 soldiers over the past day, bringing their total "
         "losses since the start of the full-scale invasion to 730,740, the General Staff said.")
    assert _rt(s, "2024-11-24", quantity_text="1,020")[1] == "2024-11-23"
    assert _rt(s, "2024-11-24", quantity_text="730,740")[1] == "2022-02-24"


def test_superlative_since_is_not_a_period() -> None:
    s = "Russia's December losses of 48,670 troops were the highest since the invasion began."
    assert _rt(s, "2025-01-01") == ("2025-01-01", "2024-12-01", "2024-12-31")


def test_context_period_is_taken_over_on_back_reference() -> None:
    prev = Period("2022-09-27", "2022-09-28", "over the past day")
    s = "He said five Ukrainian drones had been shot down over the same period."
    assert _rt(s, "2022-09-28", context_period=prev)[1:] == ("2022-09-27", "2022-09-28")
    s2 = "Air defences shot down 50 of them over Kyiv and Sumy oblasts."
    assert _rt(s2, "2024-11-24", context_period=prev)[1] == "2022-09-27"
    s3 = "The minister said 12 people, two of them children, were killed on Tuesday."
    assert _rt(s3, "2024-09-18", context_period=prev)[1] == "2024-09-17"
    assert _rt(s, "2022-09-28")[1] is None


def test_anaphoric_statement_ties_the_count_to_that_day() -> None:
    s = "The spokesman said that day that 10 of the group's fighters had been killed."
    assert _rt(s, "2024-01-10", context_date="2023-12-31") == (
        "2023-12-31", "2023-12-31", "2023-12-31")
    s2 = "Two days before the ministry's statement, the general estimated that Russia had 20,000."
    assert _rt(s2, "2022-11-17", context_date="2022-11-11")[0] == "2022-11-09"


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [("Jan. 23, 2024", None, "2024-01-23"), ("25 Aug 2024", None, "2024-08-25"),
     ("Nov. 26", "2024-12-25", "2024-11-26"), ("Dec. 30", "2025-01-04", "2024-12-30"),
     ("2024-03-01", None, "2024-03-01"), ("Nov. 26", None, None), ("no date here", None, None)],
)
def test_parse_date(text: str, ref: str | None, expected: str | None) -> None:
    assert parse_date(text, ref) == expected


def test_days_ago_uses_dateparser() -> None:
    s = "Russia lost 300 troops three days ago, the brigade said."
    assert _rt(s, "2024-08-14")[1:] == ("2024-08-11", "2024-08-11")


# --------------------------------------------------------------------------- anchors


def test_anchor_from_document_text() -> None:
    phrase = "since the beginning of Ukraine’s incursion into Russia’s Kursk Oblast"
    assert find_anchor_date(phrase, KI_DOC, "2025-01-04") == "2024-08-06"


def test_anchor_from_document_prefers_document_date() -> None:
    doc = "The agreement set out to end a war that began on Nov. 3, 2020. Ten weeks on, ..."
    assert find_anchor_date("in the two years of war", doc, "2023-01-16") == "2020-11-03"


@pytest.mark.parametrize(
    ("phrase", "doc_text", "expected"),
    [
        ("since Russia launched its full-scale invasion in February 2022", "", "2022-02-24"),
        ("since the start of the full-scale war", "", "2022-02-24"),
        ("since the fighting in the Kursk direction began", "", "2024-08-06"),
        ("since the Hamas attack", "", "2023-10-07"),
        ("since the war began", "Sudan's army and the RSF. Sudan. Darfur.", "2023-04-15"),
        ("since the offensive began", "Myanmar junta lost Shan towns. Myanmar.", "2023-10-27"),
        ("since the annexation of Crimea", "", "2014-03-18"),
        ("since the invasion began", "Ukraine and Russia. Kyiv. Moscow.", "2022-02-24"),
        ("since the incursion began", "Kursk region, Kursk Oblast, Sudzha.", "2024-08-06"),
        ("since the war began", "", None),
    ],
)
def test_anchor_from_key_dates(phrase: str, doc_text: str, expected: str | None) -> None:
    assert find_anchor_date(phrase, doc_text, "2025-01-04") == expected


def test_anchor_after_reference_date_is_not_used() -> None:
    assert find_anchor_date("since the Kursk incursion", "", "2024-01-01") is None


def test_key_dates_are_valid_and_cover_the_required_events() -> None:
    by_id = {k.id: k for k in key_dates()}
    assert by_id["ukr_full_scale_invasion"].date == "2022-02-24"
    assert by_id["kursk_incursion"].date == "2024-08-06"
    assert by_id["oct7_hamas_attack"].date == "2023-10-07"
    assert by_id["sudan_war"].date == "2023-04-15"
    assert by_id["operation_1027"].date == "2023-10-27"
    assert by_id["tigray_war"].date == "2020-11-04"
    assert all(k.note and k.aliases for k in by_id.values())
    for k in by_id.values():
        assert all(not re.search(r"[\\\[\]()*+?|^$]", a) for a in k.aliases), k.id


def test_bad_key_date_raises_data_error() -> None:
    with pytest.raises(DataError):
        timex._key_date({"id": "x", "name": "x", "date": "2024-13-01", "aliases": ["x"],
                         "note": "x"}, 0)
    with pytest.raises(DataError):
        timex._key_date({"id": "x", "name": "x", "date": "2024-01-01", "aliases": [],
                         "note": "x"}, 0)


# --------------------------------------------------------------------------- dev gold agreement

_RX_DATE_LINE = re.compile(
    r"^\s*(?:\w+day,?\s+)?(?:[A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+\.? \d{4})\s*$")


def _doc_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".html":
        raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
        raw = re.sub(r"<[^>]+>", "\n", raw)
        raw = re.sub(r"[ \t]*\n\s*", "\n", raw).replace("&amp;", "&")
    return raw


def _section_date(raw: str, text: str, evidence: str) -> str | None:
    """The date printed with the teaser (its own list item, or a date line just above it)."""
    key = evidence[:40]
    pos = raw.find(key)
    if pos >= 0 and "<" in raw[:pos]:
        start = max(raw.rfind("<li", 0, pos), raw.rfind('<div class="teaser', 0, pos))
        end = min(x for x in (raw.find("</li>", pos), raw.find("</div>", pos), len(raw))
                  if x >= 0)
        block = raw[start:end]
        m = re.search(r'datetime="(\d{4}-\d{2}-\d{2})', block)
        return m[1] if m else parse_date(re.sub(r"<[^>]+>", " ", block).replace(key, " "))
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if key in line:
            for j in (i - 1, i - 2, i - 3):
                if 0 <= j < len(lines) and _RX_DATE_LINE.match(lines[j]):
                    return parse_date(lines[j])
            return None
    return None


def _previous_sentence_date(text: str, evidence: str, published: str | None) -> str | None:
    """What a caller passes as context_date: the day the sentence before is about."""
    pos = text.find(evidence[:40])
    if pos <= 0:
        return None
    before = timex._sentences(text[:pos])
    prev = before[-1] if before else ""
    if not prev:
        return None
    info = resolve_time(prev, published, doc_text=text)
    if info.period.start and info.period.start == info.period.end:
        return info.period.start
    return info.statement_date


_STOCK = re.compile(r"\b(?:hold|holds|held|still|are missing|remain missing|stationed)\b", re.I)


def _is_stock(claim: dict) -> bool:
    """Deployments, and holdings the sentence marks as such whose gold period has no start."""
    if claim["metric"] == "deployed":
        return True
    return (claim["metric"] in ("captured", "missing") and claim["period"]["start"] is None
            and bool(_STOCK.search(claim["evidence"]["text"])))


def _agreement() -> tuple[dict[str, float], list[str]]:
    fields = {"statement_date": 0, "start": 0, "end": 0}
    total = 0
    misses: list[str] = []
    for gold_path in sorted(DEV.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc_path = next(p for p in DEV.glob(gold["doc_id"] + ".*") if not p.name.endswith("json"))
        raw = doc_path.read_text(encoding="utf-8", errors="replace")
        text = _doc_text(doc_path)
        published = gold["meta"].get("published")
        previous: str | None = None  # what the caller would pass: the last resolved date
        last_period = None  # and the period of the claim before
        for claim in gold["claims"]:
            ev = claim["evidence"]["text"]
            teaser = claim.get("section") == "teaser"
            section_date = _section_date(raw, text, ev) if teaser else None
            previous = _previous_sentence_date(text, ev, published) or previous
            info = resolve_time(ev, published, doc_text=text, is_stock=_is_stock(claim),
                                section_date=section_date, context_date=previous,
                                context_period=last_period,
                                quantity_text=claim["quantity"]["text"])
            previous = info.statement_date or previous
            last_period = info.period
            got = {"statement_date": info.statement_date, "start": info.period.start,
                   "end": info.period.end}
            want = {"statement_date": claim["statement_date"],
                    "start": claim["period"]["start"], "end": claim["period"]["end"]}
            total += 1
            for f in fields:
                fields[f] += got[f] == want[f]
            if got != want:
                misses.append(f"{gold['doc_id']}: got {got} want {want} :: {ev[:110]}")
    return {f: n / total for f, n in fields.items()}, misses


def test_dev_gold_agreement(capsys: pytest.CaptureFixture[str]) -> None:
    if not DEV.exists():
        pytest.skip("dev corpus not available")
    scores, misses = _agreement()
    with capsys.disabled():
        print("\ntimex dev agreement:", {k: round(v, 3) for k, v in scores.items()},
              f"({len(misses)} claims differ)")
    # Floors at what the rules reach without event_date hints (see the module docstring):
    # most remaining start misses are counts tied to the article's main dated event.
    assert scores["statement_date"] >= 0.92
    assert scores["start"] >= 0.77
    assert scores["end"] >= 0.87


def test_wire_dateline_is_not_the_period_of_the_count() -> None:
    info = resolve_time("KYIV, Feb 16 (Reuters) - More than 46,000 soldiers have been killed since "
                        "Russia launched its full-scale invasion in February 2022, he said.",
                        "2025-02-16")
    assert info.period.start == "2022-02-24"


def test_since_a_named_day_wins_over_its_early_hours() -> None:
    info = resolve_time("The ministry said on Thursday that 71 servicemen had been killed since "
                        "the fighting erupted in the early hours of Tuesday.", "2022-09-15")
    assert (info.period.start, info.period.end) == ("2022-09-13", "2022-09-15")


def test_a_date_in_a_relative_clause_describes_its_noun_not_the_count() -> None:
    info = resolve_time("The ship, which entered service in 2022, was hit by five drones, the "
                        "agency said.", "2024-03-05", quantity_text="five")
    assert info.period.start is None
    info = resolve_time("Strikes killed 12 people in the city, which rebels have held since 2015.",
                        "2024-11-30", quantity_text="12")
    assert info.period.start is None
