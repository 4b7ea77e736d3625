"""What reading a document carries from sentence to sentence."""

from __future__ import annotations

from dataclasses import dataclass, field

from warclaims.extract.attribution import Speech
from warclaims.extract.sentences import Sentence
from warclaims.model import Location, Party, Period

__all__ = ["DocState", "Speech", "Unit"]


@dataclass(frozen=True)
class Unit:
    """A sentence to read, with where it stands."""

    sentence: Sentence
    section: str  # body | teaser | headline | key_points
    base: int  # offset of the sentence's container in the document text (-1 outside it)
    section_date: str | None = None
    mention_only: bool = False  # a headline line: it can only repeat a figure, never add one
    context: str = ""  # the other lines of its section (a teaser's headline)


@dataclass
class DocState:
    """What earlier sentences and claims of a document tell later ones."""

    fired: tuple[str, ...] | None = None  # subject of the last launch (for interceptions)
    period: Period | None = None  # the last claim's period
    date: str | None = None  # the last claim's statement date
    object: str | None = None  # the last claim's object ('50 of them')
    speech: Speech | None = None  # the last sentence's attribution
    subject: tuple[str, ...] | None = None
    place: tuple[Location, int] | None = None  # the last place named, with its paragraph
    place_text: str | None = None  # the sentence that named it
    claim_place: Location | None = None  # the place of the claim before
    before: list[Sentence] = field(default_factory=list)  # sentences since that place
    history: list[Location] = field(default_factory=list)  # places named so far, in order
    event_place: Location | None = None  # where the dated event happened
    event_pending: bool = False
    event_paragraph: int = 0
    event_period: Period | None = None  # the one-day window of the event being reported
    lede_place: Location | None = None  # the story's own place
    doc_parties: tuple[str, ...] = ()  # parties the document names, most often first
    sentence_subject: dict[tuple, tuple[str, ...]] = field(default_factory=dict)
    sentence_population: dict[int, str | None] = field(default_factory=dict)  # first count's
    claimant: Party | None = None  # the last claim's claimant and statement date
    statement_date: str | None = None
