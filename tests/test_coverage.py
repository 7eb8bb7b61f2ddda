"""The coverage ledger: no figure in a source is silently skipped."""
from validation.coverage import cover, figure_span, normalised_map

SHANGRAO = "sources/000_db9a4433567e169a.txt"


def test_real_package_accounts_for_every_expression(real_package):
    assert real_package.problems(keep_ledger=True) == []


def test_removing_a_curated_row_leaves_its_figure_unaccounted(real_package):
    rows = [r for r in real_package.read_rows("enrollment") if r["id"] != "shangrao2020-enr-003"]
    real_package.write_rows("enrollment", rows)
    # 6085人 is printed at offset 431 of the Shangrao text: line 8, column 207
    assert real_package.problems(keep_ledger=True) == [
        f"{SHANGRAO}:8:207: unaccounted numeric expression '6085人' (offset 431, hint figure): "
        "curate it as a row or list it in data/coverage_exclusions.csv with a reason"]


def test_removing_a_ledger_entry_leaves_its_expression_unaccounted(real_package):
    rows = real_package.read_rows("coverage_exclusions")
    assert rows[0]["char_offset"] == "37" and rows[0]["text"] == "2020年11月13日"
    real_package.write_rows("coverage_exclusions", rows[1:])
    assert real_package.problems(keep_ledger=True) == [
        f"{SHANGRAO}:4:2: unaccounted numeric expression '2020年11月13日' (offset 37, hint date): "
        "curate it as a row or list it in data/coverage_exclusions.csv with a reason"]


def test_stale_ledger_entry(real_package):
    rows = real_package.read_rows("coverage_exclusions")
    rows[0]["char_offset"] = "38"
    real_package.write_rows("coverage_exclusions", rows)
    problems = real_package.problems(keep_ledger=True)
    assert "data/coverage_exclusions.csv:2:2: stale ledger entry: shangrao2020 has no numeric expression " \
           "'2020年11月13日' at offset 38; the text there is now '020年11月13日）\\n'; re-run candidates and update the entry" in problems
    assert f"{SHANGRAO}:4:2: unaccounted numeric expression '2020年11月13日' (offset 37, hint date): " \
           "curate it as a row or list it in data/coverage_exclusions.csv with a reason" in problems


def test_ledger_entry_for_a_curated_figure_is_redundant(real_package):
    rows = real_package.read_rows("coverage_exclusions")
    rows.insert(8, dict(source_id="shangrao2020", char_offset="431", text="6085人", reason="vague"))
    real_package.write_rows("coverage_exclusions", rows)
    assert real_package.problems(keep_ledger=True) == [
        "data/coverage_exclusions.csv:10:2: ledger entry '6085人' at offset 431 is also a curated row's printed figure; "
        "remove it from the ledger"]


def test_figure_span_maps_back_through_removed_whitespace():
    text = "初中三年巩固率分别为9\n8、86%、9\n8、81%"
    norm, origin = normalised_map(text)
    start, end = figure_span(norm, origin, "巩固率分别为98、86%", "98、86%")
    assert text[start:end] == "9\n8、86%"


def test_cover_counts_on_a_small_text():
    text = "共资助学生220051人次，发放资助金12751.098万元。"
    rows = [dict(quote="共资助学生220051人次", printed="220051人次")]
    ledger = [(0, dict(char_offset=19, text="12751.098万元"))]
    cov = cover("x", "x.txt", text, rows, ledger)
    assert cov.counts() == {"source": "x", "found": 2, "curated": 1, "excluded": 1, "by_range": 0, "pending": 0,
                            "unaccounted": 0}


def _map_char_by_char(text):
    """normalised_map as first written: numbers.normalise of every character."""
    from scripts import numbers
    chars, origin = [], []
    for i, ch in enumerate(text):
        for c in numbers.normalise(ch):
            chars.append(c)
            origin.append(i)
    return "".join(chars), origin


def test_normalised_map_is_normalise_character_by_character():
    from pathlib import Path
    root = Path(__file__).resolve().parents[1]
    from scripts.source_text import read_source_text, source_rows
    texts = [read_source_text(r, root) for r in source_rows(root).values()]
    texts += ["", " ", "\u3000５０％\u200b\r\n 1 2．5\ufeff", "a\u00a0\tb\n\nc－"]
    for text in texts:
        norm, origin = normalised_map(text)
        assert (norm, origin) == _map_char_by_char(text)
        from scripts import numbers
        assert norm == numbers.normalise(text)


def test_overlap_with_sorted_spans_is_overlap_with_any_span():
    import random
    from validation.coverage import _overlapping

    class C:
        def __init__(self, offset, end):
            self.offset, self.end = offset, end

    rng = random.Random(0)
    for _ in range(300):
        cands, pos = [], 0
        for _ in range(rng.randint(0, 12)):
            pos += rng.randint(0, 5)
            length = rng.randint(1, 6)
            cands.append(C(pos, pos + length))
            pos += length
        spans = [(a, a + rng.randint(1, 8)) for a in (rng.randint(0, 60) for _ in range(rng.randint(0, 8)))]
        plain = {c.offset for c in cands if any(c.offset < e and s < c.end for s, e in spans)}
        assert _overlapping(cands, spans) == plain
