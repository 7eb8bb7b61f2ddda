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


def _enrollment_rows():
    """Jingjiang 2020 school counts: 105所, 其中幼儿园55所、小学22所、初中12所, 九年一贯制9所,
    普通高中4所, 本科院校、中职、特校各1所 (55+22+12+9+4+1+1+1 = 105)."""
    base = dict(region_code="321282", year="2020", period="point_in_time", as_of="2020-12-31", kind="actual",
                indicator="schools", population="all", unit="school", qualifier="exact", source_id="jingjiang2020")
    total = dict(base, id="jingjiang2020-enr-901", school_level="all", value="105", printed="105所",
                 quote="全市共有各级各类学校105所", breakdown_complete="true")
    parts = [dict(base, id=f"jingjiang2020-enr-9{10 + n}", school_level=level, value=v, printed=f"{v}所", quote=q,
                  parent_id="jingjiang2020-enr-901")
             for n, (level, v, q) in enumerate([("preschool", "55", "其中幼儿园55所"), ("primary", "22", "小学22所"),
                                                ("junior_secondary", "12", "初级中学12所"), ("compulsory", "9", "九年一贯制学校9所"),
                                                ("general_senior_secondary", "4", "普通高中4所")])]
    return total, parts


def test_complete_breakdown_that_does_not_add_up(package):
    total, parts = _enrollment_rows()
    package.write_rows("enrollment", [total] + parts)
    # the three 各1所 schools are left out, so the parts sum to 102, not 105
    assert package.problems() == [
        "data/enrollment.csv:2:11: value: 105 but its 5 parts sum to 102 (tolerance 0 from printed rounding); "
        "breakdown_complete says they should add up"]


def test_complete_breakdown_that_adds_up(package):
    total, parts = _enrollment_rows()
    parts[0].update(value="58")   # value no longer equals printed 55所 (provenance fails) but the sum holds
    package.write_rows("enrollment", [total] + parts)
    assert not any("breakdown_complete says" in p for p in package.problems())


def test_breakdown_declared_complete_without_parts(package):
    total, _ = _enrollment_rows()
    package.write_rows("enrollment", [total])
    assert package.problems() == ["data/enrollment.csv:2:21: breakdown_complete: the row is declared complete but has "
                                  "no parts (rows with parent_id pointing at it)"]


def _hiring(**plan_changes):
    base = dict(region_code="361100", year="2020", period="year", school_level="primary_secondary", population="all",
                unit="person", qualifier="exact", source_id="shangrao2020")
    plan = dict(base, id="shangrao2020-tea-901", kind="target", indicator="planned", channel="unified_recruitment",
                value="1344", printed="1344人", quote="2020年全市国编统招教师计划1344人")
    plan.update(plan_changes)
    hired = dict(base, id="shangrao2020-tea-902", kind="actual", indicator="hired", channel="unified_recruitment",
                 value="1248", printed="1248人", quote="实际招聘1248人；特岗", plan_id="shangrao2020-tea-901")
    return [plan, hired]


def test_plan_pair_is_valid(package):
    package.write_rows("teacher_hiring", _hiring())
    assert package.problems() == []


def test_plan_pair_with_another_channel(package):
    package.write_rows("teacher_hiring", _hiring(channel="special_post"))
    assert package.problems() == [
        "data/teacher_hiring.csv:3:21: plan_id: channel 'unified_recruitment' differs from the plan shangrao2020-tea-901's 'special_post'"]


def test_plan_pair_with_an_actual(package):
    package.write_rows("teacher_hiring", _hiring(kind="actual"))
    # the plan coded actual also draws the curation warning on its own row (validation/curation.py)
    assert package.problems() == [
        "data/teacher_hiring.csv:2:7: warning: kind: actual, but the figure's clause '2020年全市国编统招教师计划1344人' "
        "has the target cue '计划': a plan or norm is not an actual (kind target?)",
        "data/teacher_hiring.csv:3:21: plan_id: pairs a actual row with a actual row; it must pair an actual with a target"]


def test_actual_after_publication(package):
    package.edit("subsidies", 0, year="2021")
    assert package.problems() == [
        "data/subsidies.csv:2:3: year: 2021 is after its source shangrao2020 was published (2020-11-13); "
        "an actual cannot describe a later year (plans are kind target)"]


def test_rounding_tolerance_of_printed_figures():
    from decimal import Decimal

    from validation.crossrow import half_unit
    assert half_unit("105所") == 0                        # a whole count is exact
    assert half_unit("12751.098万元") == Decimal("5")      # last digit 0.001万元 = 10 yuan
    assert half_unit("2.66万个") == Decimal("50")
    assert half_unit("79.25%") == Decimal("0.005")
    assert half_unit("673、5875万元", "dunhao_decimal") == Decimal("0.5")


def test_the_rounding_of_a_figure_depends_on_its_shape_only():
    # half_unit parses one figure per shape (digits written 1): check it against the parse of
    # the figure itself, on generated figures (digits, decimals, separators, 万/亿, units,
    # qualifiers, repairs) and on every figure printed in the package
    from hypothesis import example, given, settings
    from hypothesis import strategies as st

    import pandas as pd

    from scripts.frames import load
    from validation.crossrow import _half_unit, half_unit

    def exact(printed, rule=None):   # the rule on the figure as printed, without the shape
        return _half_unit(printed, rule)

    digits = st.text("0123456789", min_size=1, max_size=9)
    figure = st.builds(lambda q, a, sep, b, m, u, tail: q + a + sep + b + m + u + tail,
                       st.sampled_from(["", "近", "约", "超过"]), digits,
                       st.sampled_from(["", ".", ",", "、", ".0", "l", "O", "-", "至", "~"]), st.text("0123456789", max_size=4),
                       st.sampled_from(["", "万", "亿", "千万"]), st.sampled_from(["", "元", "人", "人次", "%", "所", "个"]),
                       st.sampled_from(["", "余", "以上", "多"]))

    @settings(max_examples=400, deadline=None)
    @given(figure, st.sampled_from([None, "dunhao_decimal", "latin_letter_digit"]))
    @example("20-19万", None)          # a range whose ends are out of order does not parse: no rounding
    @example("5-10万元", None)
    @example("1.4l亿元", "latin_letter_digit")
    @example("673、5875万元", "dunhao_decimal")
    def same(printed, rule):
        assert half_unit(printed, rule) == exact(printed, rule)
    same()
    for name in ("enrollment", "subsidies", "finance", "teacher_hiring", "construction_projects"):
        df = load(name)
        for printed, rule in df[["printed", "repair_rule"]].dropna(subset=["printed"]).itertuples(index=False):
            rule = None if pd.isna(rule) else rule
            assert half_unit(printed, rule) == exact(printed, rule), printed


def test_a_breakdown_with_a_part_without_value_is_not_summed():
    # a part without value (a named project) cannot be added: the total is not judged, as before
    import pandas as pd

    from validation.crossrow import check_breakdowns
    df = pd.DataFrame({"id": ["t", "a", "b"], "parent_id": [None, "t", "t"], "value": [10.0, 3.0, None],
                       "breakdown_complete": pd.array([True, None, None], dtype="boolean"),
                       "printed": ["10所", "3所", None], "repair_rule": [None, None, None]})
    assert check_breakdowns(df) == []
    df.loc[2, "value"] = 6.0
    assert check_breakdowns(df) == [(0, "value", "value: 10 but its 2 parts sum to 9 (tolerance 0 from printed rounding); "
                                                 "breakdown_complete says they should add up")]
