"""Who claims a figure and whom they cite: reporting verbs, 'according to', 'citing', pronouns.

Speakers are found in the dependency parse (the subject of a reporting verb, the object of
'according to', the agent of 'cited by'); a speaker phrase becomes a Party through the
organisation list, the dated roster of office holders and the names the document itself
gives in full. Reporting verbs and cues are data (claim_lexicon.json).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from warclaims.extract import parties as P
from warclaims.extract.lexicon import lexicon
from warclaims.extract.nlp import text_of
from warclaims.extract.places import resolve_location
from warclaims.model import Party
from warclaims.util.resources import load_json


@cache
def _words() -> dict:
    """The word lists of data/attribution.json, as sets (loaded once, when first needed)."""
    data = load_json("attribution.json")
    return {
        "titles": frozenset(data["title_words"]),
        "not_first": frozenset(data["not_first_names"]),
        "generic_source": frozenset(data["generic_source_nouns"]),
        "synonyms": {k: tuple(v) for k, v in data["reference_synonyms"].items()},
        "person_role_nouns": frozenset(data["person_role_nouns"]),
    }

_PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "his"})
_PRONOUNS_GROUP = frozenset({"it", "they", "them", "we", "its", "their", "our"})
_DEFINITE_ORG = re.compile(
    r"^(the|its|their) (ministry|agency|army|military|general staff|staff|service|office|force|"
    r"forces|air force|command|group|alliance|administration|authorities|department|directorate|"
    r"organi[sz]ation|monitor|project|outlet|newspaper|paper|report|statement|update|"
    r"intelligence|brigade|unit|militia|movement|mission|government|council|committee|"
    r"journalists|researchers|agency|group's|ministry's)\s*$",
    re.I,
)
_NAME_RX = re.compile(
    r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?) ((?:[A-Z]\. )?(?:[A-Z][a-z]+[-'’]?)+(?:-[A-Z][a-z]+)?)\b"
)


_UNKNOWN_ORG = re.compile(
    r"\b((?:[A-Z][\w'’.-]*\s+(?:(?:of|for|and|the)\s+)?){1,7}"
    r"(?:Alliance|Army|Organi[sz]ation|Ministry|Forces|Service|Project|Command|Committee|Council|"
    r"Agency|Group|Office|Institute|Centre|Center|Monitor|Observatory|Administration|"
    r"Directorate|Front|Movement|Mission|Network|Coalition|Brigade|Corps|Guard|Police))\b"
)


_NATIONAL_ORG = re.compile(
    r"\b[A-Z][\w.]+(?:['’]s)? (?:defen[cs]e|health|interior|foreign|emergenc(?:y|ies)) "
    r"(?:ministry|ministers?|service)\b|\b[A-Z][\w.]+(?:['’]s)? (?:air force|general staff|"
    r"military intelligence|armed forces|ground forces|navy|border guard)\b",
    re.I,
)


_ORG_WORD = re.compile(
    r"\b(Forces|Force|Ministry|Staff|Army|Command|Service|Agency|Office|Council|Committee|"
    r"Project|Alliance|Organi[sz]ation|Group|Administration|Union|Nations|Front|Brigade|News|"
    r"Times|Post|Journal|Institute|Centre|Center|Monitor|Guard|Police|Navy|Government)\b"
)


@dataclass(frozen=True)
class Mentioned:
    """A party named at some offset of the document text."""

    start: int
    party: Party
    kind: str  # person | org


@dataclass
class DocContext:
    """What attribution needs to know about the document: full names, date, who was named."""

    text: str
    date: str | None
    publisher: str | None = None
    country: str | None = None
    full_names: dict[str, str] = field(default_factory=dict)  # surname -> full name
    mentions: list[Mentioned] = field(default_factory=list)
    last_person: Party | None = None
    last_person_pos: int = -1
    last_group: Party | None = None
    last_group_pos: int = -1
    position: int = 0  # offset of the sentence being read

    @classmethod
    def of(
        cls, text: str, date: str | None, publisher: str | None = None, country: str | None = None
    ) -> DocContext:
        names: dict[str, str] = {}
        mentions: list[Mentioned] = []
        roster = P.Roster.load()
        pos = 0
        while (m := _NAME_RX.search(text, pos)) is not None:
            first, last = m.group(1), m.group(2)
            pos = m.end()
            if first.lower() in _words()["titles"] or first in _words()["not_first"]:
                pos = m.start(2)  # "President Volodymyr Zelensky": the name starts after it
                continue
            full_name = f"{first} {last}"
            if P.organisation_info(full_name) or P.party_code(first) or _is_place_or_party(full_name):
                continue
            names.setdefault(last, full_name)
            holder = roster.by_name(full_name, date)
            party = Party(holder.name, holder.role, holder.side) if holder else _described(
                full_name, text[m.end():m.end() + 120], text[max(0, m.start() - 60):m.start()])
            mentions.append(Mentioned(m.start(), party, "person"))
        taken: list[tuple[int, int]] = []
        for start, end, org in P.find_organisation_mentions(text):
            mentions.append(Mentioned(start, Party(org.name, org.role, org.side), "org"))
            taken.append((start, end))
        for m in _UNKNOWN_ORG.finditer(text):
            if any(a <= m.start(1) < b or m.start(1) <= a < m.end(1) for a, b in taken):
                continue
            name = m.group(1).strip()
            if len(name.split()) < 2 or name.split()[0] in ("The", "A", "An"):
                name = re.sub(r"^(?:The|A|An)\s+", "", name)
                if len(name.split()) < 2:
                    continue
            known = _national_org_name(name, country)
            party = Party(known.name, known.role, known.side) if known else Party(
                name, None, _side_in(name))
            mentions.append(Mentioned(m.start(1), party, "org"))
        mentions.sort(key=lambda x: x.start)
        for m in _NATIONAL_ORG.finditer(text):
            org = P.organisation_info(m.group(0))
            if org is not None:
                mentions.append(Mentioned(m.start(), Party(org.name, org.role, org.side), "org"))
        mentions.sort(key=lambda x: x.start)
        return cls(text=text, date=date, publisher=publisher, country=country, full_names=names,
                   mentions=mentions)

    def set_group(self, party: Party) -> None:
        """Remember the last organisation or group that spoke, and where."""
        self.last_group = party
        self.last_group_pos = self.position

    def set_person(self, party: Party) -> None:
        """Remember the last person who spoke, and where."""
        self.last_person = party
        self.last_person_pos = self.position

    def person_before(self) -> Party | None:
        """Whom 'he' or 'she' stands for: the last person heard from, or a person named after
        them as the subject that opens a sentence ('President X did not mention it. He ...')."""
        subject = None
        for m in self.mentions:
            if m.start >= self.position:
                break
            if m.kind == "person" and m.start > self.last_person_pos and _opens_sentence(
                    self.text, m.start):
                subject = m.party
        return subject or self.last_person or self.recent("person")

    def recent_with_position(self, kind: str) -> tuple[Party, int] | None:
        """The latest party of ``kind`` named before the current sentence, with its offset."""
        best = None
        for m in self.mentions:
            if m.start >= self.position:
                break
            if m.kind == kind:
                best = (m.party, m.start)
        return best

    def recent(self, kind: str, word: str | None = None) -> Party | None:
        """The latest party of ``kind`` named before the current sentence (matching ``word``)."""
        best = None
        for m in self.mentions:
            if m.start >= self.position:
                break
            if m.kind != kind:
                continue
            if word and word.lower() not in (m.party.name or "").lower() and not _synonym(
                word, m.party.name or ""
            ):
                continue
            best = m.party
        return best




_APPOSITIVE = re.compile(r",\s+((?:the |a |an )?[a-z][^,.;:]{2,90}?)(?=,|\s+(?:said|says|told|wrote))")


def _described(name: str, after: str, before: str = "") -> Party:
    """A person as the text describes them right after their name ('Yevhen Alkhimov, press
    officer of the 28th Mechanised Brigade, said') or right before it ('Donetsk governor
    Vadym Filashkin'): role and side from the description; a local official speaks for the
    country of the place in their title."""
    m = _APPOSITIVE.match(after)
    pre = _PRE_TITLE.search(before)
    if m:
        role = m.group(1).strip()
    elif pre:
        role = pre.group(1).strip()
    else:
        return Party(name, None, None)
    side = _side_in(role)
    org = _org_in(role)
    if side is None and org is not None:
        side = org.side
    if side is None and LOCAL_OFFICIAL.search(role):
        place = resolve_location(role)
        side = place.country if place is not None else None
    if _NON_STATE_ROLE.search(role):
        side = None
    return Party(name, role[:1].upper() + role[1:], side)


# "Donetsk governor", "Kharkiv Mayor", "regional governor" right before a name
_PRE_TITLE = re.compile(
    r"((?:[A-Z][\w'’-]+\s+)*(?:regional\s+|city\s+|military\s+)?(?:governor|mayor|head))\s*$",
    re.I)
# Officials of a place (not lawmakers or police): they speak for it, a place they front is theirs.
LOCAL_OFFICIAL = re.compile(
    r"\b(?:mayor|governor|regional|city|municipal\w*|local authorities|military administration"
    r"|head of the \w+ (?:region|administration))\b", re.I)


def _opens_sentence(text: str, start: int) -> bool:
    """Whether a name at ``start`` opens its sentence, after at most a title ("President")."""
    head = text[max(0, start - 60):start]
    cut = max(head.rfind(". "), head.rfind("\n"), head.rfind(".\u201d "), head.rfind('." '))
    if cut < 0 and start > 60:
        return False
    words = head[cut + 1:].split()
    return len(words) <= 3 and all(w[:1].isupper() or w in ("the", "of") for w in words)


def _synonym(word: str, name: str) -> bool:
    low = name.lower()
    return any(s in low for s in _words()["synonyms"].get(word.lower(), ()))




@dataclass(frozen=True)
class Speech:
    """The attribution of one sentence."""

    claimant: Party | None
    cited: Party | None
    verb: Token | None


def _span_of(tok: Token) -> Span:
    """The phrase of a speaker token, without relative clauses and trailing punctuation."""
    drop = {t.i for c in tok.children if c.dep_ in ("relcl", "acl") and c.i > tok.i for t in c.subtree}
    ids = [t.i for t in tok.subtree if t.i not in drop]
    lo, hi = min(ids), max(ids)
    doc = tok.doc
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    while lo < hi and doc[lo].is_punct:
        lo += 1
    return doc[lo:hi + 1]


def _subject_span(verb: Token, subj: Token) -> Span:
    """The subject phrase, joined with a second subject the parser split off right after it
    ('The independent outlet' + 'Mediazona')."""
    span = _span_of(subj)
    nxt = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > subj.i), None)
    if nxt is not None and nxt.left_edge.i == span.end:
        return subj.doc[span.start:_span_of(nxt).end]
    return span


def speakers(sent: Doc | Span, anchor: Token | None = None) -> tuple[Span | None, Span | None, Token | None]:
    """(claimant phrase, cited phrase, reporting verb) of a parsed sentence."""
    lex = lexicon()
    claim: tuple[int, Span, Token] | None = None
    cited: Span | None = None
    according: Span | None = None
    for tok in sent:
        low, lemma = tok.lower_, tok.lemma_.lower()
        if low == "according" and any(c.lower_ == "to" for c in tok.children):
            to = next(c for c in tok.children if c.lower_ == "to")
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if obj is not None:
                according = _span_of(obj)
            continue
        if lemma == "cite" or low in ("citing", "quoting"):
            target = next((c for c in tok.children if c.dep_ in ("dobj", "pobj")), None)
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            if agent is not None:  # "X's figures, cited by Y"
                by = next((c for c in agent.children if c.dep_ == "pobj"), None)
                if by is not None and claim is None:
                    claim = (0, _span_of(by), tok)
                head = tok.head
                poss = next((c for c in head.children if c.dep_ == "poss"), None)
                cited = _span_of(poss) if poss is not None else cited
            elif target is not None:
                cited = _span_of(_source_noun(target))
            continue
        if tok.dep_ == "advcl" and tok.pos_ == "NOUN" and low.endswith("ing"):
            # ", writing: ..." tagged as a noun: the verb it is the -ing form of
            lemma = next((v for v in (low[:-3], low[:-3] + "e", low[:-4])
                          if v in lex.reporting_verbs), lemma)
        if lemma in lex.reporting_verbs and (tok.pos_ in ("VERB", "AUX") or (
                tok.dep_ == "advcl" and low.endswith("ing"))):
            subj = next((c for c in tok.children if c.dep_ in ("nsubj",)), None)
            if subj is None:
                agent = next((c for c in tok.children if c.dep_ == "agent"), None)
                subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if subj is None and tok.dep_ in ("advcl", "xcomp", "conj") and low.endswith("ing"):
                # "The channel went further, writing that ...": the subject of the main verb
                subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if subj is None:
                around = _adjacent_phrase(tok)
                if around is not None:
                    rank = _rank(tok, anchor)
                    if claim is None or rank < claim[0]:
                        claim = (rank, around, tok)
                continue
            if subj.lower_ in ("that", "which", "who", "this", "there"):
                continue
            rank = _rank(tok, anchor)
            if claim is None or rank < claim[0]:
                claim = (rank, _subject_span(tok, subj), tok)
    sent_text = text_of(sent)
    low_text = sent_text.lower()
    for cue in ("after a report from", "in a report by", "figures from", "data from"):
        idx = low_text.find(cue)
        if idx >= 0 and cited is None:
            span = sent.char_span(idx + len(cue) + 1, len(sent_text), alignment_mode="expand") \
                if isinstance(sent, Doc) else None
            if span is not None:
                cited = _noun_phrase(span)
    if claim is None and according is None:
        by_count = _BY_COUNT.search(sent_text)
        if by_count:
            span = sent.char_span(by_count.start(1), by_count.end(1)) if isinstance(sent, Doc) else None
            if span is not None:
                return span, cited, None
        label = _label(sent)
        if label is not None:
            return label, cited, None
    if claim is None and according is not None:
        return according, cited, None
    if claim is not None and according is not None and cited is None:
        cited = according
    if claim is None:
        return None, cited, None
    return claim[1], cited, claim[2]


_BOUNDARY = (",", ";", ":", "—", "–", "(", '"', "“", "”")


_BY_COUNT = re.compile(
    r"\b(?:by|in|according to|on) (its|their|his|her) (?:own )?(?:count|tally|estimate|estimates|"
    r"figures|data|calculations|reckoning|records|numbers)\b",
    re.I,
)
_LABEL = re.compile(r"^([^:]{2,60}):\s+\S")


def _label(sent: Doc | Span) -> Span | None:
    """A headline label naming the speaker: 'Zelensky: 43,000 soldiers killed ...'."""
    m = _LABEL.match(text_of(sent))
    if not m:
        return None
    span = sent.char_span(0, len(m.group(1)), alignment_mode="contract") if isinstance(
        sent, Doc) else None
    if span is None or not any(t.pos_ in ("PROPN", "NOUN") for t in span):
        return None
    if any(t.pos_ == "VERB" for t in span) or any(t.like_num for t in span):
        return None
    return span


def _adjacent_phrase(verb: Token) -> Span | None:
    """The speaker of an inverted or misparsed attribution: ', X said' or ', said X'."""
    doc = verb.doc
    lo = verb.i
    while lo > 0 and doc[lo - 1].text not in _BOUNDARY and verb.i - lo < 9:
        lo -= 1
    left = doc[lo:verb.i]
    left = doc[left.start:left.end] if len(left) else left
    while len(left) and left[-1].pos_ in ("AUX", "ADV", "PART"):
        left = doc[left.start:left.end - 1]
    if len(left) and lo > 0 and doc[lo - 1].text in _BOUNDARY and any(
        t.pos_ in ("PROPN", "NOUN", "PRON") for t in left
    ) and left[0].pos_ not in ("ADP", "SCONJ", "VERB"):
        return left
    hi = verb.i + 1
    while hi < len(doc) and doc[hi].text not in _BOUNDARY + (".",) and hi - verb.i < 9:
        hi += 1
    right = doc[verb.i + 1:hi]
    if len(right) and right[0].pos_ in ("PROPN", "DET", "ADJ", "NOUN") and verb.i > 0 and (
        doc[verb.i - 1].text in _BOUNDARY
    ):
        return right
    return None




def _source_noun(tok: Token) -> Token:
    """'information from Ukraine's top commander' -> 'commander'."""
    if tok.lower_ in _words()["generic_source"]:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "of", "by"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is not None:
            return poss
    return tok


def _noun_phrase(span: Span) -> Span:
    end = span.start
    for t in span:
        if t.is_punct or t.pos_ in ("VERB", "SCONJ", "CCONJ") and t.i > span.start:
            break
        end = t.i + 1
    return span.doc[span.start:end]


def _rank(verb: Token, anchor: Token | None) -> int:
    """Prefer the reporting verb whose clause holds the number, then the sentence root."""
    if anchor is not None and verb in anchor.ancestors:
        return 0
    if verb.dep_ == "ROOT":
        return 1
    return 2


_CHANNEL = re.compile(
    r"^(?:the\s+)?(?:(?:telegram|x|facebook|youtube) )?(?:channel|account|page) of (?:the\s+)?(?P<a>.+)$"
    r"|^(?:the\s+)?(?P<b>.+?)(?: telegram| x| facebook| youtube)? (?:channel|account|page|blog)$",
    re.I,
)


def resolve(span: Span | None, ctx: DocContext, on: str | None) -> Party | None:
    """The Party a speaker phrase names, or None for no speaker."""
    if span is None:
        return None
    channel = _CHANNEL.match(span.text.split(",")[0].strip())
    if channel:  # "the Rybar Telegram channel", "the channel of the 68th Brigade"
        name = channel.group("a") or channel.group("b")
        start = span.text.find(name)
        sub = span.doc.char_span(span.start_char + start, span.start_char + start + len(name),
                                 alignment_mode="expand") if start >= 0 else None
        if sub is not None and len(sub):
            span = sub
        name = re.sub(r"^(?:the)\s+", "", name, flags=re.I)
        org = P.organisation_info(name)
        party = Party(org.name, org.role, org.side) if org else Party(name, None, None)
        ctx.set_group(party)
        return party
    text = re.sub(r"^(?:the|a|an)\s+", "", span.text.strip(), flags=re.I)
    if ctx.publisher and text.isupper() and text == "".join(
        w[0] for w in ctx.publisher.split() if w[0].isupper()
    ):
        return None  # "IOS assesses": the publisher's own voice
    low = text.lower()
    if low in _PRONOUNS_PERSON:
        return ctx.person_before()
    if _THE_OFFICIAL.match(span.text.strip()) and ctx.last_person is not None and (
            ctx.last_person.name is None):
        return ctx.last_person  # "The official, who spoke on condition of anonymity, said"
    if low in _PRONOUNS_GROUP:
        mentioned = ctx.recent_with_position("org")
        recent_speaker = ctx.last_group is not None and ctx.position - ctx.last_group_pos < 400
        if mentioned is not None and not recent_speaker and (
            ctx.last_group is None or mentioned[1] > ctx.last_group_pos
        ):
            return mentioned[0]
        return ctx.last_group or ctx.last_person
    definite = _DEFINITE_ORG.match(span.text.strip())
    if definite and len(span) <= 4:
        head = definite.group(2).split()[-1]
        found = ctx.recent("org", head)
        if found is None and ctx.last_group and head.lower() in (ctx.last_group.name or "").lower():
            found = ctx.last_group
        if found is None:  # "defence ministry spokesman Igor Konashenkov": his organisation
            found = _org_of_person(ctx.last_person or ctx.recent("person"), head)
        if found is not None:
            ctx.set_group(found)
            return found
    if ctx.publisher and ctx.publisher.lower() in low:
        return None  # the outlet's own count is the article's voice
    exact = P.organisation_info(text)
    person = None if exact else _person(span, ctx, on)
    if person is not None:
        ctx.set_person(person)
        return person
    local = _local_office_holder(text, span, ctx, on) if on and not exact else None
    if local is not None:  # "the region's acting governor", "the city's mayor"
        ctx.set_person(local)
        return local
    if on and not exact and _role_headed(text):  # "the chief of Russia's General Staff"
        holder = P.Roster.load().by_role(text, _side_in(text), on)
        if holder is not None:
            party = Party(holder.name, holder.role, holder.side)
            ctx.set_person(party)
            return party
    org = exact or _org_in(text) or _national_org(text, ctx) or _local_org(text, span)
    if org is not None:
        party = Party(org.name, org.role, org.side)
        ctx.set_group(party)
        return party
    if on:
        holder = P.Roster.load().by_role(text, _side_in(text), on)
        if holder is not None:
            party = Party(holder.name, holder.role, holder.side)
            ctx.set_person(party)
            return party
    state = _state_named(text)
    if state is not None:  # "Israel says": the government of a state named as a speaker
        return state
    for m in ctx.mentions:  # a longer name the document gives for this phrase
        if m.kind == "org" and len(text.split()) >= 2 and text in (m.party.name or "") and (
            m.party.name != text
        ):
            ctx.set_group(m.party)
            return m.party
    party = _unnamed(span, text)
    if party.name:
        ctx.set_group(party)
    elif re.search(r"\b(?:official|officer|source)$", party.role or "", re.I) or _role_headed(
            re.sub(r"\s+(?:for|of|at|with)\s.*$", "", party.role or "")):
        ctx.set_person(party)  # "a senior U.S. military official", "a spokesman for X": 'he' later
    return party


# A definite reference to an unnamed official heard before.
_THE_OFFICIAL = re.compile(r"^the (?:same )?(?:senior |top |military |defen[cs]e |u\.?s\. )*"
                           r"(?:official|officer|source)\b(?!s)", re.I)


_LOCAL_OFFICE = re.compile(
    r"^(?:the\s+)?(?P<kind>city|town|region|oblast|province)['’]s\s+(?:acting\s+)?"
    r"(?P<title>mayor|governor|head)\b", re.I)


def _local_office_holder(text: str, span: Span, ctx: DocContext, on: str) -> Party | None:
    """The holder of a local office named by the kind of place ('the city's mayor'): the place
    is the one the sentence names, else the last one named before it."""
    m = _LOCAL_OFFICE.match(text)
    if not m:
        return None
    place = resolve_location(text_of(span.doc), country_hint=ctx.country) or resolve_location(
        ctx.text[max(0, ctx.position - 800):ctx.position], country_hint=ctx.country,
        anchor=ctx.position)
    if place is None:
        return None
    region = m["kind"].lower() in ("region", "oblast", "province")
    name = (place.admin1 or "") if region else (place.name or "")
    root = re.sub(r"\s+(?:Oblast|Region|Province|Krai|City)$", "", name)
    holder = P.Roster.load().by_role(f"{root} {m['title'].lower()}", None, on) if root else None
    return Party(holder.name, holder.role, holder.side) if holder else None


def _role_headed(text: str) -> bool:
    """A phrase whose head is a person's office: 'chief of X', 'X's defence minister'."""
    words = [w.strip(",.").lower() for w in text.split()]
    if not words:
        return False
    head = words[0] if len(words) > 1 and words[1] == "of" else words[-1]
    return head in _words()["person_role_nouns"]


def _state_named(text: str) -> Party | None:
    """A country's own name (not its capital, not an adjective) as a speaker: its government."""
    code = P.party_code(text)
    info = P.party_info(code) if code else None
    if info is None or info.kind != "state" or not info.adjectives:
        return None
    if text.lower() not in (n.lower() for n in info.names[:2]):
        return None
    return Party(None, f"{info.adjectives[0]} government", code)


def _org_of_person(person: Party | None, head: str) -> Party | None:
    """The organisation named in a person's role ('Spokesman for the Ministry of Defence of
    Russia' -> that ministry) when it matches the head word ('ministry')."""
    if person is None or not person.role:
        return None
    for _, _, org in P.find_organisation_mentions(person.role):
        if head.lower() in org.name.lower() or _synonym(head, org.name):
            return Party(org.name, org.role, org.side)
    return None


def _national_org_name(text: str, country: str | None):
    """'Air Force' of Ukraine: 'Ukrainian Air Force', if the organisation list knows it."""
    info = P.party_info(country) if country else None
    for adj in (info.adjectives[:1] if info else ()):
        org = P.organisation_info(f"{adj} {text}")
        if org is not None:
            return org
    return None


def _national_org(text: str, ctx: DocContext):
    """'Defence Ministry', 'Air Force' without a country: the country the document speaks of."""
    if len(text.split()) > 4:
        return None
    sides = [ctx.country] if ctx.country else []
    for m in reversed(ctx.mentions):
        if m.start < ctx.position and m.party.side and m.party.side not in sides:
            sides.append(m.party.side)
    for side in sides[:3]:
        org = _national_org_name(text, side)
        if org is not None:
            return org
    return None


def _local_org(text: str, span: Span):
    """'regional administration' in a sentence about Sumy: Sumy Regional Military Administration."""
    if not re.search(r"\b(administration|council|governor's office|authorities|police)\b", text,
                     re.I):
        return None
    loc = resolve_location(text_of(span.doc))
    if loc is None:
        return None
    for place in {loc.name or "", (loc.admin1 or "").replace(" Oblast", "")} - {""}:
        candidates = [f"{place} {text}"]
        if "region" in text.lower():
            candidates.append(f"{place} regional military administration")
        for candidate in candidates:
            org = P.organisation_info(candidate)
            if org is not None:
                return org
    return None


def _org_in(text: str):
    found = P.find_organisation_mentions(text)
    if found and len(found) > 1 and found[0][0] <= 4:
        return found[0][2]  # "Mediazona and its partner Meduza": the first one speaks
    if not found:
        return None
    start, end, org = max(found, key=lambda f: f[1] - f[0])
    return org if (end - start) >= 0.5 * len(text) or len(found) == 1 else None


def _side_in(text: str) -> str | None:
    for m in P.parties_in(text):
        if m.code and m.kind != "enemy":
            info = P.party_info(m.code)
            if info and info.kind == "state":
                return m.code
    return None


def _person(span: Span, ctx: DocContext, on: str | None) -> Party | None:
    """A named person in the phrase, completed from the document and the roster."""
    names = [t for t in span if t.pos_ == "PROPN" and t.lower_ not in _words()["titles"]
             and t.text[:1].isupper()]
    roster = P.Roster.load()
    ents = [t for t in names if roster.by_name(t.text, on) is not None]
    candidates = []
    if names:
        run = _last_propn_run(span)
        if run:
            candidates.append(run)
        candidates.extend(t.text for t in ents)
    for cand in candidates:
        cand = re.sub(r"['’]s$", "", cand).strip()
        holder = roster.by_name(cand, on)
        if holder is not None:
            return Party(holder.name, holder.role, holder.side)
        if " " not in cand and cand in ctx.full_names:
            full = ctx.full_names[cand]
            holder = roster.by_name(full, on)
            if holder is not None:
                return Party(holder.name, holder.role, holder.side)
            cand = full
        if P.organisation_info(cand) or P.party_code(cand) or _ORG_WORD.search(cand):
            continue
        if len(cand.split()) >= 2 or cand in ctx.full_names.values():
            role, side = _role_of(span, cand)
            return _as_described(Party(cand, role, side), ctx)
        if ents:
            role, side = _role_of(span, cand)
            return _as_described(Party(ctx.full_names.get(cand, cand), role, side), ctx)
    return None


def _as_described(person: Party, ctx: DocContext) -> Party:
    """A person named bare ('wrote Vadym Filashkin') takes the role and side the document
    gave them where it introduced them ('Donetsk governor Vadym Filashkin')."""
    if person.role is not None and person.side is not None:
        return person
    for m in ctx.mentions:
        if m.kind == "person" and m.party.name == person.name and (m.party.role or m.party.side):
            return Party(person.name, person.role or m.party.role, person.side or m.party.side)
    return person


def _last_propn_run(span: Span) -> str | None:
    """The run of proper nouns that names a person: not a place or party ('the head of North
    Ossetia, Sergei Menyaylo' -> 'Sergei Menyaylo'); hyphenated names stay whole."""
    runs: list[list[Token]] = []
    run: list[Token] = []
    for t in span:
        joined = run and t.text == "-" and not run[-1].whitespace_
        if joined or (run and run[-1].text == "-") or (
            t.pos_ == "PROPN" and t.lower_ not in _words()["titles"] and t.text[:1].isupper()
        ):
            run.append(t)
        else:
            if len(run) >= 2:
                runs.append(run)
            run = []
    if len(run) >= 2:
        runs.append(run)
    names = [span.doc[r[0].i:r[-1].i + 1].text for r in runs if r[-1].text != "-"]
    people = [n for n in names if not _is_place_or_party(n)]
    if not people:
        return None
    for r, n in zip(runs, names, strict=False):
        if span.root in r and n in people:
            return n
    return people[0]


def _is_place_or_party(name: str) -> bool:
    from warclaims.extract.places import Gazetteer

    if P.party_code(name) or P.organisation_info(name):
        return True
    places = Gazetteer.load().lookup(name)
    return bool(places) and places[0].kind in ("country", "admin1", "city", "territory", "region")


def _role_of(span: Span, name: str) -> tuple[str | None, str | None]:
    rest = span.text.replace(name, " ").strip(" ,")
    rest = re.sub(r"^(?:the|a|an)\s+", "", rest, flags=re.I).strip(" ,")
    side = _side_in(span.text)
    org = _org_in(span.text)
    if org is not None and side is None:
        side = org.side
    if _NON_STATE_ROLE.search(rest):
        side = None  # "pro-Kremlin military blogger": media and commentators speak for no state
    return (rest[:1].upper() + rest[1:] if rest else None), side


_NON_STATE_ROLE = re.compile(
    r"\b(?:blogger|milblogger|journalist|reporter|correspondent|commentator|analyst|researcher|"
    r"expert|columnist|editor|channel|outlet|observer)s?\b", re.I)


def _unnamed(span: Span, text: str) -> Party:
    """An unnamed person or group ('Western officials'), or an organisation we do not list."""
    side = None if re.search(r"\bwestern\b", text, re.I) or _NON_STATE_ROLE.search(text) \
        else _side_in(text)
    owner = next((t for t in span if t.tag_ == "POS" or t.text in ("'", "’")), None)
    if owner is not None and owner.i + 1 < span.end and all(
            t.pos_ == "PROPN" for t in span.doc[owner.i + 1:span.end]) and (span.end - owner.i > 2):
        # "the rebels' Military Operations Command": the name without whose it is
        return Party(span.doc[owner.i + 1:span.end].text, None, side)
    proper = [t for t in span if t.pos_ == "PROPN"]
    if proper and len(proper) >= max(2, len(span) - 2) and not _side_only(text):
        return Party(text, None, side)
    return Party(None, text, side)


def _side_only(text: str) -> bool:
    return P.party_code(text) is not None
