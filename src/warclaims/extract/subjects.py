"""Whose people or things a number counts: nationality words, force names, possessives,
the loser of 'lose', the firer of 'launch', 'the enemy', and the claimant's adversary."""

from __future__ import annotations

import re

from spacy.tokens import Token

from warclaims.extract import parties as P
from warclaims.extract.semantics import Reading, closed_words

_OWN = re.compile(r"\b(?:his|her|its|their|our|the group's|the movement's)\b", re.I)
_LOSS_METRICS = ("killed", "wounded", "casualties", "captured", "missing", "equipment_lost")


def _codes(text: str, side: str | None) -> list[str]:
    out: list[str] = []
    found = P.parties_in(text, speaker_side=side)
    for i, m in enumerate(found):
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and nxt.code and _possessive_of_group(m, nxt, text):
            continue  # "Yemen's Houthis": the group, not the state it is in
        if m.code and m.code not in out:
            out.append(m.code)
    return out


def _possessive_of_group(state: P.PartyMention, group: P.PartyMention, text: str) -> bool:
    info, other = P.party_info(state.code or ""), P.party_info(group.code or "")
    return bool(info and other and info.kind == "state" and other.kind != "state"
                and re.fullmatch(r"['’]s\s+(?:the\s+)?", text[state.end:group.start]))


def _left_phrase(tok: Token) -> str:
    """The words before and including a noun in its phrase ('North Korean infantry soldiers')."""
    lo = min((t.i for t in tok.subtree if t.i <= tok.i), default=tok.i)
    return tok.doc[lo:tok.i + 1].text


def _noun_parties(noun: Token, side: str | None, reading_fires: bool = False) -> list[str]:
    """Parties named in the counted noun's phrase: 'North Korean soldiers', 'fighters of the
    Rapid Support Forces', and for fired munitions the agent ('launched by the Houthis')."""
    codes: list[str] = []
    for n in [noun, *noun.conjuncts]:
        phrases = [_left_phrase(n)]
        for prep in n.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                phrases.extend(_left_phrase(g) for g in prep.children if g.dep_ == "pobj")
        if reading_fires:  # "drones launched by Yemen's Houthis"
            for verb in (c for c in n.children if c.dep_ == "acl"
                         and c.lemma_.lower() in closed_words("firing_verbs")):
                for agent in (c for c in verb.children if c.dep_ == "agent"):
                    phrases.extend(_left_phrase(g) for g in agent.children if g.dep_ == "pobj")
        for phrase in phrases:
            for c in _codes(phrase, side):
                if c not in codes:
                    codes.append(c)
    return codes


def _verb_of(tok: Token | None) -> Token | None:
    while tok is not None:
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _subject_phrase(verb: Token) -> str | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return verb.doc[c.left_edge.i:c.right_edge.i + 1].text
    # "X has lost ... and suffered": subject of the first conjunct
    if verb.dep_ == "conj":
        return _subject_phrase(verb.head)
    return None


def _governing(verb: Token) -> tuple[Token, str] | None:
    """The nearest verb at or above ``verb`` that has a subject, with the subject phrase
    ('Russia had lost 198,000 soldiers killed': from 'killed' up to 'lost')."""
    for v in [verb, *verb.ancestors][:6]:
        if v.pos_ not in ("VERB", "AUX"):
            continue
        phrase = _subject_phrase(v)
        if phrase:
            return v, phrase
    return None


def subject_of(
    reading: Reading, *, claimant_side: str | None, place_country: str | None,
    previous_fired: tuple[str, ...] | None = None, own_party: str | None = None,
    doc_parties: tuple[str, ...] = (), same_sentence: tuple[str, ...] | None = None,
    place_targeted: bool = False,
) -> tuple[str, ...]:
    """The SPEC subject (sorted codes) of a reading. ``place_targeted``: the claim's place is
    what was fired at ("aimed at the capital")."""
    side = claimant_side or own_party  # whose adversary "the enemy" is
    codes: list[str] = []
    if reading.noun is not None:
        codes = _noun_parties(reading.noun, side, reading.metric in ("launched", "intercepted"))
        if not codes and reading.noun.dep_ == "pobj":  # "59 of Russia's missiles"
            codes = _codes(_left_phrase(reading.noun), side)
    if not codes and reading.trigger is not None and reading.trigger.pos_ == "NOUN":
        codes = _codes(_left_phrase(reading.trigger), side)
    verb = _verb_of(reading.trigger) or _verb_of(reading.anchor)
    metric = reading.metric
    if not codes and reading.noun is not None and own_party and _OWN.search(
        _left_phrase(reading.noun)
    ):
        codes = [own_party]  # "his force", "the group's fighters": the speaker's own side
    governing = _governing(verb) if verb is not None and not codes else None
    if governing is not None:
        verb, subj = governing
        subj_codes = _codes(subj, side)
        if not subj_codes and own_party and subj.strip().lower() in ("it", "they", "we", "its forces",
                                                                     "their forces", "our forces"):
            subj_codes = [own_party]  # "Ukraine said it had lost ...": the speaker's side
        passive = any(c.dep_ == "nsubjpass" for c in verb.children)
        lemma = verb.lemma_.lower()
        if metric in ("launched",) and subj_codes:
            codes = subj_codes
        elif metric == "intercepted":
            if subj_codes:
                codes = [a for a in (_adversary_in(subj_codes[0], doc_parties),) if a]
        elif metric == "deployed" and subj_codes:
            codes = subj_codes
        elif (lemma in closed_words("loser_verbs") or passive) and subj_codes:
            codes = subj_codes
    if not codes and same_sentence:
        codes = list(same_sentence)  # "380,000 Ukrainian troops wounded and tens of thousands missing"
    if not codes and metric == "intercepted" and previous_fired:
        codes = list(previous_fired)
    if not codes:
        codes = _fallback(reading, side, place_country if not place_targeted else None,
                          doc_parties, place_country if place_targeted else None)
    return tuple(sorted(set(codes)))


def _adversary_in(side: str, doc_parties: tuple[str, ...]) -> str | None:
    """The claimant's adversary that the document is about (Hezbollah in a Lebanon story)."""
    advs = P.adversaries(side)
    for code in doc_parties:
        if code in advs:
            return code
    return advs[0] if advs else None


def _fallback(
    reading: Reading, side: str | None, place_country: str | None, doc_parties: tuple[str, ...],
    target_country: str | None = None,
) -> list[str]:
    place_country = place_country or target_country
    if reading.metric == "missing" and side:
        return [side]  # a side counts its own missing
    if reading.population in ("civilian", None) and reading.object == "personnel":
        if place_country:
            return [place_country]
        return [side] if side else []
    if reading.metric in ("killed", "wounded", "missing") and side and place_country == side:
        return [side]  # victims on the speaker's own ground are the speaker's own
    if reading.metric in (*_LOSS_METRICS, "intercepted") and side:
        adv = _adversary_in(side, doc_parties)
        if adv:
            return [adv]
    if reading.metric == "launched" and side and target_country == side:
        adv = _adversary_in(side, doc_parties)  # fired at the speaker's own country
        return [adv] if adv else []
    if reading.metric in ("launched", "deployed") and side:
        return [side]
    return [place_country] if place_country else []
