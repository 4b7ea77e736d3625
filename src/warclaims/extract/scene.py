"""Where and when a claim happens when its sentence does not say: places named earlier, the
story's own scene, the dated event a count belongs to (SPEC section 6, Dates and Places)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc

from warclaims.extract import places
from warclaims.extract.lexicon import lexicon
from warclaims.extract.state import DocState, Speech, Unit
from warclaims.model import Location, Period, Quantity
from warclaims.util.dates import to_date

# Phrases that point back to a place named before ("the town", "there": not "there are").
PLACE_REFERENCE = re.compile(
    r"\b(?:the|that|this) (?:town|city|village|region|oblast|area|plant|site|port|district|"
    r"settlement|province|capital|front|sector|direction|same area|garrison)\b"
    r"|\bthere\b(?! (?:is|are|was|were|has|have|had|will|would|could|might|may)\b)",
    re.I,
)
# Phrases that point back to an event or figure named before ("the attack", "of them").
EVENT_REFERENCE = re.compile(
    r"\b(?:the|that|this) (?:attack|strike|strikes|siege|offensive|assault|operation|battle|"
    r"fighting|same period|force|total|figure|barrage|raid|wave)\b|\bof (?:them|those|that total)\b",
    re.I,
)


def refers_back(text: str) -> bool:
    """Whether the sentence takes its place from an earlier one: it names a place by a back
    reference, or continues an event or figure named before. 'of them' after a number of the
    same sentence points inside it; a running total ('since the offensive began') is not
    the event it counts from."""
    if PLACE_REFERENCE.search(text):
        return True
    for m in EVENT_REFERENCE.finditer(text):
        head = re.sub(r"\S+\s*$", "", text[:m.start()])  # without the quantifier ("28 of them")
        if m.group().lower().startswith("of ") and _NUMBER_BEFORE.search(head):
            continue
        if CUMULATIVE.search(text):
            continue
        return True
    return False


_NUMBER_BEFORE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)\b",
    re.I)


EVENT_METRICS = ("killed", "wounded", "missing", "launched", "intercepted")


CUMULATIVE = re.compile(
    r"\b(since|so far|in total|total|overall|to date|throughout|in all|cumulative|altogether|"
    r"war|invasion|campaign|conflict|month|year|years|months|weeks|daily|a day|per day|"
    r"average|averaged)\b",
    re.I,
)


# A count that runs over a long period, not one event ("since May 16", "so far").
RUNNING_TOTAL = re.compile(r"\b(?:since|so far|in total|to date|overall|altogether|cumulative)\b",
                           re.I)


# Local civil officials speak for the country where the claim happens; military ones may not.


# Counts small enough to belong to the story's own scene (a siege, a strike, a front sector).
LOCAL_COUNTS = {"captured": 5000, "killed": 1000, "wounded": 1000, "missing": 1000,
          "intercepted": 1000, "launched": 1000}


GENERIC_PLACE = re.compile(
    r"^(?:(?:in|across|near|at|around|outside|over|into|of) )?the "
    r"(region|oblast|province|city|town|village|plant|area|country|capital|district|territory|"
    r"strip|enclave|peninsula)\b(?! of [A-Z])",  # not "the village of Nekhoteevka"
    re.I,
)


# The same kinds of place named anywhere in a sentence ("the region's governor said"), but not
# a part of a place ("the city centre") or an office ("the region's administration").
GENERIC_MENTION = re.compile(
    r"\bthe (region|oblast|province|city|town|village|plant|area|district|territory|strip|"
    r"enclave|peninsula)\b(?!\s+(?:of|centre|center|council|administration|authorities|"
    r"police|hall|mayor|governor)\b)",
    re.I,
)


def same_kind(word: str, candidates: list[Location]) -> Location | None:
    """'the region' after a town is the town's region; 'the city' is the last town named.
    ``candidates``: places to look back over, nearest first."""
    word = word.lower()
    if word in ("region", "oblast", "province"):
        for loc in candidates:
            if loc.admin1:
                return Location(text=None, name=loc.admin1, admin1=loc.admin1,
                                country=loc.country)
    if word in ("city", "town", "village", "plant", "area", "district", "capital"):
        for loc in candidates:
            if loc.admin1 and loc.name != loc.admin1:
                return loc
    if word in ("territory", "strip", "enclave", "peninsula"):
        for loc in candidates:
            if loc.admin1 is None and loc.name:
                return loc
    if word == "country" and candidates:
        code = candidates[0].country
        country = places.Gazetteer.load().country(code)
        return Location(text=None, name=country.name if country else None, admin1=None,
                        country=code, lat=country.lat if country else None,
                        lon=country.lon if country else None)
    return None


# "It also said ...", "He added that ...": the speaker of the claim before goes on.
CONTINUATION = re.compile(
    r"^\s*(?:he|she|it|they)\s+(?:also\s+)?(?:said|says|added|adds|noted|reported|stated)\b",
    re.I,
)


def same_event(metric: str, earlier: str | None) -> bool:
    """Whether an earlier sentence speaks of the same kind of event ('the surrender of ...'
    before '771 fighters had surrendered')."""
    if not earlier:
        return False
    low = earlier.lower()
    return any(stem in low for stem in _metric_stems().get(metric, ()))


@cache
def _metric_stems() -> dict[str, frozenset[str]]:
    stems: dict[str, set[str]] = {}
    for phrase, metrics in lexicon().metric_words.items():
        if " " in phrase or len(phrase) < 5:
            continue
        for metric in metrics:
            stems.setdefault(metric, set()).add(phrase[:max(5, len(phrase) - 3)])
    return {m: frozenset(s) for m, s in stems.items()}


def lede_place(units: list[Unit], country: str | None) -> Location | None:
    """The most specific place of the story's first paragraph."""
    for unit in units:
        if unit.section == "body" and unit.sentence.paragraph == 0:
            loc = places.resolve_location(unit.sentence.text, country_hint=country)
            if loc is not None and loc.name and not GENERIC_PLACE.match(loc.text or ""):
                return loc
    return None


def section_place(unit: Unit, country: str | None) -> Location | None:
    """A teaser's summary line takes the place its headline names."""
    if not unit.context or unit.sentence.paragraph == 0:
        return None
    return places.resolve_location(unit.context, country_hint=country)


def is_event(metric: str, quantity: Quantity, text: str) -> bool:
    value = next((v for v in (quantity.low, quantity.high) if v is not None), None)
    return (metric in EVENT_METRICS and value is not None and value < 1000
            and not CUMULATIVE.search(text))


def content_only(text: str, sdoc: Doc, verb, anchor, country: str | None = None,
                 local_speaker: bool = False) -> str:
    """The sentence with its reporting frame blanked out ('In Seoul, a lawmaker said ...',
    '... telling reporters in Kinshasa that ...'): where a claim is made is not where it
    happened. A fronted place stays when it is in the story's country or when the speaker
    is its local official ("In Russia's Belgorod region, governor X said"). Offsets are kept."""
    if verb is None or verb.doc is not sdoc:
        return text
    content = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "dobj", "conj", "advcl")
               and anchor in c.subtree]
    if not content:
        return text  # no clear content clause: keep everything
    keep = {t.i for c in content for t in c.subtree}
    first = sdoc[0]
    if first.dep_ == "prep" and first.head.i == verb.i and (country or local_speaker):
        # "In Jabalia, the civil defence said ...": a fronted place in the story's country is
        # where it happened; "In Seoul, a lawmaker said ..." (abroad) is where it was said
        phrase = {t.i for t in first.subtree}
        place = places.resolve_location(sdoc[first.i:max(phrase) + 1].text, country_hint=country)
        if place is not None and (place.country == country or local_speaker):
            keep |= phrase
    chars = list(text)
    for t in verb.subtree:
        if t.i not in keep:
            for k in range(t.idx, min(t.idx + len(t.text), len(chars))):
                chars[k] = " "
    return "".join(chars)


def place_before(state: DocState, country: str | None) -> tuple[Location, int] | None:
    """The last place named in the body before the current sentence (resolved lazily)."""
    while state.before:
        sentence = state.before[-1]
        loc = places.resolve_location(sentence.text, country_hint=country)
        if loc is not None and not GENERIC_PLACE.match(loc.text or ""):
            state.place = (loc, sentence.paragraph)
            state.place_text = sentence.text
            state.history.append(loc)
            state.before.clear()
            break
        state.before.pop()
    return state.place


def event_time(
    info, metric: str, quantity: Quantity, text: str, unit: Unit, speech: Speech, state: DocState
):
    """A count tied to one dated event takes the event's period; 'He added' keeps the date."""
    statement_date, period = info.statement_date, info.period
    same_speaker = speech.claimant is not None and speech.claimant == state.claimant
    if (info.statement_text is None and same_speaker and state.statement_date
            and speech.verb is not None and speech.verb.lemma_ in ("add", "say", "note")
            and re.match(r"^(?:he|she|it|they)\b", text.strip(), re.I)):
        statement_date = state.statement_date
        if period.end == info.statement_date:
            period = replace(period, end=statement_date)
    state.claimant, state.statement_date = speech.claimant, statement_date
    value = next((v for v in (quantity.low, quantity.high) if v is not None), None)
    if unit.section != "body" or metric not in EVENT_METRICS or value is None or value >= 1000:
        return statement_date, period
    if period.text and period.start:
        if not CUMULATIVE.search(period.text) and not CUMULATIVE.search(text) and (
            days_between(period.start, period.end) <= 1
        ):
            state.event_period = period
            state.event_pending = True
        return statement_date, period
    if period.start is None and not CUMULATIVE.search(text):
        event = state.event_period
        if event is not None and statement_date and event.end and event.end <= statement_date:
            return statement_date, Period(event.start, event.end, None)
        if statement_date:
            return statement_date, Period(statement_date, statement_date, None)
    return statement_date, period


def days_between(start: str | None, end: str | None) -> int:
    """Days between two ISO dates (large when either is missing)."""
    a, b = to_date(start), to_date(end)
    return (b - a).days if a and b else 10**6
