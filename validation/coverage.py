"""The coverage ledger: every numeric expression in a source is curated or excluded with a reason.

An expression found by `scripts.candidates.find_candidates` is *curated* when it overlaps the
printed figure of a row, located through the row's quote in the source (whitespace ignored);
it is *excluded* when data/coverage_exclusions.csv lists it at its offset with the same text;
otherwise it is *unaccounted*, an error reported at its line and column in the source file.
A ledger entry that matches no candidate (the text or the finder changed) is *stale*, also an error.

The candidates come from `scripts.candidates.scan`, the same expressions as find_candidates
with their parse and context left until asked for: accounting for them needs only offsets,
texts and hints.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import accumulate

from scripts import numbers
from scripts.candidates import Found, scan


@dataclass
class SourceCoverage:
    source_id: str
    path: str
    candidates: list[Found]
    curated: set[int] = field(default_factory=set)        # candidate offsets
    excluded: set[int] = field(default_factory=set)
    stale: list[tuple[int, str]] = field(default_factory=list)        # (ledger row index, message)
    redundant: list[tuple[int, str]] = field(default_factory=list)

    @property
    def unaccounted(self) -> list[Found]:
        accounted = self.curated | self.excluded
        return [c for c in self.candidates if c.offset not in accounted]

    def counts(self) -> dict[str, int | str]:
        return {"source": self.source_id, "found": len(self.candidates), "curated": len(self.curated),
                "excluded": len(self.excluded), "unaccounted": len(self.unaccounted)}


def normalised_map(text: str) -> tuple[str, list[int]]:
    """The normalised text and, for each of its characters, the offset it came from."""
    return numbers.normalise_with_origin(text)


def figure_span(norm: str, origin: list[int], quote: str, printed: str) -> tuple[int, int] | None:
    """Original [start, end) of `printed` inside the (unique) occurrence of `quote`, if any."""
    q, p = numbers.normalise(quote), numbers.normalise(printed)
    at = norm.find(q)
    inner = q.find(p) if at >= 0 and p else -1
    if inner < 0:
        return None
    start = at + inner
    return origin[start], origin[start + len(p) - 1] + 1


def line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _overlapping(candidates: list[Found], spans: list[tuple[int, int]]) -> set[int]:
    """Offsets of the candidates that overlap some [start, end) span: the spans with
    start < candidate end are a prefix of the spans sorted by start, and one of them reaches
    past the candidate's offset exactly when the prefix's largest end does."""
    if not spans:
        return set()
    spans = sorted(spans)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))
    out = set()
    for c in candidates:
        j = bisect_left(starts, c.end)
        if j and reach[j - 1] > c.offset:
            out.add(c.offset)
    return out


def cover(source_id: str, path: str, text: str, rows: list[dict], ledger: list[tuple[int, dict]]) -> SourceCoverage:
    """Account for every candidate of one source. `rows` are topic rows of this source (only
    their `quote` and `printed` are read), `ledger` its (row index, entry) pairs from
    coverage_exclusions."""
    cov = SourceCoverage(source_id, path, scan(text))
    norm, origin = normalised_map(text)
    spans = [s for r in rows if r.get("printed") and r.get("quote")
             for s in [figure_span(norm, origin, r["quote"], r["printed"])] if s]
    cov.curated = _overlapping(cov.candidates, spans)
    by_offset = {c.offset: c for c in cov.candidates}
    for i, entry in ledger:
        c = by_offset.get(entry.get("char_offset"))
        if c is None or c.text != entry.get("text"):
            found = f"; the text there is now {text[entry['char_offset']:entry['char_offset'] + 12]!r}" \
                if entry.get("char_offset") is not None and entry["char_offset"] < len(text) else ""
            cov.stale.append((i, f"stale ledger entry: {source_id} has no numeric expression {entry.get('text')!r} "
                                 f"at offset {entry.get('char_offset')}{found}; re-run candidates and update the entry"))
        elif c.offset in cov.curated:
            cov.redundant.append((i, f"ledger entry {c.text!r} at offset {c.offset} is also a curated row's printed figure; remove it from the ledger"))
        else:
            cov.excluded.add(c.offset)
    return cov
