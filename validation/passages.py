"""The passage ledger (data/coverage_passages.csv): whole character ranges of a source left out
with one reason, so a long government work report needs no ledger line per GDP figure.

A passage is [char_start, char_end) of the decoded source text (scripts.source_text). Its
`start_text` repeats the first 12 characters at char_start (fewer when the passage is shorter
or a line break comes first), so an offset that is wrong, or a text that changed, is an error
at the ledger's line and column instead of a silent exclusion of the wrong range. Passages of
one source may not overlap. What a passage does to the candidates inside it is decided in
validation.coverage.
"""
from __future__ import annotations

from dataclasses import dataclass

START_CHARS = 12
PENDING = "not_yet_curated"


@dataclass(frozen=True)
class Passage:
    row: int            # index of the ledger row (for error locations)
    start: int
    end: int
    reason: str
    note: str

    def holds(self, offset: int, end: int) -> bool:
        """Whether [offset, end) lies wholly inside the passage."""
        return self.start <= offset and end <= self.end


def expected_start_text(text: str, start: int, end: int) -> str:
    """What start_text must be: the first START_CHARS characters at start, cut at the passage's
    end and before the first line break."""
    head = text[start:min(end, start + START_CHARS)]
    cut = min((i for i in (head.find("\r"), head.find("\n")) if i >= 0), default=len(head))
    return head[:cut]


def check(source_id: str, text: str, entries: list[tuple[int, dict]]) -> tuple[list[Passage], list[tuple[int, str, str]]]:
    """The valid passages of one source and (row index, field, message) problems of its entries."""
    passages, problems = [], []
    for i, e in entries:
        start, end, given = e.get("char_start"), e.get("char_end"), e.get("start_text")
        if start is None or end is None:
            continue   # a missing or mistyped cell is already a schema error
        if end <= start:
            problems.append((i, "char_end", f"char_end {end} is not after char_start {start}"))
            continue
        if end > len(text):
            problems.append((i, "char_end", f"char_end {end} is past the end of {source_id} ({len(text)} characters)"))
            continue
        want = expected_start_text(text, start, end)
        if not want:
            problems.append((i, "char_start", f"passage of {source_id} at {start} starts with a line break; start it at the first character of the text"))
            continue
        if given != want:
            problems.append((i, "start_text", f"start_text {given!r} is not the text at offset {start} of {source_id}, "
                                              f"which reads {want!r}: correct the offset or the start_text"))
            continue
        passages.append(Passage(i, start, end, e.get("reason") or "", e.get("note") or ""))
    passages.sort(key=lambda p: p.start)
    for a, b in zip(passages, passages[1:]):
        if b.start < a.end:
            problems.append((b.row, "char_start", f"passage {b.start}-{b.end} of {source_id} overlaps passage {a.start}-{a.end}"))
    return passages, problems


def passage_of(passages: list[Passage], offset: int, end: int) -> Passage | None:
    """The passage that wholly holds [offset, end), if any (passages sorted, not overlapping)."""
    from bisect import bisect_right
    k = bisect_right([p.start for p in passages], offset) - 1
    return passages[k] if k >= 0 and passages[k].holds(offset, end) else None
