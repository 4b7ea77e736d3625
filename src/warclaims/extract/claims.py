"""From a cleaned document to its claims (SPEC section 4).

Only sentences that hold a candidate number and a trigger word are parsed with spaCy; each
number is read (semantics), attributed (attribution), given a subject (subjects), dated
(timex) and placed (places). Headlines, key points and teaser headlines that repeat a
figure become mentions of the claim they repeat, not claims of their own.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc

from warclaims.clean.lines import numbers_in
from warclaims.extract import parties as P
from warclaims.extract import places, timex
from warclaims.extract.attribution import LOCAL_OFFICIAL, DocContext, Speech, resolve, speakers
from warclaims.extract.lexicon import lexicon
from warclaims.extract.nlp import full
from warclaims.extract.quantities import QuantitySpan, find_quantities
from warclaims.extract.scene import (
    CONTINUATION,
    CUMULATIVE,
    GENERIC_MENTION,
    GENERIC_PLACE,
    LOCAL_COUNTS,
    RUNNING_TOTAL,
    content_only,
    event_time,
    is_event,
    lede_place,
    place_before,
    refers_back,
    same_event,
    same_kind,
    section_place,
)
from warclaims.extract.semantics import (
    anchor_token,
    blocked,
    people_word,
    read_number,
    total_of_subset,
    triggers,
)
from warclaims.extract.sentences import Sentence, split
from warclaims.extract.state import DocState, Unit
from warclaims.extract.subjects import subject_of
from warclaims.extract.tally import TallyItem, tally_items
from warclaims.model import Claim, Document, Evidence, Location, Mention, Period, Quantity

BATCH_SIZE = 16  # documents whose candidate sentences are parsed in one spaCy call
PERSONNEL_LOSSES = frozenset({"killed", "wounded", "casualties", "captured", "missing"})
MENTION_SECTIONS = ("headline", "key_points")
_FOOTNOTE = re.compile(r"(?:\[\d+\])+$")
_LEADING_LABEL = re.compile(r"^(?:[A-Z][\w ]{1,20}:\s+)(?=[A-Z\"“])")


def extract_claims(document: Document) -> list[Claim]:
    """The claims of one document."""
    return next(iter(extract_claims_many([document])))


def extract_claims_many(documents: Iterable[Document],
                        batch_size: int = BATCH_SIZE) -> Iterator[list[Claim]]:
    """The claims of each document, in order. The candidate sentences of ``batch_size``
    documents at a time are parsed in one spaCy call, which saves spaCy's fixed cost per call
    (about 1 ms here) and lets its matrix products run on larger batches."""
    batch: list[_Prepared] = []
    for document in documents:
        batch.append(_prepare(document))
        if len(batch) >= batch_size:
            yield from _finish_batch(batch)
            batch = []
    if batch:
        yield from _finish_batch(batch)


@dataclass(frozen=True)
class _Prepared:
    """A document read up to its parse: sentences, tally lines and candidate numbers."""

    document: Document
    units: list[Unit]
    tallies: dict[int, list[TallyItem]]
    cands: list[tuple[Unit, list[QuantitySpan]]]


def _prepare(document: Document) -> _Prepared:
    units = _units(document)
    tallies = {id(u): items for u in units if u.section != "headline"
               and (items := tally_items(u.sentence.text))}
    cands = [(u, qs) for u in units if id(u) not in tallies and not u.mention_only
             and (qs := _candidates(u.sentence.text))]
    return _Prepared(document, units, tallies, cands)


def _finish_batch(batch: list[_Prepared]) -> Iterator[list[Claim]]:
    texts = [u.sentence.text for p in batch for u, _ in p.cands]
    parsed = list(full().pipe(texts)) if texts else []
    for text, doc in zip(texts, parsed, strict=True):
        doc.user_data["warclaims_text"] = text  # what text_of() would rebuild from the tokens
    docs = iter(parsed)
    for p in batch:
        yield _finish(p, [next(docs) for _ in p.cands])


def _finish(prep: _Prepared, docs: list[Doc]) -> list[Claim]:
    """The claims of a prepared document, given the parses of its candidate sentences."""
    document, units, tallies, cands = prep.document, prep.units, prep.tallies, prep.cands
    if not cands and not tallies:
        return []
    timex.new_document()
    places.new_document()
    country = places.country_from_sentences([u.sentence.text for u in units if u.section == "body"])
    ctx = DocContext.of(document.text, document.published, document.publisher, country)
    parsed = {id(u): d for (u, _), d in zip(cands, docs, strict=True)}
    state = DocState()
    state.doc_parties = _doc_parties(document.text)
    state.lede_place = lede_place(units, country)
    raw: list[Claim] = []
    by_unit = {id(u): (qs, d) for (u, qs), d in zip(cands, docs, strict=True)}
    for n, unit in enumerate(units):
        if id(unit) in tallies:
            raw.extend(_tally_claims(document, units, n, tallies[id(unit)], ctx, state, parsed))
            continue
        if id(unit) not in by_unit:
            if unit.section == "body":
                state.before.append(unit.sentence)
            continue
        quants, sdoc = by_unit[id(unit)]
        speech = _speech(unit, sdoc, ctx, parsed, units, n)
        state.speech = speech
        anchors = [anchor_token(sdoc, q.num_start, q.num_end) for q in quants]
        found = triggers(sdoc)
        first = len(raw)
        for q, anchor in zip(quants, anchors, strict=True):
            if anchor is None:
                continue
            others = frozenset(a.i for a in anchors if a is not None and a.i != anchor.i)
            claim = _claim(document, unit, sdoc, q, anchor, others, found, quants, speech,
                           country, state)
            if claim is not None:
                raw.append(claim)
                state.subject = claim.subject
        raw[first:] = _without_sums(raw[first:])
    return _add_mentions(_merge(raw), [u for u in units if u.mention_only])


def _add_mentions(claims: list[Claim], units: list[Unit]) -> list[Claim]:
    """Headlines, key points and teaser headlines that repeat a claim's figure: mentions."""
    for unit in units:
        text = unit.sentence.text
        for q in _candidates(text):
            for i, c in enumerate(claims):
                if (c.quantity.low, c.quantity.high) == (q.quantity.low, q.quantity.high):
                    ev = Evidence(text, unit.sentence.start, unit.sentence.end)
                    claims[i] = replace(c, mentions=(*c.mentions, Mention(unit.section, ev)))
                    break
    return claims


_REPORTS = re.compile(
    r"\b(?:said|says|reported|reports|according to|stated|states|claimed|claims|announced|"
    r"wrote|writes|published|listed|put|gave)\b", re.I)


def _tally_claims(
    document: Document, units: list[Unit], n: int, items: list[TallyItem], ctx: DocContext,
    state: DocState, parsed: dict,
) -> list[Claim]:
    """Claims of a tally line; the sentence before it says who counts and since when."""
    unit = units[n]
    intro = units[n - 1] if n > 0 and units[n - 1].section == unit.section else None
    head = unit.sentence.text.split(":", 1)[0]
    if ":" in unit.sentence.text and _REPORTS.search(head):
        # "The General Staff said Russia's losses stood at: tanks - 9,423; ...": its own intro
        sentence = Sentence(head, unit.sentence.start, unit.sentence.start + len(head),
                            unit.sentence.paragraph, None)
        intro = Unit(sentence, unit.section, unit.base, unit.section_date)
    speech = state.speech
    period_source = unit.sentence.text
    subject: tuple[str, ...] | None = None
    if intro is not None:
        idoc = parsed.get(id(intro)) or full()(intro.sentence.text)
        intro_speech = _speech(intro, idoc, ctx, parsed, units, n - 1 if intro is units[n - 1]
                               else None)
        if intro_speech.claimant is not None:
            speech = intro_speech
        period_source = f"{intro.sentence.text} {unit.sentence.text}"
        codes = sorted({m.code for m in P.parties_in(intro.sentence.text) if m.code})
        side = speech.claimant.side if speech and speech.claimant else None
        codes = [c for c in codes if c != side]
        subject = tuple(codes) if codes else None
    side = speech.claimant.side if speech and speech.claimant else None
    if subject is None:
        adv = P.adversary(side)
        subject = state.subject or ((adv,) if adv else ())
    info = timex.resolve_time(period_source, document.published, doc_text=document.text,
                              section_date=unit.section_date)
    out = []
    text = unit.sentence.text
    for item in items:
        metric = "casualties" if item.object == "personnel" else "equipment_lost"
        start = (unit.base + unit.sentence.start) if unit.base >= 0 else unit.sentence.start
        evidence = Evidence(text, start, start + len(text))
        out.append(Claim(
            doc_id=document.doc_id,
            claim_id=hashlib.sha1(
                f"{document.doc_id}|{unit.section}|{start}|{item.quantity.start}|{metric}".encode()
            ).hexdigest(),
            metric=metric, population="military", object=item.object, subject=subject,
            quantity=item.quantity.quantity, claimant=speech.claimant if speech else None,
            cited_source=speech.cited if speech else None, statement_date=info.statement_date,
            period=info.period, location=None, section=unit.section, evidence=evidence,
            confidence=0.8,
        ))
    return out


def _units(document: Document) -> list[Unit]:
    out = [Unit(s, "body", 0) for s in split(document.text)]
    for sec in document.sections:
        kind = "teaser" if sec.kind == "teaser" else "key_points"
        if sec.kind == "headline":
            kind = "headline"
        lines = split(sec.text)
        for n, s in enumerate(lines):
            # a teaser's headline line repeats its summary line: a mention, not parsed
            rest = " ".join(x.text for x in lines if x.paragraph > 0)
            only = kind != "teaser" or (
                n == 0 and bool(rest) and numbers_in(s.text) <= numbers_in(rest)
            )
            others = " ".join(x.text for x in lines if x is not s)
            out.append(Unit(s, kind, -1, sec.date, only, others))
    if document.title:
        for s in split(document.title):
            out.append(Unit(s, "headline", -1, None, True))
    return out


def _candidates(text: str) -> list[QuantitySpan]:
    """The numbers of a sentence worth parsing for (cheap test before spaCy)."""
    low = text.lower()
    if not any(w in low for w in _trigger_stems()):
        return []
    return [q for q in find_quantities(text) if q.excluded is None
            and not (text[q.start - 1:q.start] == "[" and text[q.end:q.end + 1] == "]")]


@cache
def _trigger_stems() -> tuple[str, ...]:
    """First letters of every trigger word: a sentence without any is never parsed."""
    return tuple(sorted({w.split()[0][:5] for w in lexicon().metric_words}))


def _speech(
    unit: Unit, sdoc: Doc, ctx: DocContext, parsed: dict, units: list[Unit], n: int | None
) -> Speech:
    """The attribution of ``unit`` (``units[n]`` when it is one of them), looking into its
    quotation or the previous sentence of its paragraph when it names no speaker itself."""
    on = ctx.date
    ctx.position = unit.sentence.start if unit.base >= 0 else len(ctx.text)
    claimant_span, cited_span, verb = speakers(sdoc)
    if claimant_span is None and unit.sentence.quote_group is not None:
        # a sentence inside a multi-sentence quotation: the speaker is named elsewhere in it
        for other in units:
            if other.sentence.quote_group == unit.sentence.quote_group and other is not unit:
                odoc = parsed.get(id(other)) or full()(other.sentence.text)
                claimant_span, cited2, verb = speakers(odoc)
                cited_span = cited_span or cited2
                if claimant_span is not None:
                    break
    if claimant_span is None and unit.sentence.quote_group is None and unit.section == "body":
        # the paragraph goes on reporting what its previous sentence attributed
        prev = _previous_in_paragraph(n, units) if n is not None else None
        if prev is not None:
            pdoc = parsed.get(id(prev)) or full()(prev.sentence.text)
            parsed[id(prev)] = pdoc
            ctx.position = prev.sentence.start
            claimant_span, cited2, _ = speakers(pdoc)
            cited_span = cited_span or cited2
            ctx.position = unit.sentence.start
    claimant = resolve(claimant_span, ctx, on)
    cited = resolve(cited_span, ctx, on)
    if cited is not None and claimant is not None and cited == claimant:
        cited = None
    return Speech(claimant, cited, verb)


def _scene_location(location: Location | None, text: str, unit: Unit, metric: str,
                    q: QuantitySpan, speech: Speech, state: DocState,
                    country: str | None) -> Location | None:
    """A body claim's place when its sentence names none itself (or only 'the region'):
    the kind of place it points back to, the place of the claim before when its speaker goes
    on ('It also said'), the place before it in its paragraph or that a back reference or the
    same event names, the event it continues, or the story's own place for a local count."""
    generic = location is not None and GENERIC_PLACE.match(location.text or "")
    if location is not None and not generic:
        state.place = (location, unit.sentence.paragraph)
        state.place_text = None  # a claim's own place: no narrative event to continue
        state.history.append(location)
        state.before.clear()
        return location
    if location is None and _MANY_REGIONS.search(text):
        return None  # "at eight regions": the whole country, settled once the subject is known
    word = generic.group(1) if generic else (
        m.group(1) if location is None and (m := GENERIC_MENTION.search(text)) else None)
    found = place_before(state, country)
    if word:
        # "the health ministry in Gaza said ... in the territory": the frame names it
        frame = places.resolve_location(text, country_hint=country)
        looked = [frame] if frame is not None and not GENERIC_PLACE.match(frame.text or "") else []
        named = places.place_in_name(speech.claimant.name, country_hint=country) if (
            speech.claimant is not None and speech.claimant.name
            and P.organisation_info(speech.claimant.name) is not None) else None
        looked += [named] if named is not None else []  # "the Gaza Health Ministry ... territory"
        looked += list(reversed(state.history or ([found[0]] if found else [])))
        kind = same_kind(word, looked) if looked else None
        if kind is not None or (generic and found is not None):
            return kind or location
    inherited = _inherited(text, unit, metric, q, speech, state, found)
    if inherited is not None:
        state.place = (inherited, unit.sentence.paragraph)  # the paragraph goes on about it
        return inherited
    if LOCAL_COUNTS.get(metric, 0) > (q.quantity.low or q.quantity.high or 0) and (
        state.lede_place is not None and not CUMULATIVE.search(text)
        and unit.sentence.paragraph <= 3
    ):
        return state.lede_place  # the place the story is about
    return location


def _goes_on(text: str, speech: Speech, state: DocState) -> bool:
    """'He added that ...', 'It also said ...': the speaker of the claim before goes on."""
    return speech.claimant is not None and speech.claimant == state.claimant and bool(
        CONTINUATION.match(text))


def _inherited(text: str, unit: Unit, metric: str, q: QuantitySpan, speech: Speech,
               state: DocState, found: tuple[Location, int] | None) -> Location | None:
    """The place an earlier sentence gives this one (SPEC 6: back reference, same event)."""
    if state.claim_place is not None and _goes_on(text, speech, state):
        return state.claim_place  # "It also said ten servicemen had surrendered"
    if found is not None and (found[1] == unit.sentence.paragraph or refers_back(text)):
        return found[0]
    if found is not None and unit.sentence.paragraph - found[1] <= 1 and same_event(
            metric, state.place_text) and not RUNNING_TOTAL.search(text):
        return found[0]  # "the surrender at the plant in Mariupol" ... "771 had surrendered"
    if state.event_place is not None and is_event(metric, q.quantity, text) and (
        unit.sentence.paragraph - state.event_paragraph <= 1
    ):
        return state.event_place  # the same event, told in the next paragraph
    return None


def _previous_in_paragraph(i: int, units: list[Unit]) -> Unit | None:
    unit = units[i]
    if i > 0 and units[i - 1].section == unit.section and (
        units[i - 1].sentence.paragraph == unit.sentence.paragraph
    ):
        return units[i - 1]
    return None


def _claim(
    document: Document, unit: Unit, sdoc: Doc, q: QuantitySpan, anchor, others: frozenset[int],
    found: list, quants: list[QuantitySpan], speech: Speech, country: str | None,
    state: DocState,
) -> Claim | None:
    """The claim of the number ``q`` (its token ``anchor``) of a parsed sentence, if any."""
    reading = read_number(sdoc, anchor, found, other_anchors=others, context_object=state.object)
    q_next = min((o.start for o in quants if o.start > q.start), default=len(unit.sentence.text))
    year = int(document.published[:4]) if document.published else None
    if reading is None or blocked(sdoc, reading, q.start, q.end, q_next, doc_year=year):
        return None
    if reading.object in ("drone", "missile") and total_of_subset(unit.sentence.text, q.start):
        reading = replace(reading, metric="launched")  # "14 of 16 missiles shot down": 16 fired
    if q.quantity.unit == "percent" and reading.noun is None:
        return None  # a share of nothing named ("a key rate of 7.5 percent")
    state.object = reading.object
    text = unit.sentence.text
    local = speech.claimant is not None and bool(
        LOCAL_OFFICIAL.search(f"{speech.claimant.role or ''} {speech.claimant.name or ''}"))
    content = content_only(text, sdoc, speech.verb, anchor, country, local_speaker=local)
    location = places.resolve_location(content, country_hint=country, anchor=q.start) or (
        places.parts_location(text, anchor=q.start, country_hint=country)) or (
        _where_place(text, q.start, country))
    if location is not None and GENERIC_PLACE.match(location.text or ""):
        # "shelled 11 settlements in the region, killing one man in Huliaipole": the named place
        start = content.find(location.text)
        named = places.resolve_location(
            content[:start] + " " * len(location.text) + content[start + len(location.text):],
            country_hint=country, anchor=q.start) if start >= 0 else None
        location = named or location
    if unit.section == "body":
        location = _scene_location(location, text, unit, reading.metric, q, speech, state,
                                   country)
    elif location is None and unit.section == "teaser":
        location = section_place(unit, country)
    speech = _with_local_side(speech, location, country)
    # numbers of one kind in one sentence share a subject ("59 Ukrainian drones ..., 28 over ...")
    # personnel losses of one sentence are one side's ("1,351 killed and 3,825 wounded")
    kind = "loss" if reading.metric in PERSONNEL_LOSSES else reading.metric
    sentence_key = (unit.sentence.start, reading.object == "personnel", kind)
    side = speech.claimant.side if speech.claimant else None
    subject = subject_of(reading, claimant_side=side,
                         place_country=location.country if location else country,
                         previous_fired=state.fired, own_party=_party_of(speech.claimant),
                         doc_parties=state.doc_parties,
                         same_sentence=state.sentence_subject.get(sentence_key)
                         if unit.section in ("body", "teaser") else None,
                         place_targeted=_targeted(location, text))
    state.sentence_subject.setdefault(sentence_key, subject)
    if location is None or GENERIC_PLACE.match(location.text or ""):
        location = _many_regions(text, reading.metric, subject) or location
    if reading.metric == "launched":
        state.fired = subject
    if reading.population is None and reading.object == "personnel" and _state_loser(sdoc, subject):
        reading = replace(reading, population="military")
    if reading.object == "personnel" and unit.section == "body":
        # "41 people killed and more than 180 injured": the bare count is the same people
        key = unit.sentence.start
        if (reading.noun is None or people_word(reading.noun)) and key in state.sentence_population:
            reading = replace(reading, population=state.sentence_population[key])
        state.sentence_population.setdefault(key, reading.population)
    info = timex.resolve_time(
        text, document.published, doc_text=document.text,
        is_stock=reading.metric == "deployed", section_date=unit.section_date,
        quantity_text=q.quantity.text, context_date=state.date, context_period=state.period,
    )
    continues = _goes_on(text, speech, state)
    statement_date, period = event_time(info, reading.metric, q.quantity, text, unit, speech,
                                         state)
    if continues and info.period.text is None and state.period is not None and (
            reading.metric != "deployed"):
        period = Period(state.period.start, state.period.end, None)  # over the same period
    if state.event_pending:
        state.event_pending = False
        state.event_place = location or (state.history[-1] if state.history else None)
        state.event_paragraph = unit.sentence.paragraph
    state.period, state.date = period, statement_date
    state.claim_place = location
    evidence_text = _FOOTNOTE.sub("", _LEADING_LABEL.sub("", text))
    shift = len(text) - len(evidence_text)
    start = unit.base + unit.sentence.start + shift if unit.base >= 0 else unit.sentence.start + shift
    evidence = Evidence(evidence_text, start, start + len(evidence_text))
    quantity: Quantity = q.quantity
    return Claim(
        doc_id=document.doc_id,
        claim_id=hashlib.sha1(
            f"{document.doc_id}|{unit.section}|{evidence.start}|{evidence_text}|{q.start}|"
            f"{reading.metric}".encode()
        ).hexdigest(),
        metric=reading.metric, population=reading.population, object=reading.object,
        subject=subject, quantity=quantity, claimant=speech.claimant,
        cited_source=speech.cited, statement_date=statement_date, period=period,
        location=location, section=unit.section, evidence=evidence,
        confidence=_confidence(reading, speech, q),
    )


_OFFICIAL = re.compile(
    r"\b(mayor|governor|lawmaker|legislator|police|prosecutor|administration|council|"
    r"emergency|civil defen[cs]e|regional|city|governorate|municipal\w*|local authorities)\b",
    re.I,
)


def _with_local_side(speech: Speech, location: Location | None, country: str | None) -> Speech:
    """An official with no stated nationality speaks for the country the claim happens in
    ('Mayor Ihor Terekhov' in Kharkiv: UKR)."""
    c = speech.claimant
    if c is None or c.side is not None:
        return speech
    words = f"{c.role or ''} {c.name or ''}"
    if not _OFFICIAL.search(words) or P.organisation_info(c.name or "") is not None:
        return speech
    side = (location.country if location else None) or country
    if side is None or (P.party_info(side) and P.party_info(side).kind != "state"):
        return speech
    return replace(speech, claimant=replace(c, side=side))


_MANY_REGIONS = re.compile(
    r"\b(?:over|across|at|in|on|of) (?:the )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|several|multiple|many|a dozen|dozens of) (?:regions|oblasts|provinces|"
    r"districts|governorates)\b", re.I)


def _many_regions(text: str, metric: str, subject: tuple[str, ...]) -> Location | None:
    """'over ten regions', 'at eight regions': the whole country those regions belong to, which
    for launched or intercepted munitions is the target, the adversary of those who fired."""
    m = _MANY_REGIONS.search(text)
    if not m:
        return None
    code = None
    if metric in ("launched", "intercepted") and len(subject) == 1:
        code = P.adversary(subject[0])
    if code is None:
        states = [x.code for x in P.parties_in(text) if x.code and (info := P.party_info(x.code))
                  and info.kind == "state"]
        code = states[0] if states else None
    place = places.Gazetteer.load().country(code) if code else None
    if place is None:
        return None
    return Location(text=m.group(0), name=place.name, admin1=None, country=code,
                    lat=place.lat, lon=place.lon)


def _targeted(location: Location | None, text: str) -> bool:
    """Whether the claim's place is what was fired at ('aimed at the capital', 'into Israel')."""
    if location is None or not location.text:
        return False
    name = re.sub(r"^(?:in|near|at|over|into|to|across|on)\s+", "", location.text, flags=re.I)
    return re.search(rf"\b(?:at|into|toward|towards|against|on)\s+{re.escape(name)}", text,
                     re.I) is not None


def _without_sums(claims: list[Claim]) -> list[Claim]:
    """'129 conscripts ...: 84 are listed as missing and 45 taken prisoner': a figure that is
    the sum of two later figures of its sentence counting different things is no claim of its
    own (SPEC section 6, sums); '35 drones, 21 over X and 14 over Y' is a claim with parts."""
    def value(c: Claim) -> float | None:
        return c.quantity.low if c.quantity.qualifier == "exact" else None

    out = []
    for i, c in enumerate(claims):
        total = value(c)
        later = [o for o in claims[i + 1:] if value(o) and o.quantity.unit == c.quantity.unit]
        if total is not None and total >= 10 and any(
                value(a) + value(b) == total and a.metric != b.metric  # type: ignore[operator]
                for j, a in enumerate(later) for b in later[j + 1:]):
            continue
        out.append(c)
    return out


_WHERE = re.compile(r",\s+where\b")


def _where_place(text: str, at: int, country: str | None) -> Location | None:
    """'... including Gaza, where the ministry says 34,000 have been killed': the place the
    'where' clause holding the number is about."""
    wheres = list(_WHERE.finditer(text, 0, at))
    if not wheres:
        return None
    head = text[:wheres[-1].start()]
    loc = places.resolve_location(head, country_hint=country, anchor=len(head) - 1)
    # only the place right before ", where" is what the clause is about
    return loc if loc is not None and loc.text and head.endswith(loc.text.split()[-1]) else None


def _party_of(claimant) -> str | None:
    """The party a claimant belongs to, non-state groups included (Hezbollah's leader)."""
    if claimant is None or not claimant.name:
        return claimant.side if claimant else None
    holder = P.Roster.load().by_name(claimant.name)
    if holder is not None and holder.party:
        return holder.party
    org = P.organisation_info(claimant.name)
    if org is not None and org.party:
        return org.party
    return claimant.side


def _doc_parties(text: str) -> tuple[str, ...]:
    """Parties named in the document, most often first."""
    counts: dict[str, int] = {}
    for m in P.parties_in(text):
        if m.code:
            counts[m.code] = counts.get(m.code, 0) + 1
    return tuple(sorted(counts, key=lambda c: -counts[c]))


def _state_loser(sdoc: Doc, subject: tuple[str, ...]) -> bool:
    """'Russia suffered 45,680 casualties': a state's own losses are its forces'."""
    if len(subject) != 1:
        return False
    for tok in sdoc:
        if tok.lemma_ in ("lose", "suffer", "sustain", "incur") and any(
            c.dep_ == "nsubj" and P.party_code(c.text) == subject[0] for c in tok.children
        ):
            return True
    return False


def _confidence(reading, speech: Speech, q: QuantitySpan) -> float:
    c = 0.45
    if reading.noun is not None:
        c += 0.15
    if reading.trigger is not None and reading.noun is not None:
        c += 0.1
    if speech.claimant is not None:
        c += 0.15
    if q.quantity.qualifier == "exact":
        c += 0.05
    return min(c, 0.95)


def _key(c: Claim) -> tuple:
    name = (c.claimant.name or c.claimant.role) if c.claimant else None
    return (c.metric, c.object, c.subject, c.quantity.low, c.quantity.high, name)


def _merge(raw: list[Claim]) -> list[Claim]:
    """One claim per distinct claim: repeats and headline/key-point/teaser-headline copies
    become mentions."""
    primary = [c for c in raw if c.section in ("body", "teaser")]
    out: list[Claim] = []
    index: dict[tuple, int] = {}
    loose: dict[tuple, int] = {}
    for c in primary:
        k = _key(c)
        if k in index:
            i = index[k]
            old = out[i]
            if c.section == old.section == "teaser" and len(c.evidence.text) > len(old.evidence.text):
                out[i] = replace(c, mentions=(*old.mentions, Mention(old.section, old.evidence)))
            else:
                out[i] = replace(old, mentions=(*old.mentions, Mention(c.section, c.evidence)))
            continue
        if c.section == "teaser":
            lk = (c.metric, c.quantity.low, c.quantity.high)
            same_teaser = [j for j, o in enumerate(out) if o.section == "teaser"
                           and (o.metric, o.quantity.low, o.quantity.high) == lk]
            if same_teaser:  # a teaser headline repeated by its summary line: keep the summary
                j = same_teaser[0]
                old = out[j]
                if len(c.evidence.text) > len(old.evidence.text):
                    out[j] = replace(c, mentions=(*old.mentions, Mention(old.section, old.evidence)))
                    index = {k2: v for k2, v in index.items() if v != j}
                    index[k] = j
                else:
                    out[j] = replace(old, mentions=(*old.mentions, Mention(c.section, c.evidence)))
                continue
        index[k] = len(out)
        loose.setdefault((c.metric, c.quantity.low, c.quantity.high), len(out))
        out.append(c)
    for c in raw:
        if c.section in MENTION_SECTIONS:
            i = loose.get((c.metric, c.quantity.low, c.quantity.high))
            if i is not None:
                out[i] = replace(out[i], mentions=(*out[i].mentions, Mention(c.section, c.evidence)))
    return out
