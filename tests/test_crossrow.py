"""Rules between rows: parts and totals, breakdowns, plan/actual pairs, years against sources."""

S = "data/subsidies.csv"


def test_part_exceeds_total(package):
    package.edit("subsidies", 2, value="220052", printed="220052人次")
    problems = package.problems()
    assert f"{S}:4:12: value: part 220052 exceeds its total shangrao2020-sub-901 (220051)" in problems


def test_part_unit_differs_from_total(package):
    package.edit("subsidies", 2, parent_id="shangrao2020-sub-902")
    assert package.problems() == [
        f"{S}:4:14: unit: part is in 'person_time' but its total shangrao2020-sub-902 is in 'yuan'"]


def test_self_reference(package):
    package.edit("subsidies", 0, base_id="shangrao2020-sub-901")
    assert package.problems() == [f"{S}:2:20: base_id: a row cannot refer to itself"]
