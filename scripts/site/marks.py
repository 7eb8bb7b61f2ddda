"""Where each curated row and each excluded figure sits in a source's text, and the text as HTML
with them marked.

A row's place is found the way validation finds it (validation.coverage.figure_span: its
printed figure inside the one occurrence of its quote, whitespace ignored); a row that prints
no figure (a named project) is marked on its quote. Rows whose places overlap share one mark
that links to each of them, so every curated row is linked from exactly one `<mark>`. An
excluded figure is marked at its ledger offset with its reason.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field

from scripts import numbers
from validation.coverage import figure_span, normalised_map


@dataclass
class Mark:
    start: int
    end: int
    kind: str                                  # "figure" | "quote" (a curated row without figure) | "excluded"
    rows: list[str] = field(default_factory=list)
    reason: str = ""
    title: str = ""


def quote_span(norm: str, origin: list[int], quote: str) -> tuple[int, int] | None:
    q = numbers.normalise(quote or "")
    at = norm.find(q) if q else -1
    return (origin[at], origin[at + len(q) - 1] + 1) if at >= 0 else None


def _merge(marks: list[Mark]) -> list[Mark]:
    """Overlapping marks of one kind become one mark with all their rows."""
    out: list[Mark] = []
    for m in sorted(marks, key=lambda m: (m.start, m.end)):
        if out and m.start < out[-1].end:
            out[-1].end = max(out[-1].end, m.end)
            out[-1].rows += m.rows
        else:
            out.append(m)
    return out


def place(text: str, rows: list[dict], excluded: list[dict]) -> tuple[list[Mark], list[str]]:
    """Marks for one source, and the ids of rows whose place was not found (validation makes
    sure there are none in a valid package)."""
    norm, origin = normalised_map(text)
    figures, quotes, lost = [], [], []
    for r in rows:
        span = figure_span(norm, origin, r["quote"], r["printed"]) if r.get("printed") else None
        if span:
            figures.append(Mark(*span, "figure", [r["id"]]))
        elif not r.get("printed") and (span := quote_span(norm, origin, r.get("quote"))):
            quotes.append(Mark(*span, "quote", [r["id"]]))
        else:
            lost.append(r["id"])
    figures = _merge(figures)
    inner = figures + [Mark(e["char_offset"], e["char_offset"] + len(e["text"]), "excluded",
                            reason=e["reason"], title=e.get("title", "")) for e in excluded]
    for q in quotes:   # a quote mark holds whole any figure it touches, so marks nest
        grown = True
        while grown:
            grown = False
            for m in inner:
                if m.start < q.end and q.start < m.end and (m.start < q.start or m.end > q.end):
                    q.start, q.end, grown = min(q.start, m.start), max(q.end, m.end), True
    marks = _merge(quotes) + inner
    return sorted(marks, key=lambda m: (m.start, -m.end)), lost


def _open(m: Mark, number: int) -> str:
    if m.kind == "excluded":
        return (f'<span class="excluded" data-reason="{html.escape(m.reason)}" '
                f'title="{html.escape(m.title)}">')
    links = " ".join(m.rows)
    head = (f'<mark id="fig-{number}" class="curated {m.kind}" data-rows="{html.escape(links)}" '
            f'title="{html.escape(links)}">')
    # a figure holds no other mark: the figure itself is the link to its row; a quote may hold
    # figures, and links may not nest, so it opens with a small link of its own
    if m.kind == "quote":
        return head + f'<a class="rowlink" href="#row-{html.escape(m.rows[0])}">§</a>'
    return head + f'<a href="#row-{html.escape(m.rows[0])}">'


def _close(m: Mark) -> str:
    return {"excluded": "</span>", "quote": "</mark>", "figure": "</a></mark>"}[m.kind]


def render(text: str, marks: list[Mark], inserts: list[tuple[int, str]] = ()) -> tuple[str, dict[str, int]]:
    """The text as HTML with the marks nested (a mark inside another closes first) and each
    insert (offset, html: a self-contained element such as a passage boundary, which may fall
    inside a mark) at its offset; and the number of the mark each row links from. At one offset
    marks close first, then inserts go in, then marks open."""
    out, stack, pos, number, of_row = [], [], 0, 0, {}
    events = sorted(marks, key=lambda m: (m.start, -m.end))
    inserts = sorted(inserts, key=lambda x: x[0])
    i = j = 0
    end = len(text) + 1
    while i < len(events) or j < len(inserts) or stack:
        nxt_open = events[i].start if i < len(events) else end
        nxt_insert = inserts[j][0] if j < len(inserts) else end
        if stack and stack[-1].end <= min(nxt_open, nxt_insert):
            m = stack.pop()
            out.append(html.escape(text[pos:m.end]) + _close(m))
            pos = m.end
        elif nxt_insert <= nxt_open and j < len(inserts):
            at, piece = inserts[j]
            j += 1
            out.append(html.escape(text[pos:at]) + piece)
            pos = at
        else:
            m = events[i]
            i += 1
            if stack and m.end > stack[-1].end:   # would cross its parent: place() prevents it
                raise ValueError(f"marks cross at {m.start}")
            out.append(html.escape(text[pos:m.start]))
            pos = m.start
            if m.kind != "excluded":
                number += 1
                for r in m.rows:
                    of_row[r] = number
            out.append(_open(m, number))
            stack.append(m)
    out.append(html.escape(text[pos:]))
    return "".join(out), of_row


def passage_inserts(passages: list[dict]) -> list[tuple[int, str]]:
    """Boundaries of passages left out as a whole (the passage ledger): an opening and a closing
    marker with the reason, so a passage may hold or cut across figure marks."""
    out = []
    for n, p in enumerate(passages, 1):
        reason = html.escape(p.get("reason") or "")
        title = html.escape(p.get("title") or reason)
        out.append((p["char_start"], f'<span class="passage-start" id="passage-{n}" data-reason="{reason}" title="{title}">⟦{reason}</span>'))
        out.append((p["char_end"], f'<span class="passage-end" data-reason="{reason}">⟧</span>'))
    return out
