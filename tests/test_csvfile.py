"""File-level problems: encoding, BOM, line endings, header, record width, quoting."""

from conftest import col, width

S = "data/subsidies.csv"


def _raw(package):
    return (package.root / S).read_bytes()


def test_gbk_encoded_file(package):
    text = _raw(package).decode("utf-8")
    (package.root / S).write_bytes(text.encode("gbk"))
    problems = package.problems()
    assert problems[0].startswith(f"{S}:2:") and "is not valid UTF-8" in problems[0] and "GBK" in problems[0]


def test_bom(package):
    (package.root / S).write_bytes(b"\xef\xbb\xbf" + _raw(package))
    assert package.problems() == [f"{S}:1:1: file starts with a UTF-8 byte-order mark (BOM); save as UTF-8 without BOM"]


def test_mixed_line_endings(package):
    data = _raw(package)
    first = data.index(b"\n")
    (package.root / S).write_bytes(data[:first] + b"\r" + data[first:])
    assert package.problems() == [f"{S}:2:1: mixed line endings: this line ends differently from the first line; use one convention (LF)"]


def test_missing_column(package):
    rows = package.read_rows("subsidies")
    header = package.header("subsidies")
    header.remove("note")
    import csv, io
    buf = io.StringIO()
    w = csv.DictWriter(buf, header, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    (package.root / S).write_text(buf.getvalue(), encoding="utf-8")
    assert package.problems() == [f"{S}:1:{width('subsidies')}: header lacks column(s) note required by datapackage.json"]


def test_extra_column(package):
    text = _raw(package).decode().splitlines()
    text = [line + ",x" for line in text]
    text[0] = text[0][:-2] + ",extra"
    (package.root / S).write_text("\n".join(text) + "\n", encoding="utf-8")
    assert package.problems() == [f"{S}:1:{width('subsidies') + 1}: header has column 'extra' that datapackage.json does not define"]


def test_reordered_columns(package):
    lines = _raw(package).decode().splitlines()
    lines[0] = lines[0].replace("id,region_code", "region_code,id")
    (package.root / S).write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = package.problems()
    assert problems[0] == f"{S}:1:1: columns are out of order: found 'region_code' where datapackage.json puts 'id'"


def test_empty_file(package):
    (package.root / S).write_bytes(b"")
    assert package.problems() == [f"{S}:1:1: file is empty: it needs at least the header line"]


def test_truncated_row(package):
    lines = _raw(package).decode().splitlines()
    lines[2] = ",".join(lines[2].split(",")[:10])
    (package.root / S).write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = package.problems()
    assert f"{S}:3:11: record has 10 fields, fewer than the {width('subsidies')} in the header (truncated row or stray delimiter?)" in problems


def test_unbalanced_quote(package):
    lines = _raw(package).decode().splitlines()
    lines[3] = lines[3].replace("其中资助", '"其中资助')
    (package.root / S).write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = package.problems()
    # the quote opens the quote cell of line 4: that is where a person fixes it
    assert any(p.startswith(f"{S}:4:{col('subsidies', 'quote')}: malformed CSV") for p in problems), problems


def test_quoted_multiline_cell_keeps_line_numbers(package):
    rows = package.read_rows("subsidies")
    rows[0]["quote"] = "上半年全市共资助各学段学生\n220051人次"
    rows[2]["value"] = "1"
    package.write_rows("subsidies", rows)
    # row 3 starts on physical line 5 because row 1's quote spans two lines
    assert f"{S}:5:12: value: 1 does not equal 109233 parsed from printed '109233人次' (a damaged figure needs a documented repair_rule)" in package.problems()


def test_records_are_read_from_the_same_lines_as_stringio():
    # validation.csvfile splits the text itself (io.StringIO would copy it at 4 bytes a character)
    import io
    from hypothesis import given, settings, strategies as st

    from validation.csvfile import _LINE

    def same(text):
        assert [m.group() for m in _LINE.finditer(text)] == list(io.StringIO(text, newline=""))

    for text in ["", "a", "a\n", "a\r\nb", "a\rb\r", "\n\n", "\r\r\n\n", 'x,"1\r\n2"\ry\n', "\u2028a\x0bb\x1c\n"]:
        same(text)
    settings(max_examples=300, deadline=None)(given(st.text(alphabet="ab,\"\r\n\u2028\x0c ", max_size=30))(same))()


def test_chunked_reading_finds_what_reading_at_once_finds(package):
    from validation.csvfile import read_csv_text
    data = _raw(package).replace(b"\n", b"\r\n", 2) + b"x,y\n\n" + b'1,"2\n'
    header = package.header("subsidies")
    whole = read_csv_text(S, data, header)
    chunks = []
    parts = read_csv_text(S, data, header, sink=lambda rows, first, head: chunks.append((first, rows)), chunk_size=2)
    assert sorted(parts.problems) == sorted(whole.problems) and len(whole.problems) >= 3
    assert [r for _, rows in chunks for r in rows] == whole.rows and parts.rows == []
    assert [first for first, _ in chunks] == list(range(0, len(whole.rows), 2))
    assert parts.lines == whole.lines and parts.header == whole.header
