"""Loading each table once into DuckDB: the fast reader and the Python pass give the same
records, and a problem's line is the physical line of its record."""
from pathlib import Path

from conftest import col

from scripts.metadata import table
from validation import database

S = "data/subsidies.csv"


def _load(root: Path, name: str = "subsidies"):
    con = database.connect()
    lines, n, _ = database.load_raw(con, table(name, root), root)
    return con, lines, n


def test_a_clean_file_goes_through_duckdb_with_one_line_per_record(package):
    con, lines, n = _load(package.root)
    assert lines.problems == [] and lines.one_line_each and n == 3
    assert [lines.line_of(i) for i in range(n)] == [2, 3, 4]


def test_a_quoted_line_break_moves_the_lines_of_later_records(package):
    rows = package.read_rows("subsidies")
    package.edit("subsidies", 0, quote=rows[0]["quote"][:5] + "\n" + rows[0]["quote"][5:])
    package.edit("subsidies", 2, year="twenty")
    con, lines, n = _load(package.root)
    assert not lines.one_line_each and n == 3
    assert [lines.line_of(i) for i in range(n)] == [2, 4, 5]
    assert f"{S}:5:{col('subsidies', 'year')}: year: 'twenty' is not an integer" in package.problems()


def test_the_python_pass_and_duckdb_read_the_same_cells(package):
    """A file with a byte-level problem (here CRLF line endings) is read by the Python pass;
    its cells are those DuckDB reads from the clean file."""
    clean = _load(package.root)[0].execute("FROM raw_subsidies ORDER BY rowid").fetchall()
    path = package.root / S
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    con, lines, n = _load(package.root)
    assert con.execute("FROM raw_subsidies ORDER BY rowid").fetchall() == clean


def test_records_of_the_wrong_width_are_reported_not_loaded_short(package):
    path = package.root / S
    text = path.read_text(encoding="utf-8").splitlines(keepends=True)
    text[2] = text[2].rstrip("\n") + ",\n"   # one trailing delimiter: DuckDB alone would pass it
    path.write_text("".join(text), encoding="utf-8")
    con, lines, n = _load(package.root)
    assert any(p.line == 3 and "more than the" in p.message for p in lines.problems)
