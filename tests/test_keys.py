"""Primary and foreign keys."""

S = "data/subsidies.csv"


def test_duplicate_primary_key(package):
    package.edit("subsidies", 1, id="shangrao2020-sub-901")
    assert package.problems() == [f"{S}:3:1: id: duplicate primary key 'shangrao2020-sub-901', first used on line 2"]


def test_dangling_region(package):
    package.edit("subsidies", 0, region_code="361199")
    assert package.problems() == [f"{S}:2:2: region_code: '361199' is not a code in regions"]


def test_dangling_source(package):
    package.edit("subsidies", 0, source_id="nowhere2020")
    assert package.problems() == [f"{S}:2:17: source_id: 'nowhere2020' is not a id in sources"]


def test_dangling_parent(package):
    package.edit("subsidies", 2, parent_id="shangrao2020-sub-999")
    assert package.problems() == [f"{S}:4:19: parent_id: 'shangrao2020-sub-999' is not a id in subsidies"]


def test_composite_primary_key(package):
    row = dict(source_id="shangrao2020", char_offset="5", text="2020", reason="date")
    package.write_rows("coverage_exclusions", [row, dict(row, reason="vague")])
    problems = package.problems(keep_ledger=True)
    assert "data/coverage_exclusions.csv:3:1: source_id+char_offset: duplicate primary key ('shangrao2020', '5'), first used on line 2" in problems
