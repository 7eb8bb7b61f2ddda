"""Source text is read in one place and decoded with the encoding declared for the source."""
import csv
import hashlib

import pytest

from conftest import col
from scripts.source_text import SourceTextError, decode_source, read_source, read_source_text

# A Hailar-like report: GB18030 bytes with CRLF line breaks.
GB_TEXT = "政府工作报告\r\n　　新建校舍1.2万平方米，\r\n　　资助贫困学生356人。\r\n"
GB_ROW = dict(id="gbtest2015", title="政府工作报告", title_en="Test report", issuer="海拉尔区人民政府",
              issuer_en="Hailar District People's Government", region_code="150702", report_year="2014",
              kind="government_work_report", path="sources/gbtest_2015.txt", encoding="gb18030",
              delivery_year="2015", quality_note="test file")
ROW = dict(id="gbtest2015-sub-001", region_code="150702", year="2014", period="year", kind="actual",
           indicator="recipients", programme="all_programmes", school_level="all", population="financially_disadvantaged",
           value="356", unit="person", qualifier="exact", printed="356人", source_id="gbtest2015",
           quote="资助贫困学生356人")


def add_gb_source(package, data: bytes | None = None, **changes) -> dict:
    """Archive GB_TEXT (or `data`) in the package as a GB18030 source; returns its sources row."""
    data = GB_TEXT.encode("gb18030") if data is None else data
    (package.root / GB_ROW["path"]).write_bytes(data)
    row = {**GB_ROW, "sha256": hashlib.sha256(data).hexdigest(), **changes}
    package.write_rows("sources", package.read_rows("sources") + [row])
    return row


def test_gb18030_bytes_are_not_utf8_so_the_declaration_matters():
    with pytest.raises(UnicodeDecodeError):
        GB_TEXT.encode("gb18030").decode("utf-8")
    assert decode_source(GB_TEXT.encode("gb18030"), "gb18030", "x.txt") == GB_TEXT


def test_read_source_text_decodes_with_the_declared_encoding_and_keeps_crlf(package):
    row = add_gb_source(package)
    text = read_source_text(row, package.root)
    assert text == GB_TEXT and "\r\n" in text
    assert read_source_text("gbtest2015", package.root) == text          # by id as well
    data, _ = read_source(row, package.root)
    assert hashlib.sha256(data).hexdigest() == row["sha256"]             # the bytes as archived


def test_quote_of_a_gb18030_source_is_checked_against_the_decoded_text(package):
    add_gb_source(package)
    package.write_rows("subsidies", package.read_rows("subsidies") + [ROW])
    assert package.problems() == []
    package.write_rows("subsidies", package.read_rows("subsidies")[:-1] + [dict(ROW, quote="资助贫困学生357人",
                                                                                    printed="357人", value="357")])
    line = len(package.read_rows("subsidies")) + 1
    assert package.problems() == [
        f"data/subsidies.csv:{line}:{col('subsidies', 'quote')}: quote: not found in the archived source "
        "(whitespace ignored); quote it verbatim"]


def test_sha256_is_over_the_original_bytes_not_the_decoded_text(package):
    add_gb_source(package, sha256=hashlib.sha256(GB_TEXT.encode("utf-8")).hexdigest())
    line = len(package.read_rows("sources")) + 1
    problems = package.problems()
    assert len(problems) == 1 and problems[0].startswith(f"data/sources.csv:{line}:{col('sources', 'sha256')}: sha256: ")


def test_a_gb18030_file_declared_utf8_is_an_error_at_its_line_and_column(package):
    add_gb_source(package, encoding="utf-8")
    problems = package.problems()
    # the first undecodable byte is the first character of line 1
    assert len(problems) == 1 and problems[0].startswith(
        "sources/gbtest_2015.txt:1:1: archived source: not valid utf-8 text (byte 0: ")


def test_undecodable_byte_is_located_by_line_and_column():
    data = "第一行\r\n第二行".encode("utf-8") + b"\xff"
    with pytest.raises(SourceTextError) as exc:
        decode_source(data, "utf-8", "s.txt")
    assert str(exc.value).startswith("s.txt:2:4: not valid utf-8 text")


def test_unknown_encoding_is_a_one_line_error():
    with pytest.raises(SourceTextError) as exc:
        decode_source(b"x", "latin-9x", "s.txt")
    assert str(exc.value) == "s.txt:1:1: unknown text encoding 'latin-9x'"


def test_candidates_reads_an_archived_gb18030_file_through_its_declaration(package, capsys):
    from scripts.candidates import main
    add_gb_source(package)
    for arg in (str(package.root / GB_ROW["path"]), "gbtest2015"):
        assert main([arg, "--root", str(package.root), "--format", "csv", "--hint", "figure"]) == 0
        rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
        assert [(r["text"], r["offset"]) for r in rows] == [("1.2万平方米", str(GB_TEXT.index("1.2万"))),
                                                           ("356人", str(GB_TEXT.index("356人")))]


def test_archived_file_stays_inside_the_package(tmp_path):
    from scripts.source_text import archived_file
    root, outside = tmp_path / "pkg", tmp_path / "outside"
    (root / "sources").mkdir(parents=True)
    outside.mkdir()
    (root / "sources" / "a.txt").write_text("x")
    (outside / "secret.txt").write_text("x")
    (root / "sources" / "link.txt").symlink_to(outside / "secret.txt")
    (root / "sources" / "dir").symlink_to(outside, target_is_directory=True)
    (root / "sources" / "inner.txt").symlink_to(root / "sources" / "a.txt")
    assert archived_file(root, "sources/a.txt") == root / "sources" / "a.txt"
    assert archived_file(root, "sources/inner.txt") is not None      # a link that stays inside
    assert archived_file(root, "sources/link.txt") is None           # a link leaving the package
    assert archived_file(root, "sources/dir/secret.txt") is None     # through a linked directory
    assert archived_file(root, "../outside/secret.txt") is None
    assert archived_file(root, "sources/missing.txt") is None
    assert archived_file(root, "sources") is None                    # not a file
