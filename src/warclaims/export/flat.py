"""One flat row per merged claim: the column set shared by CSV, Parquet and Datasette."""

from __future__ import annotations

from dataclasses import astuple, dataclass, fields

from warclaims.store.query import StoredClaim


@dataclass(frozen=True)
class FlatClaim:
    claim_id: str
    group_id: str
    doc_id: str
    reports: int
    outlets: str
    metric: str
    population: str | None
    object: str
    subject: str
    quantity_text: str
    low: float | None
    high: float | None
    value: float | None
    qualifier: str
    unit: str
    unit_word: str | None
    per: str | None
    claimant_name: str | None
    claimant_role: str | None
    claimant_side: str | None
    cited_source_name: str | None
    cited_source_role: str | None
    cited_source_side: str | None
    statement_date: str | None
    period_start: str | None
    period_end: str | None
    period_text: str | None
    kind: str
    location_text: str | None
    place: str | None
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    section: str
    evidence: str
    confidence: float


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(FlatClaim))

DESCRIPTIONS: dict[str, str] = {
    "claim_id": "id of the first report of the claim (sha1 from the extractor)",
    "group_id": "id of the merged claim; reports of one claim share it",
    "doc_id": "document of the first report",
    "reports": "documents reporting the claim, syndicated copies counted once",
    "outlets": "outlets that reported it, separated by '; '",
    "metric": "casualties, killed, wounded, captured, missing, deployed, equipment_lost, "
              "launched or intercepted",
    "population": "military, civilian or empty",
    "object": "what is counted (personnel, tank, drone, ...)",
    "subject": "whose people or things are counted: ISO alpha-3 codes or group slugs, ','",
    "quantity_text": "the number as printed",
    "low": "lower bound of the claimed number", "high": "upper bound of the claimed number",
    "value": "one figure: middle of a range, else the bound given",
    "qualifier": "exact, approx, more_than, at_least, up_to, range or vague",
    "unit": "count or percent", "unit_word": "military unit word (battalion, ...)",
    "per": "rate unit (day) for rates",
    "claimant_name": "who said it", "claimant_role": "their role",
    "claimant_side": "state the claimant speaks for (ISO alpha-3)",
    "cited_source_name": "whom the claimant cites", "cited_source_role": "their role",
    "cited_source_side": "state the cited source speaks for",
    "statement_date": "when the claim was made (YYYY-MM-DD)",
    "period_start": "first day the count covers", "period_end": "last day the count covers",
    "period_text": "the period as printed",
    "kind": "cumulative (running total), period (one span) or stock (a strength)",
    "location_text": "the place as printed", "place": "place name",
    "admin1": "first-level region", "country": "ISO alpha-3 of the place",
    "lat": "latitude (WGS84)", "lon": "longitude (WGS84)",
    "section": "body, headline, teaser or key_points",
    "evidence": "the sentence the claim stands in",
    "confidence": "extractor confidence 0-1",
}


def flatten(s: StoredClaim) -> FlatClaim:
    c, q = s.claim, s.claim.quantity
    cl, cs, loc = c.claimant, c.cited_source, c.location
    return FlatClaim(
        claim_id=c.claim_id, group_id=s.group_id, doc_id=c.doc_id, reports=s.reports,
        outlets="; ".join(s.outlets), metric=c.metric, population=c.population,
        object=c.object, subject=",".join(c.subject), quantity_text=q.text, low=q.low,
        high=q.high, value=s.value, qualifier=q.qualifier, unit=q.unit,
        unit_word=q.unit_word, per=q.per,
        claimant_name=cl.name if cl else None, claimant_role=cl.role if cl else None,
        claimant_side=cl.side if cl else None,
        cited_source_name=cs.name if cs else None, cited_source_role=cs.role if cs else None,
        cited_source_side=cs.side if cs else None,
        statement_date=c.statement_date, period_start=c.period.start,
        period_end=c.period.end, period_text=c.period.text, kind=s.kind,
        location_text=loc.text if loc else None, place=loc.name if loc else None,
        admin1=loc.admin1 if loc else None, country=loc.country if loc else None,
        lat=loc.lat if loc else None, lon=loc.lon if loc else None,
        section=c.section, evidence=c.evidence.text, confidence=c.confidence,
    )


def values(row: FlatClaim) -> tuple[object, ...]:
    return astuple(row)
