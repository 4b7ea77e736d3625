"""What a number counts: metric, object, population and the counted noun, from the parse.

A number is tied to its counted noun through the dependency parse (``nummod``, ``N of X``),
and to a metric through the trigger word (verb or noun of loss, deployment or munitions use)
closest to it in the tree. Words live in data/claim_lexicon.json.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from warclaims.extract.lexicon import Lexicon, lexicon
from warclaims.extract.nlp import text_of

PEOPLE_METRICS = ("killed", "wounded", "casualties", "captured", "missing", "deployed")
MUNITIONS = ("drone", "missile")
_BREAKDOWN_CUES = ("including", "among them", "of them", "of whom", "among whom", "among those")



@cache
def closed_words(name: str) -> frozenset[str]:
    """A closed word class of claim_lexicon.json's "grammar" section."""
    from warclaims.util.resources import load_json

    return frozenset(load_json("claim_lexicon.json")["grammar"][name])


@dataclass(frozen=True)
class Trigger:
    token: Token
    length: int  # tokens in the phrase
    metrics: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Reading:
    """How one number reads: what it counts and through which words."""

    metric: str
    object: str
    population: str | None
    noun: Token | None  # the counted noun
    trigger: Token | None
    anchor: Token


def anchor_token(doc: Doc | Span, start: int, end: int) -> Token | None:
    """The token carrying the numeric core of [start, end) (character offsets in ``doc``)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    nums = [t for t in span if t.like_num or t.pos_ == "NUM"]
    if nums:
        return nums[-1]
    nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN")]
    return nouns[-1] if nouns else span[-1]


def _phrase_at(tokens: list[Token], i: int, table: str, max_len: int) -> tuple[str, int] | None:
    """The longest phrase of a lexicon table starting at tokens[i] (on lower text or lemma)."""
    return _TokenWords(tokens).phrase_at(i, table, max_len)


class _TokenWords:
    """Lower-case forms, lemmas and punctuation flags of tokens, read from spaCy once."""

    def __init__(self, tokens: list[Token]) -> None:
        self.lowers = [t.lower_ for t in tokens]
        self.lemmas = [t.lemma_.lower() for t in tokens]
        self.punct = [t.is_punct and t.text not in "-" for t in tokens]

    def phrase_at(self, i: int, table_name: str, max_len: int) -> tuple[str, int] | None:
        firsts, table = _first_words(table_name), getattr(lexicon(), table_name)
        if self.lowers[i] not in firsts and self.lemmas[i] not in firsts:
            return None
        for n in range(min(max_len, len(self.lowers) - i), 0, -1):
            if n > 1 and any(self.punct[i:i + n]):
                continue
            for key in (" ".join(self.lowers[i:i + n]), " ".join(self.lemmas[i:i + n])):
                if key in table:
                    return key, n
        return None


@cache
def _first_words(table: str) -> frozenset[str]:
    """The first words of the phrases of a lexicon table ('metric_words', 'object_words')."""
    return frozenset(k.split(" ")[0] for k in getattr(lexicon(), table))


def triggers(sent: Doc | Span) -> list[Trigger]:
    """Every metric trigger word or phrase of the sentence."""
    lex = lexicon()
    toks = list(sent)
    words = _TokenWords(toks)
    out: list[Trigger] = []
    i = 0
    while i < len(toks):
        found = words.phrase_at(i, "metric_words", 4)
        if found:
            key, n = found
            head = _phrase_head(toks[i:i + n])
            negated = (i > 0 and toks[i - 1].lower_ in ("without", "no", "zero")) or any(
                c.dep_ == "neg" for c in head.children
            )
            if n == 1 and any(c.dep_ == "prt" and not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_
                                                      in ("to", "of")) for c in head.children):
                negated = True  # a phrasal verb the lexicon does not list ("held up")
            if not negated:
                out.append(Trigger(head, n, lex.metric_words[key], key))
            i += n
        else:
            i += 1
    return out


def _phrase_head(tokens: list[Token]) -> Token:
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return tokens[0]


def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens of one sentence in the dependency tree."""
    if a.i == b.i:
        return 0
    up_a = [a, *a.ancestors]
    pos = {t.i: n for n, t in enumerate(up_a)}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in pos:
            return n + pos[t.i]
    return 99


def counted_noun(anchor: Token) -> Token | None:
    """The noun a number counts: its head for '38,000 troops', X in '59 of the missiles'."""
    lex = lexicon()
    nxt = _next_word(anchor)
    while nxt is not None and nxt.dep_ in ("compound", "amod", "nmod") and (
        nxt.head.i > nxt.i and nxt.head.i - anchor.i <= 5 and nxt.head.pos_ in ("NOUN", "PROPN")
    ):
        nxt = nxt.head  # "900 attack drones": the head noun, not its modifier
    if nxt is not None:
        if nxt.lower_ in ("percent", "per", "%", "pct"):
            return _of_object(nxt) or _of_object(nxt.head) or (_surface_noun(nxt) if nxt.i else None)
        toks = list(anchor.doc[nxt.i: nxt.i + 4])
        phrase = _phrase_at(toks, 0, "object_words", 4)
        if phrase and phrase[1] > 1:
            return toks[phrase[1] - 1]  # "four infantry fighting vehicles": the whole phrase
        key = nxt.lower_
        people = people_word(nxt) and nxt.pos_ != "VERB"
        if key not in closed_words("unit_nouns") and (key in lex.object_words or key in lex.non_claim_objects
                                       or people or _is_demonym(nxt)):
            return nxt  # "300 dead", "12 attacks", "45,000 Palestinians": the word after the number
    of = _of_object(anchor)
    if anchor.pos_ in ("NOUN", "PROPN") and not anchor.like_num:
        if anchor.lower_ in lex.object_words and anchor.lower_ not in closed_words("unit_nouns"):
            return anchor
        return of or anchor
    if of is not None:
        return of
    if anchor.dep_ in ("nummod", "quantmod", "amod", "compound", "npadvmod", "appos") and (
        anchor.head.pos_ in ("NOUN", "PROPN", "ADJ", "VERB")
    ):
        head = anchor.head
        if head.i < anchor.i:  # English numbers precede their noun: a misparse ("kills nine")
            return None
        if head.pos_ == "VERB" and head.lower_ not in lex.object_words:
            return None
        # "106 Shahed-type attack and decoy drones": climb compounds to the head noun
        while head.dep_ in ("compound", "amod", "nmod") and head.head.pos_ in ("NOUN", "PROPN") and (
            head.head.i > head.i
        ):
            head = head.head
        return head
    if anchor.dep_ == "conj" and anchor.head.dep_ == "nummod":
        return anchor.head.head
    return None




def _of_object(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for g in child.children:
                if g.dep_ == "pobj":
                    if g.lower_ in ("them", "those", "whom", "which", "these", "it", "this"):
                        return None
                    if g.lower_ in closed_words("unit_nouns") | {"tens", "thousands", "hundreds"}:
                        return _of_object(g) or g
                    return g
    return None


def object_of(noun: Token | None) -> str | None:
    """The SPEC object of a counted noun ('pieces of equipment' -> equipment), or None."""
    if noun is None:
        return None
    lex = lexicon()
    words = [t for t in noun.subtree if t.i <= noun.i and t.dep_ in ("compound", "amod") or t == noun]
    words = [t for t in words if t.i >= noun.i - 3]
    for n in range(len(words), 0, -1):
        key = " ".join(t.lower_ for t in words[-n:])
        if key in lex.object_words:
            return lex.object_words[key]
        key = " ".join([*(t.lower_ for t in words[-n:-1]), noun.lemma_.lower()])
        if key in lex.object_words:
            return lex.object_words[key]
    of = _of_object(noun)
    if of is not None and noun.lower_ in closed_words("unit_nouns"):
        return object_of(of)
    return None


def is_non_claim_noun(noun: Token | None) -> bool:
    lex = lexicon()
    return noun is not None and (
        noun.lower_ in lex.non_claim_objects or noun.lemma_.lower() in lex.non_claim_objects
    ) and noun.lower_ not in lex.object_words


def population_of(noun: Token | None, obj: str, sent: Doc | Span) -> str | None:
    """'civilian' or 'military' when the text says so; munitions and equipment are military."""
    if obj != "personnel":
        return "military"
    lex = lexicon()
    if noun is None:
        return _sentence_population(sent)
    words = [noun, *[t for t in noun.children if t.dep_ in ("amod", "compound", "nmod")]]
    for conj in noun.conjuncts:
        words.append(conj)
    of = _of_object(noun)
    if of is not None:
        words.append(of)
    low = [t.lower_ for t in words]
    civ = any(w in lex.civilian for w in low)
    mil = any(w in lex.military for w in low)
    if civ or mil:
        return None if civ and mil else ("civilian" if civ else "military")
    if noun.lemma_.lower() in closed_words("people_nouns") or _is_demonym(noun):
        return None  # 'people', '34,000 Palestinians': the text does not say which
    return _sentence_population(sent)




def _sentence_population(sent: Doc | Span) -> str | None:
    """With no people noun ('1,523 casualties', '20 killed'): what the sentence is about."""
    lex = lexicon()
    low = [t.lower_ for t in sent]
    civ = any(w in lex.civilian for w in low)
    mil = any(w in lex.military or w in closed_words("generic_military") for w in low)
    if civ and not mil:
        return "civilian"
    if mil and not civ:
        return "military"
    return None


def read_number(
    sent: Doc | Span, anchor: Token, trig: list[Trigger], *,
    other_anchors: frozenset[int] = frozenset(), context_object: str | None = None,
) -> Reading | None:
    """The metric, object and population of the number at ``anchor``, or None (no claim)."""
    lex = lexicon()
    noun = counted_noun(anchor)
    if noun is not None and object_of(noun) is None and not people_word(noun) and not (
        is_non_claim_noun(noun) or _is_demonym(noun)
    ):
        noun = _surface_noun(anchor) or noun  # a misparse: read the words after the number
    trig = _scope(anchor, trig, lex)
    if is_non_claim_noun(noun) or _pronoun_one(anchor):
        return None
    for up in [anchor.head, anchor.head.head][: 2]:
        if up.lemma_.lower() in lex.non_claim_verbs and up.pos_ == "VERB":
            return None  # votes, costs, deliveries of aid
    obj = _joint_object(noun, object_of(noun))
    if noun is not None and obj is None and (people_word(noun) or _is_demonym(noun)):
        obj = "personnel"
    if noun is not None and obj is None and noun.pos_ in ("NOUN", "PROPN") and noun.i != anchor.i:
        return None  # the number counts something that is no claim object
    # the counted noun may itself say the metric ("46,000 dead", "1,020 casualties")
    own = None
    if noun is not None:
        for t in trig:
            if t.token.i == noun.i or (noun.i in range(t.token.i, t.token.i + t.length)):
                own = t
    focus = noun or anchor
    if obj is None and noun is None and context_object is not None and _refers_back(anchor):
        obj = context_object
    np_end = max(anchor.i, noun.i if noun is not None and noun.i > anchor.i else anchor.i)
    best: tuple[float, Trigger, str] | None = None
    for t in trig:
        for metric in t.metrics:
            if not _compatible(metric, obj, t):
                continue
            d = tree_distance(focus, t.token)
            d2 = tree_distance(anchor, t.token)
            score = min(d, d2) + 0.01 * abs(t.token.i - anchor.i)
            if t is own:
                score -= 0.5
            modifier = t.token.dep_ == "acl" and noun is not None and t.token.head.i == noun.i and any(
                o.token.i == noun.head.i for o in trig)  # "intercepted 30 rockets fired from X"
            if metric != "deployed" and not modifier and 0 < t.token.i - np_end <= 2 and not any(
                np_end < i < t.token.i for i in other_anchors
            ):
                score -= 1.5  # "180 injured", "three people wounded"
            if metric == "deployed":
                score += 0.6  # a loss word near a number wins over a movement word
            owner = _clause_number(t.token, anchor) if _own_subject(anchor) else None
            if owner is not None and owner.i != anchor.i and owner.i in other_anchors:
                score += 2  # "90 were listed as missing and 60 were captured": 60's verb
            if best is None or score < best[0]:
                best = (score, t, metric)
    compatible = {t.token.i for t in trig for m in t.metrics if _compatible(m, obj, t)}
    far_but_only = (best is not None and len(compatible) == 1 and obj not in (None, "personnel")
                    and noun is not None)
    if best is None or (best[0] > 6 and not far_but_only):
        return _holding(anchor, noun, obj, sent)
    _, trigger, metric = best
    if anchor.dep_ == "nsubj" and anchor.head.lemma_ == "be" and not any(
            t.token in anchor.head.subtree for t in trig) and not any(
            c.dep_ in ("attr", "acomp") for c in anchor.head.children):
        return None  # "... and four were still in the air": a state, the loss verbs are others'
    metric = _refine(metric, trigger, trig, obj, other_anchors, anchor)
    if obj is None:
        obj = _default_object(metric, sent, anchor)
        if obj is None:
            return None
    if not _compatible(metric, obj, trigger):
        return None
    population = population_of(noun, obj, sent)
    if metric == "deployed" and population == "civilian":
        return None
    if population is None and obj == "personnel" and (metric == "deployed" or (
        metric == "captured" and (noun is None or noun.lemma_.lower() not in closed_words("people_nouns"))
    )):
        population = "military"  # troops sent or taken prisoner, unless 'people', 'hostages'...
    return Reading(metric, obj, population, noun, trigger.token, anchor)




def _next_word(anchor: Token) -> Token | None:
    doc = anchor.doc
    i = anchor.i + 1
    if i < len(doc) and doc[i].text == "-":
        i += 1
    return doc[i] if i < len(doc) else None


def _own_subject(anchor: Token) -> bool:
    """Whether the number (or the noun it counts) is the subject of a verb of its own."""
    head = anchor if anchor.dep_ in ("nsubj", "nsubjpass") else anchor.head
    return head.dep_ in ("nsubj", "nsubjpass") and (head is anchor or anchor.dep_ == "nummod")


def _clause_number(tok: Token, anchor: Token) -> Token | None:
    """The number that is the subject of the clause of ``tok`` ('60 were captured'), if any,
    unless ``anchor`` belongs to that subject ('2,389 soldiers, six of them generals')."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else next(
        (a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            if anchor in c.subtree:
                return None
            if c.like_num:
                return c
            return next((n for n in c.children if n.dep_ == "nummod" and n.like_num), None)
    return None


def _joint_object(noun: Token | None, obj: str | None) -> str | None:
    """One number over 'tanks and (other) armoured vehicles' counts armoured vehicles;
    'launchers of S-300 air defence systems' are air defence."""
    if noun is not None and obj == "artillery" and noun.lemma_.lower() == "launcher":
        of = _of_object(noun)
        if of is not None and object_of(of) == "air_defense":
            return "air_defense"
    if obj != "tank" or noun is None:
        return obj
    for conj in noun.conjuncts:
        if object_of(conj) == "armored_vehicle" and not any(
                c.dep_ == "nummod" or c.like_num for c in conj.children):
            return "armored_vehicle"
    return obj


def _is_demonym(tok: Token) -> bool:
    """'Palestinians', 'Ukrainians': a plural nationality noun counts people."""
    from warclaims.extract.parties import party_code

    return tok.text[:1].isupper() and tok.lower_.endswith("s") and party_code(tok.text) is not None


def people_word(tok: Token) -> bool:
    """'dead', 'casualties', 'wounded': a metric word that counts people."""
    metrics = lexicon().metric_words.get(tok.lower_, ())
    return any(m in PEOPLE_METRICS and m != "deployed" for m in metrics)


def _surface_noun(anchor: Token) -> Token | None:
    """The claim noun in the few words after a number ('106 Shahed-type attack and decoy
    drones' -> drones), for parses that attach the number elsewhere."""
    lex = lexicon()
    doc = anchor.doc
    found = None
    for t in doc[anchor.i + 1: anchor.i + 8]:
        verb = t.pos_ == "VERB" and t.text[:1].islower() and t.lower_ not in lex.object_words
        if t.like_num or verb or t.pos_ in ("AUX", "ADP") or (t.is_punct and t.text != "-"):
            break
        key = t.lower_
        if key in lex.object_words and key not in closed_words("unit_nouns"):
            found = t
    return found


def _refers_back(anchor: Token) -> bool:
    """A bare number that stands for things named before: '50 of them', 'hundreds had been'."""
    nxt = anchor.doc[anchor.i + 1: anchor.i + 3].text.lower() if anchor.i + 1 < len(anchor.doc) else ""
    if re.match(r"(of (them|those|these|which)|more\b|others?\b)", nxt):
        return True
    if anchor.dep_ in ("nsubj", "nsubjpass"):
        return True
    return anchor.dep_ == "dobj" and anchor.head.lemma_.lower() in closed_words("munition_verbs")




def _pronoun_one(anchor: Token) -> bool:
    """'the only one', 'no one', 'one of its aims': 'one' that counts nothing."""
    if anchor.lower_ != "one" or anchor.dep_ == "nummod":
        return False
    prev = anchor.doc[anchor.i - 1].lower_ if anchor.i > 0 else ""
    return prev in ("the", "only", "no", "any", "every", "each", "this", "that", "which")


def _holding(anchor: Token, noun: Token | None, obj: str | None, sent) -> Reading | None:
    """'Hezbollah had 100,000 fighters', 'there are 11,000 troops in Kursk': a strength."""
    lex = lexicon()
    if noun is None or obj != "personnel":
        return None
    head = noun.head
    if noun.dep_ in ("dobj", "attr", "nsubj") and head.lemma_.lower() in lex.holding_verbs:
        pop = population_of(noun, obj, sent)
        if pop == "military":
            return Reading("deployed", obj, pop, noun, head, anchor)
    return None


def _compatible(metric: str, obj: str | None, trigger: Trigger | None = None) -> bool:
    if obj is None:
        return True
    if metric == "deployed":
        return True
    if obj == "personnel":
        return metric in PEOPLE_METRICS
    if obj in MUNITIONS:
        if metric == "equipment_lost":
            return trigger is not None and trigger.text in closed_words("loss_words")
        return metric in ("launched", "intercepted")
    return metric == "equipment_lost"


def _scope(anchor: Token, trig: list[Trigger], lex: Lexicon) -> list[Trigger]:
    """'the number of civilians killed had risen to 34': the subject of 'rise' says the metric."""
    head = anchor.head
    verb = head.head if anchor.dep_ == "pobj" and head.lower_ in ("to", "at") else head
    if verb.lemma_.lower() not in lex.rise_verbs and verb.lower_ not in lex.rise_verbs:
        return trig
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return trig
    ids = {t.i for t in subj.subtree}
    inside = [t for t in trig if t.token.i in ids]
    return inside or trig


def _refine(
    metric: str, trigger: Trigger, trig: list[Trigger], obj: str | None,
    other_anchors: frozenset[int], anchor: Token,
) -> str:
    """'killed and wounded' is casualties; drones destroyed by air defence are intercepted."""
    if metric in ("killed", "wounded"):
        other = "wounded" if metric == "killed" else "killed"
        for t in trig:
            if other in t.metrics and t is not trigger and (
                t.token in trigger.token.conjuncts or abs(t.token.i - trigger.token.i) <= 2
            ):
                # "300 dead and 2,700 wounded": the other word has its own number
                mine = tree_distance(anchor, t.token)
                doc = anchor.doc
                if not any(tree_distance(doc[i], t.token) <= mine for i in other_anchors):
                    return "casualties"
    if obj in MUNITIONS and metric == "equipment_lost" and trigger.text in (
        "destroy", "destroyed", "neutralise", "neutralize", "hit"
    ):
        return "intercepted"
    return metric


def _default_object(metric: str, sent: Doc | Span, anchor: Token) -> str | None:
    if metric in PEOPLE_METRICS:
        return "personnel"
    lex = lexicon()
    best = None
    for t in sent:
        obj = lex.object_words.get(t.lower_) or lex.object_words.get(t.lemma_.lower())
        if obj and obj != "personnel":
            d = tree_distance(anchor, t)
            if best is None or d < best[0]:
                best = (d, obj)
    if best:
        return best[1]
    return "equipment" if metric == "equipment_lost" else None


_OLD_YEAR = re.compile(r"\b1[0-8]\d\d\b|\b19[0-8]\d\b")


def _near_past_war(text: str, q_start: int, lex: Lexicon) -> bool:
    """A comparison with a past war ('during the Second Chechen War', 'in 1943') near the number."""
    years = [m.start() for m in _OLD_YEAR.finditer(text)]
    if any(i < q_start for i in years):
        return True  # "At Prokhorovka, on July 12, 1943, ...": a historical frame
    spots = list(years)
    for cue in lex.past_war_cues:
        i = text.find(cue)
        if i >= 0:
            spots.append(i)
    return any(abs(i - q_start) < 70 for i in spots)


# "the 34-day war of 2006", "the 1998-2000 border war": a dated war before the number.
_DATED_WAR = re.compile(
    r"\bwar (?:of|in) (?P<a>(?:19|20)\d\d)\b"
    r"|\b(?P<b>(?:19|20)\d\d)(?:[-–](?:19|20)?\d\d)?\s+(?:[\w-]+\s+){0,2}(?:war|conflict)\b", re.I)


def _after_dated_war(text: str, q_start: int, doc_year: int | None) -> bool:
    """A count of a war that ended years before the document ('the war of 2006, in which
    about 1,200 people were killed')."""
    if doc_year is None:
        return False
    for m in _DATED_WAR.finditer(text[:q_start]):
        year = int(m.group("a") or m.group("b"))
        before = text[max(0, m.start() - 40):m.start()]
        if year < doc_year - 1 and q_start - m.end() < 90 and (
                not re.search(r"\b(?:since|began|start|launched)\b", before, re.I)
                or re.search(r"\b(?:\w+est|worst|most \w+) since\b", before, re.I)):
            return True  # "the deadliest since the 44-day war of 2020, in which ..." too
    return False


def _moved_out(anchor: Token) -> bool:
    """People 'brought out', 'taken out', 'pulled out' of a place: moved, not lost."""
    noun = anchor.head
    verb = noun.head if noun.dep_ in ("nsubjpass", "nsubj", "dobj") else noun
    return verb.pos_ == "VERB" and verb.lemma_.lower() in closed_words("moving_verbs") and any(
        c.dep_ in ("prt", "prep") and c.lower_ == "out" for c in verb.children)


def _formation_count(reading: Reading) -> bool:
    """A count of units that comes with their strength: the strength is the claim."""
    noun = reading.noun
    if noun is None or noun.lower_ not in closed_words("formation_nouns"):
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("with", "of") and any(
        g.like_num or any(n.like_num for n in g.children) for g in c.children)
        for c in noun.children)


def total_of_subset(text: str, q_start: int) -> bool:
    """The M of 'N of M': the whole a subset was counted from."""
    return bool(re.search(
        r"\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens) of\s*$",
        text[max(0, q_start - 20):q_start], re.I))


def blocked(
    sent: Doc | Span, reading: Reading, q_start: int, q_end: int, q_next: int = 10**9,
    doc_year: int | None = None,
) -> str | None:
    """Why a reading is no claim (forecast, exchange, breakdown, displacement, past war)."""
    lex = lexicon()
    trig = reading.trigger
    full_text = text_of(sent)
    text = full_text.lower()
    if _near_past_war(text, q_start, lex) or _after_dated_war(full_text, q_start, doc_year):
        return "past_war"
    if _moved_out(reading.anchor):
        return "displacement"  # "264 servicemen had been brought out of the plant"
    if _formation_count(reading):
        return "formation_count"  # "26 battalions with more than 15,000 soldiers"
    verb = next((t for t in reading.anchor.ancestors if t.pos_ == "VERB"), None)
    if verb is not None and verb.lemma_.lower() in closed_words("share_verbs") and re.search(
            r"(?:per ?cent|percent|%)", full_text[q_start:q_end + 9], re.I):
        return "share"  # "lists capture only 45 to 65 percent of deaths"
    if re.match(r"\s*of which\b", full_text[q_end:q_end + 12]):
        return "subset_of_other"
    head_lemma = reading.anchor.head.lemma_.lower()
    if "first time" in text and head_lemma in ("exceed", "surpass", "top", "pass", "cross"):
        return "threshold"
    if trig is not None:
        verb = trig if trig.pos_ in ("VERB", "AUX") else next(
            (a for a in trig.ancestors if a.pos_ == "VERB"), None
        )
        if verb is not None:
            aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
            if aux & closed_words("modals") and verb.lemma_ != "be":
                return "forecast"
            for up in list(verb.ancestors)[:3]:  # "could soon be able to launch up to 1,000"
                if up.lemma_.lower() in ("able", "capable", "plan", "intend", "aim", "threaten",
                                         "capability", "capacity", "ability") or (
                    up.lemma_ == "be" and {c.lower_ for c in up.children if c.dep_ == "aux"}
                    & closed_words("modals") and any(c.lemma_ in ("able", "capable") for c in up.children)
                ):
                    return "forecast"
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
                return "conditional"
            chain = [verb, *list(verb.ancestors)[:2]]
            if any(v.lemma_.lower() in lex.forecast_cues for v in chain if v.pos_ == "VERB"):
                return "forecast"
    near = [reading.anchor, *(t for t in (reading.noun, trig) if t is not None)]
    for t in near:
        for a in [t, *list(t.ancestors)[:3]]:
            particle = next((c.lower_ for c in a.children if c.dep_ == "prt"), None)
            if a.lemma_.lower() in lex.exchange_cues or a.lower_ in lex.exchange_cues or (
                    particle and f"{a.lemma_.lower()} {particle}" in lex.exchange_cues):
                return "exchange"  # also phrasal cues: "95 prisoners were handed over"
            if a.lemma_.lower() in lex.displacement_cues and a.pos_ == "VERB":
                return "displacement"
    noun = reading.noun
    after = full_text[q_end:q_end + 40].lower()
    m = re.match(r"\s*(?:of (?:them|whom|those)|among them)\s+(\w+)", after)
    if m and m.group(1) in lex.breakdown_nouns:
        return "breakdown"
    if noun is not None and noun.lower_ in lex.breakdown_nouns:
        before = full_text[:max(0, q_start)].lower()[-25:]
        if any(cue in before for cue in _BREAKDOWN_CUES):
            return "breakdown"
    if any(cue in full_text[max(0, q_start - 25):q_start].lower() for cue in lex.sum_cues):
        return "sum"
    before, after = full_text[max(0, q_start - 40):q_start], full_text[q_end:q_end + 3]
    if (re.search(r"[A-Z][\w'’-]+, $", before) and after.startswith(",")) or re.search(
        r"\b(?:youngest|oldest|aged|age of)\b[^.;]{0,25}$", before, re.I
    ):
        return "age"  # "Lubinets, 43, has held his post", "the youngest is 22"
    if re.search(r"\b(?:city|town|village|country|nation|region|capital|population|home) of\s*$",
                 before, re.I):
        return "population"  # "a city of about 2 million people"
    if total_of_subset(full_text, q_start) and reading.object not in MUNITIONS:
        return "total_of_subset"  # "sank three of four boats": four is no claim of its own
    if trig is not None and trig.lower_ in ("lost", "lose", "loss") and any(
        cue in full_text[trig.idx - sent[0].idx:trig.idx - sent[0].idx + 40].lower()
        for cue in lex.radar_loss_cues
    ):
        return "radar_loss"
    segment = full_text[q_start:min(q_next, q_end + 90)].lower()
    if reading.object in MUNITIONS and any(cue in segment for cue in lex.radar_loss_cues):
        return "radar_loss"
    return None
