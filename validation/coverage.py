"""The coverage ledger: every numeric expression in a source is curated or excluded with a reason.

An expression found by `scripts.candidates.find_candidates` is *curated* when it overlaps the
printed figure of a row, located through the row's quote in the source (whitespace ignored);
it is *excluded* when data/coverage_exclusions.csv lists it at its offset with the same text;
otherwise it is *unaccounted*, an error reported at its line and column in the source file.
A ledger entry that matches no candidate (the text or the finder changed) is *stale*, also an error.

Passages (data/coverage_passages.csv, validation.passages) exclude whole ranges with one reason:
a candidate wholly inside an `out_of_scope` or `page_noise` passage is *excluded by range*,
EXCEPT one that looks like an education figure (hint `figure` and an education keyword in its
sentence, scripts.scope): that one stays unaccounted until it is curated or excluded on its own.
Candidates inside a `not_yet_curated` passage are *pending*: reported as a warning, never as
accounted for.

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
from scripts.scope import education_keyword

from .passages import PENDING, Passage


@dataclass
class SourceCoverage:
    source_id: str
    path: str
    candidates: list[Found]
    curated: set[int] = field(default_factory=set)        # candidate offsets
    excluded: set[int] = field(default_factory=set)
    stale: list[tuple[int, str]] = field(default_factory=list)        # (ledger row index, message)
    redundant: list[tuple[int, str]] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    by_range: dict[int, Passage] = field(default_factory=dict)      # candidate offset -> passage excluding it
    pending: dict[int, Passage] = field(default_factory=dict)       # candidate offset -> not_yet_curated passage
    flagged: dict[int, tuple[Passage, str]] = field(default_factory=dict)   # education-looking, inside a passage

    @property
    def unaccounted(self) -> list[Found]:
        accounted = self.curated | self.excluded
        return [c for c in self.candidates
                if c.offset not in accounted and c.offset not in self.by_range and c.offset not in self.pending]

    def counts(self) -> dict[str, int | str]:
        return {"source": self.source_id, "found": len(self.candidates), "curated": len(self.curated),
                "excluded": len(self.excluded), "by_range": len(self.by_range), "pending": len(self.pending),
                "unaccounted": len(self.unaccounted)}

    def passage_counts(self) -> list[dict[str, int | str]]:
        """Per passage: its range, reason, note, and the candidates it excludes (or holds pending)
        and those inside it that look like education figures and so are not excluded by it."""
        out = []
        for p in self.passages:
            mine = lambda d: sum(1 for q in d.values() if (q[0] if isinstance(q, tuple) else q) is p)
            out.append({"source": self.source_id, "start": p.start, "end": p.end, "reason": p.reason,
                        "by_range": mine(self.by_range), "pending": mine(self.pending),
                        "education_inside": mine(self.flagged), "note": p.note})
        return out


def normalised_map(text: str) -> tuple[str, list[int]]:
    """The normalised text and, for each of its characters, the offset it came from."""
    return numbers.normalise_with_origin(text)


def figure_span(norm: str, origin: list[int], quote: str, printed: str, normalised: bool = False) -> tuple[int, int] | None:
    """Original [start, end) of `printed` inside the (unique) occurrence of `quote`, if any
    (`normalised`: both are already under the whitespace rule)."""
    q, p = (quote, printed) if normalised else (numbers.normalise(quote), numbers.normalise(printed))
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


def cover(source_id: str, path: str, text: str, rows: list[dict], ledger: list[tuple[int, dict]],
          passages: list[Passage] = (), mapped: tuple[str, list[int]] | None = None,
          normalised: bool = False) -> SourceCoverage:
    """Account for every candidate of one source. `rows` are topic rows of this source (only
    their `quote` and `printed` are read; `normalised`: already under the whitespace rule),
    `ledger` its (row index, entry) pairs from coverage_exclusions, `passages` its checked,
    non-overlapping passages, `mapped` normalised_map(text) if made."""
    cov = SourceCoverage(source_id, path, scan(text), passages=sorted(passages, key=lambda p: p.start))
    norm, origin = mapped or normalised_map(text)
    spans = [s for r in rows if r.get("printed") and r.get("quote")
             for s in [figure_span(norm, origin, r["quote"], r["printed"], normalised)] if s]
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
    _by_passage(cov, text)
    return cov


def _by_passage(cov: SourceCoverage, text: str) -> None:
    """Sort the candidates not curated nor excluded one by one into those a passage excludes,
    those it holds pending, and education-looking ones it does not exclude."""
    if not cov.passages:
        return
    starts = [p.start for p in cov.passages]
    done = cov.curated | cov.excluded
    for c in cov.candidates:
        if c.offset in done:
            continue
        k = bisect_left(starts, c.offset + 1) - 1
        if k < 0 or not cov.passages[k].holds(c.offset, c.end):
            continue
        p = cov.passages[k]
        if p.reason == PENDING:
            cov.pending[c.offset] = p
        elif c.hint == "figure" and (word := education_keyword(text, c.offset, c.end)):
            cov.flagged[c.offset] = (p, word)
        else:
            cov.by_range[c.offset] = p
