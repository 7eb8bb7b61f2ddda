"""Rules within one row."""

S = "data/subsidies.csv"


def test_value_required(package):
    package.edit("subsidies", 0, value="", unit="", printed="")
    assert package.problems() == [
        f"{S}:2:12: value: is required (only a named project row, indicator 'project' with project_name, may have none)"]


def test_unit_required_with_value(package):
    package.edit("subsidies", 0, unit="")
    assert package.problems() == [f"{S}:2:14: unit: is required when value is given"]


def test_range_needs_value_max(package):
    package.edit("subsidies", 0, qualifier="range")
    assert f"{S}:2:13: value_max: must be given exactly when qualifier is 'range'" in package.problems()


def test_span_needs_first_year(package):
    package.edit("subsidies", 0, period="multi_year")
    assert package.problems() == [f"{S}:2:4: first_year: must be given exactly when period is multi_year or school_year"]


def test_first_year_before_year(package):
    package.edit("subsidies", 0, period="multi_year", first_year="2021")
    assert package.problems() == [f"{S}:2:4: first_year: 2021 must be before year 2020"]


def test_named_project_row_without_value_is_valid(package):
    row = dict(id="shangrao2020-con-901", region_code="361104", year="2020", period="point_in_time", as_of="2020-11-13",
               kind="actual", indicator="project", project_name="广信区九小", project_kind="not_applicable",
               status="partly_in_use", school_level="primary", population="all", qualifier="exact",
               source_id="shangrao2020", quote="目前，广信区九小已部分交付使用")
    package.write_rows("construction_projects", [row])
    assert package.problems() == []
    package.edit("construction_projects", 0, project_name="广信区十小")
    assert package.problems() == ["data/construction_projects.csv:2:9: project_name: '广信区十小' does not occur in the quote"]
