"""Every number traces to its archived source.

Whitespace rule: spaces, tabs, line breaks and full-width spaces are removed from the source,
the quote and the printed figure before matching (scraped texts break lines inside numbers);
every other character must match exactly. A quote must occur exactly once in its source, the
printed figure must occur in the quote, and the value must equal the parse of the printed
figure, or of its repair when `repair_rule` names a documented rule (docs/repair-rules.md).
"""
from __future__ import annotations

import hashlib
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pandas as pd

from scripts import numbers
from scripts.source_text import SourceTextError, read_source

from .report import Problem
from .rows import records


def load_sources(root: Path, sources: pd.DataFrame, line_of, column_of) -> tuple[dict[str, str], list[Problem]]:
    """Text of every archived source, decoded in its declared encoding; a missing or edited file
    is an error. The sha256 is over the file's bytes as archived, the text is what quotes and
    offsets refer to (scripts.source_text, read once here for both)."""
    texts, problems = {}, []
    for i, r in zip(sources.index, records(sources)):   # iterrows built a Series per row
        if r.get("path") is None or r.get("id") is None:
            continue
        file = root / r["path"]
        if not file.resolve().is_relative_to(root.resolve()) or not file.is_file():
            problems.append(Problem("data/sources.csv", line_of(i), column_of("path"), f"path: archived file {r['path']} does not exist in the package"))
            continue
        try:
            data, text = read_source(r, root)
        except SourceTextError as exc:   # undecodable: still say whether the bytes were edited
            problems.append(Problem(exc.path, exc.line, exc.column, f"archived source: {exc.message}"))
            data, text = file.read_bytes(), None
        digest = hashlib.sha256(data).hexdigest()
        if r.get("sha256") is not None and digest != r["sha256"]:
            problems.append(Problem("data/sources.csv", line_of(i), column_of("sha256"),
                                    f"sha256: {r['path']} has sha256 {digest}, not the recorded one: archived sources must never be edited"))
        if text is not None:
            texts[r["id"]] = text
    return texts, problems


def _decimal(raw) -> Decimal | None:
    try:
        return None if raw is None else Decimal(str(raw))
    except InvalidOperation:
        return None


# what check_row reads of a row (besides value and value_max as written, in `raw`)
FIELDS = ("quote", "project_name", "printed", "repair_rule", "unit", "qualifier")


def check_row(r: dict, raw: dict, text: str | None) -> list[tuple[str, str]]:
    """(field, message) problems of one topic row (None for empty cells) against its
    normalised source text."""
    out = []
    if text is None:
        return out
    quote = numbers.normalise(r["quote"]) if r.get("quote") else ""
    if quote:
        n = text.count(quote)
        if n == 0:
            out.append(("quote", "quote: not found in the archived source (whitespace ignored); quote it verbatim"))
        elif n > 1:
            out.append(("quote", f"quote: occurs {n} times in the archived source; lengthen it so it is unique"))
    name = r.get("project_name")
    if name and quote and numbers.normalise(name) not in quote:
        out.append(("project_name", f"project_name: {name!r} does not occur in the quote"))
    printed = r.get("printed")
    if not printed:
        return out
    printed_n = numbers.normalise(printed)
    if quote and printed_n not in quote:
        out.append(("printed", f"printed: {printed!r} does not occur in the quote"))
    return out + _check_value(r, raw, printed_n)


def _check_value(r: dict, raw: dict, printed: str) -> list[tuple[str, str]]:
    rule = r.get("repair_rule")
    try:
        if rule:
            repaired = numbers.repair(rule, printed)
            if repaired == printed:
                return [("repair_rule", f"repair_rule: {rule!r} changes nothing in {printed!r}; leave it empty")]
            parsed = numbers.parse(repaired)
        else:
            parsed = numbers.parse(printed)
    except numbers.NumberParseError as exc:
        return [("printed", f"printed: {exc}")]
    out = []
    value = _decimal(raw.get("value"))
    if value is not None and value != parsed.value:
        hint = "" if rule else " (a damaged figure needs a documented repair_rule)"
        out.append(("value", f"value: {raw.get('value')} does not equal {parsed.value} parsed from printed {printed!r}{hint}"))
    vmax = _decimal(raw.get("value_max"))
    if parsed.value_max is not None and vmax != parsed.value_max:
        out.append(("value_max", f"value_max: {raw.get('value_max')} does not equal the upper end {parsed.value_max} of {printed!r}"))
    unit = r.get("unit")
    allowed = numbers.COMPATIBLE_UNITS.get(parsed.canonical_unit) if parsed.canonical_unit else None
    if allowed is not None and unit and unit not in allowed:
        out.append(("unit", f"unit: {unit!r} does not fit the printed unit {parsed.unit!r} (allowed: {', '.join(sorted(allowed))})"))
    if parsed.qualifier != "exact" and r.get("qualifier") != parsed.qualifier:
        out.append(("qualifier", f"qualifier: {r.get('qualifier')!r} but printed {printed!r} reads as {parsed.qualifier!r}"))
    return out
