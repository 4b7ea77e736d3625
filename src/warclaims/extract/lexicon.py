"""The claim lexicon (data/claim_lexicon.json), loaded once and checked."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from warclaims.errors import DataError
from warclaims.model import METRICS, OBJECTS
from warclaims.util.resources import load_json


@dataclass(frozen=True)
class Lexicon:
    metric_words: dict[str, tuple[str, ...]]  # word or phrase -> metrics it can signal
    object_words: dict[str, str]  # noun or phrase -> object
    civilian: frozenset[str]
    military: frozenset[str]
    reporting_verbs: frozenset[str]
    according_to: tuple[str, ...]
    citing_cues: tuple[str, ...]
    non_claim_objects: frozenset[str]
    exchange_cues: frozenset[str]
    forecast_cues: frozenset[str]
    breakdown_nouns: frozenset[str]
    displacement_cues: frozenset[str]
    past_war_cues: tuple[str, ...]
    radar_loss_cues: tuple[str, ...]
    rise_verbs: frozenset[str]
    non_claim_verbs: frozenset[str]
    holding_verbs: frozenset[str]
    sum_cues: tuple[str, ...]
    max_phrase: int


@cache
def lexicon() -> Lexicon:
    data = load_json("claim_lexicon.json")
    metric_words: dict[str, list[str]] = {}
    for metric, words in data["metric_triggers"].items():
        if metric not in METRICS:
            raise DataError(f"claim_lexicon.json: unknown metric {metric!r}")
        for w in words:
            metric_words.setdefault(w.lower(), []).append(metric)
    object_words: dict[str, str] = {}
    for obj, words in data["objects"].items():
        if obj not in OBJECTS:
            raise DataError(f"claim_lexicon.json: unknown object {obj!r}")
        for w in words:
            object_words.setdefault(w.lower(), obj)
    phrases = list(metric_words) + list(object_words)
    return Lexicon(
        metric_words={k: tuple(v) for k, v in metric_words.items()},
        object_words=object_words,
        civilian=frozenset(data["population"]["civilian"]),
        military=frozenset(data["population"]["military"]),
        reporting_verbs=frozenset(data["reporting_verbs"]),
        according_to=tuple(data["according_to"]),
        citing_cues=tuple(data["citing_cues"]),
        non_claim_objects=frozenset(data["non_claim_objects"]),
        exchange_cues=frozenset(data["exchange_cues"]),
        forecast_cues=frozenset(data["forecast_cues"]),
        breakdown_nouns=frozenset(data["breakdown_nouns"]),
        displacement_cues=frozenset(data["displacement_cues"]),
        past_war_cues=tuple(data["past_war_cues"]),
        radar_loss_cues=tuple(data["radar_loss_cues"]),
        rise_verbs=frozenset(data["rise_verbs"]),
        non_claim_verbs=frozenset(data["non_claim_verbs"]),
        holding_verbs=frozenset(data["holding_verbs"]),
        sum_cues=tuple(data["sum_cues"]),
        max_phrase=max(len(p.split()) for p in phrases),
    )
