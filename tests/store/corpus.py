"""A small test corpus builder: dev documents with their gold claims, and synthetic claims."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from warclaims.model import (
    Claim,
    Document,
    Evidence,
    Location,
    Party,
    Period,
    Quantity,
)

DEV = Path("/work/shared/corpus/dev")


def read_plain(path: Path, doc_id: str | None = None, publisher: str | None = None) -> Document:
    """A Document from a scraped-text file (SPEC 2: ' date YYYY-MM-DD' first line)."""
    raw = path.read_text(encoding="utf-8")
    published = None
    if raw.startswith(" date "):
        published = raw[6:16]
        raw = raw[16:]
    gold = path.with_name(path.name.split(".")[0] + ".gold.json")
    meta = json.loads(gold.read_text())["meta"] if gold.exists() else {}
    return Document(
        doc_id=doc_id or path.stem, text=raw.strip(), title=meta.get("title"),
        authors=tuple(meta.get("authors") or ()), published=meta.get("published") or published,
        publisher=publisher or meta.get("publisher"), source=str(path),
    )


def _party(d: dict | None) -> Party | None:
    return Party(d.get("name"), d.get("role"), d.get("side")) if d else None


def claim_from_gold(doc: Document, g: dict, n: int) -> Claim:
    ev_text = (g.get("evidence") or {}).get("text", "")
    start = max(doc.text.find(ev_text), 0)
    q = g["quantity"]
    loc = g.get("location")
    return Claim(
        doc_id=doc.doc_id,
        claim_id=hashlib.sha1(f"{doc.doc_id}|{n}|{g['metric']}".encode()).hexdigest(),
        metric=g["metric"], population=g.get("population"), object=g["object"],
        subject=tuple(sorted(g.get("subject") or ())),
        quantity=Quantity(text=q["text"], low=q.get("low"), high=q.get("high"),
                          qualifier=q["qualifier"], unit=q.get("unit", "count"),
                          unit_word=q.get("unit_word"), per=q.get("per")),
        claimant=_party(g.get("claimant")), cited_source=_party(g.get("cited_source")),
        statement_date=g.get("statement_date"),
        period=Period(**{k: (g.get("period") or {}).get(k) for k in ("start", "end", "text")}),
        location=Location(**{k: loc.get(k) for k in ("text", "name", "admin1", "country",
                                                      "lat", "lon")}) if loc else None,
        section=g.get("section", "body"),
        evidence=Evidence(text=ev_text, start=start, end=start + len(ev_text)),
        confidence=1.0,
    )


@dataclass
class GoldExtractor:
    """Returns the gold claims of the dev document a test document was made from."""

    base: dict[str, str] = field(default_factory=dict)  # test doc_id -> dev doc_id
    calls: int = 0

    def __call__(self, doc: Document) -> list[Claim]:
        self.calls += 1
        name = self.base.get(doc.doc_id, doc.doc_id)
        gold = DEV / f"{name}.gold.json"
        if not gold.exists():
            return []
        return [claim_from_gold(doc, g, i)
                for i, g in enumerate(json.loads(gold.read_text())["claims"])]


def dev_documents() -> list[Document]:
    return [read_plain(p) for p in sorted(DEV.glob("*.txt"))]


def gold_count(doc_id: str) -> int:
    return len(json.loads((DEV / f"{doc_id}.gold.json").read_text())["claims"])


def make_claim(doc_id: str, n: int, *, metric: str = "killed", low: float | None = 100,
               high: float | None = None, qualifier: str = "exact",
               claimant: Party | None = None, subject: tuple[str, ...] = ("RUS",),
               obj: str = "personnel", date: str | None = "2025-01-10",
               start: str | None = None, end: str | None = None,
               location: Location | None = None, evidence: str | None = None) -> Claim:
    """A synthetic claim with known fields."""
    text = evidence or f"Claim {n} of {doc_id}: {low} {metric}."
    return Claim(
        doc_id=doc_id, claim_id=hashlib.sha1(f"{doc_id}|{n}".encode()).hexdigest(),
        metric=metric, population="military", object=obj, subject=subject,
        quantity=Quantity(text=str(low or high), low=low, high=high, qualifier=qualifier),
        claimant=claimant, cited_source=None, statement_date=date,
        period=Period(start=start, end=end if end is not None else date),
        location=location, section="body",
        evidence=Evidence(text=text, start=0, end=len(text)), confidence=0.9,
    )


def make_doc(doc_id: str, text: str | None = None, *, publisher: str = "Outlet A",
             published: str = "2025-01-10") -> Document:
    body = text or f"Unique article {doc_id} " + " ".join(
        hashlib.sha1(f"{doc_id}{i}".encode()).hexdigest()[:8] for i in range(60))
    return Document(doc_id=doc_id, text=body, publisher=publisher, published=published)


@dataclass
class FixedExtractor:
    """Returns the claims registered for each doc_id."""

    claims: dict[str, list[Claim]] = field(default_factory=dict)

    def __call__(self, doc: Document) -> list[Claim]:
        return list(self.claims.get(doc.doc_id, []))
