"""Typed, frozen records that flow through the pipeline: documents, quantities, claims."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

REMOVED_KINDS = (
    "navigation", "byline", "caption", "audio_note", "teaser",
    "newsletter", "author_box", "other",
)
METRICS = (
    "casualties", "killed", "wounded", "captured", "missing",
    "deployed", "equipment_lost", "launched", "intercepted",
)
POPULATIONS = ("military", "civilian")
OBJECTS = (
    "personnel", "tank", "armored_vehicle", "artillery", "air_defense", "aircraft",
    "helicopter", "drone", "missile", "ship", "vehicle", "equipment",
)
QUALIFIERS = ("exact", "approx", "more_than", "at_least", "up_to", "range", "vague")


@dataclass(frozen=True)
class Removed:
    """A piece of the page taken out of the article body, with its kind."""

    kind: str
    text: str


@dataclass(frozen=True)
class Section:
    """A part of the page outside the body that may still hold claims (a teaser)."""

    kind: str  # "teaser" | "headline" | "key_points"
    text: str
    date: str | None = None


@dataclass(frozen=True)
class Document:
    """A cleaned news document (SPEC section 3)."""

    doc_id: str
    text: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    publisher: str | None = None
    language: str | None = "en"
    url: str | None = None
    source: str | None = None  # where it was read from (path, path#record, url)
    removed: tuple[Removed, ...] = ()
    sections: tuple[Section, ...] = ()
    raw_sha1: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The SPEC section 3 JSON form."""
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "authors": list(self.authors),
            "published": self.published,
            "publisher": self.publisher,
            "language": self.language,
            "url": self.url,
            "source": self.source,
            "text": self.text,
            "removed": [asdict(r) for r in self.removed],
            "sections": [asdict(s) for s in self.sections],
        }


@dataclass(frozen=True)
class Rejection:
    """An input that could not be turned into a document, with the reason."""

    source: str
    error: str
    reason: str = "error"  # machine-readable code: missing, empty, binary, decode, too_large, ...

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Quantity:
    text: str
    low: float | None
    high: float | None
    qualifier: str
    unit: str = "count"
    unit_word: str | None = None
    per: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for k in ("low", "high"):
            v = d[k]
            if isinstance(v, float) and v.is_integer():
                d[k] = int(v)
        if d["per"] is None:
            del d["per"]
        return d


@dataclass(frozen=True)
class Party:
    """A claimant or cited source: a person, an unnamed group or an organisation."""

    name: str | None
    role: str | None
    side: str | None


@dataclass(frozen=True)
class Period:
    start: str | None
    end: str | None
    text: str | None = None


@dataclass(frozen=True)
class Location:
    text: str | None
    name: str | None
    admin1: str | None
    country: str | None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class Evidence:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    section: str
    evidence: Evidence


@dataclass(frozen=True)
class Claim:
    """One quantitative claim (SPEC section 4)."""

    doc_id: str
    claim_id: str
    metric: str
    population: str | None
    object: str
    subject: tuple[str, ...]
    quantity: Quantity
    claimant: Party | None
    cited_source: Party | None
    statement_date: str | None
    period: Period
    location: Location | None
    section: str
    evidence: Evidence
    confidence: float
    mentions: tuple[Mention, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        """The SPEC section 4 JSON form."""
        return {
            "doc_id": self.doc_id,
            "claim_id": self.claim_id,
            "metric": self.metric,
            "population": self.population,
            "object": self.object,
            "subject": list(self.subject),
            "quantity": self.quantity.to_dict(),
            "claimant": asdict(self.claimant) if self.claimant else None,
            "cited_source": asdict(self.cited_source) if self.cited_source else None,
            "statement_date": self.statement_date,
            "period": asdict(self.period),
            "location": asdict(self.location) if self.location else None,
            "section": self.section,
            "evidence": asdict(self.evidence),
            "confidence": round(self.confidence, 3),
            "mentions": [
                {"section": m.section, "evidence": asdict(m.evidence)} for m in self.mentions
            ],
        }
