"""Charts of the README's comparisons, drawn from the built database's views into docs/charts/.

Each chart compares like with like through the indicator catalogue (indicator_panel and
indicator_series): the period is in every label or axis, partial rollups are marked, cells that
are not comparable are named in the caption rather than drawn, and the caption names the sources.

SVG with English labels kept as text (no CJK font needed; searchable), fixed hash salt and no
date, so a rebuild of unchanged data rewrites identical files.

Every chart is bounded in size whatever the size of the package: a chart with one bar per
region and year draws them while there are at most MAX_BARS, and beyond that one bar per
programme, channel or school level (medians or totals over all regions and years, with the
count in the label), so drawing time does not grow with the rows. matplotlib is imported only
when a chart is drawn, not when the package's commands start.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

import duckdb

MAX_BARS = 20


@cache
def _plt():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    plt.rcParams.update({"svg.hashsalt": "china-local-education-statistics", "svg.fonttype": "none", "font.size": 9,
                         "axes.spines.top": False, "axes.spines.right": False})
    return plt


def _thousands(ax) -> None:
    """x tick labels as 1,400 or 25M (not 1.4e3), few enough not to overlap."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator
    ax.xaxis.set_major_locator(MaxNLocator(nbins=6))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x / 1e6:,g}M" if abs(x) >= 1e6 else f"{x:,.0f}"))


def _save(fig, path: Path) -> Path:
    fig.tight_layout()
    # bbox_inches="tight": long category labels are kept inside the picture, not cut at its edge
    fig.savefig(path, format="svg", metadata={"Date": None}, bbox_inches="tight", pad_inches=0.1)
    _plt().close(fig)
    return path


def _height(bars: int, per_bar: float) -> float:
    return per_bar * min(bars, MAX_BARS) + 1.2


def _count(con, sql: str) -> int:
    return con.execute(f"SELECT count(*) FROM ({sql})").fetchone()[0]


def _span(con, sql: str) -> tuple[int, int, int]:
    """Regions, first and last year of the rows of `sql`, for the title of a grouped chart."""
    return con.execute(f"SELECT count(DISTINCT region_code), min(year), max(year) FROM ({sql})").fetchone()


def _caption(fig, lines: list[str]) -> None:
    """Sources and what was left out, under the chart: every chart says where its figures come from."""
    import textwrap
    text = "\n".join(textwrap.fill(line, 110) for line in lines if line)
    fig.text(0.0, -0.02, text, ha="left", va="top", fontsize=7, color="#444444")


def _sources(con, sql: str, column: str = "sources") -> str:
    ids = con.execute(f"SELECT DISTINCT unnest(string_split({column}, ',')) AS s FROM ({sql}) ORDER BY s").fetchall()
    shown = [i for (i,) in ids[:8]]
    more = f" and {len(ids) - 8} more" if len(ids) > 8 else ""
    return "Sources (data/sources.csv): " + ", ".join(shown) + more + "." if ids else ""


def panel_bars(con, out: Path, indicator: str, name: str, title: str, xlabel: str) -> Path | None:
    """One bar per comparable cell of an indicator (region, period covered, level), partial
    rollups hatched with their coverage; cells that are not comparable are named in the caption,
    not drawn. Beyond MAX_BARS cells, the MAX_BARS most recent (then largest) are drawn."""
    cells = f"""SELECT * FROM indicator_panel WHERE indicator_id = '{indicator}' AND status <> 'not_comparable'"""
    n = _count(con, cells)
    if n == 0:
        return None
    rows = con.execute(f"""
        SELECT region_name_en || ', ' || period_covered
               || CASE WHEN school_level <> 'all' THEN ': ' || replace(school_level, '_', ' ') ELSE '' END
               || CASE WHEN status = 'partial' THEN ' (partial: ' || coverage || ')' ELSE '' END,
               value, status
        FROM ({cells}) ORDER BY year DESC, value DESC LIMIT {MAX_BARS}""").fetchall()
    rows.reverse()
    left_out = con.execute(f"""
        SELECT count(*), string_agg(region_name_en || ' ' || period_covered, '; ' ORDER BY region_name_en, period_covered)
        FROM indicator_panel WHERE indicator_id = '{indicator}' AND status = 'not_comparable'""").fetchone()
    plt = _plt()
    fig, ax = plt.subplots(figsize=(8, _height(len(rows), 0.35)))
    ys = range(len(rows))   # positions, not category labels: two cells may read alike
    bars = ax.barh(list(ys), [r[1] for r in rows], color="#4f81bd")
    ax.set_yticks(list(ys), [r[0] for r in rows])
    for bar, (_, _, status) in zip(bars, rows):
        if status == "partial":
            bar.set_hatch("///")
            bar.set_facecolor("#dce6f2")
    _thousands(ax)
    ax.set_xlabel(xlabel)
    shown = f" ({MAX_BARS} most recent of {n:,} cells)" if n > MAX_BARS else ""
    ax.set_title(title + shown, loc="left")
    _caption(fig, [f"Indicator {indicator} (data/indicators.csv): comparable cells of indicator_panel; "
                   "hatched: partial rollup of some of a prefecture's divisions.",
                   f"Not comparable, not drawn ({left_out[0]}): {left_out[1]}." if left_out[0] else "",
                   _sources(con, cells)])
    return _save(fig, out / name)


def aid_grants(con, out: Path) -> Path | None:
    return panel_bars(con, out, "aid_grants_yuan", "aid_grants.svg",
                      "Student aid granted, all programmes, whole year (period in each label)",
                      "yuan granted in the year (loans excluded)")


HIRING_PAIRS = """
    SELECT h.*, g.name_en FROM hiring_fill_rate h JOIN regions g ON g.code = h.region_code"""


def hiring_plan_vs_actual(con, out: Path) -> Path | None:
    n = _count(con, HIRING_PAIRS)
    if n <= MAX_BARS:
        rows = con.execute(f"""
            SELECT name_en || ' ' || year || ': ' || replace(channel, '_', ' ') AS label, planned, hired
            FROM ({HIRING_PAIRS}) ORDER BY label""").fetchall()
        title = "Teacher hiring: plan versus actual, by channel"
    else:
        regions, first, last = _span(con, HIRING_PAIRS)
        rows = con.execute(f"""
            SELECT replace(channel, '_', ' ') || ', ' || format('{{:,}}', count(*)) || ' plans' AS label,
                   sum(planned), sum(hired)
            FROM ({HIRING_PAIRS}) GROUP BY channel ORDER BY count(*) DESC, channel LIMIT {MAX_BARS}""").fetchall()
        rows.sort(key=lambda r: r[0])
        title = f"Teacher hiring: plan versus actual, by channel\n(totals of {n:,} plans in {regions:,} regions, {first}-{last})"
    if not rows:
        return None
    plt = _plt()
    fig, ax = plt.subplots(figsize=(7, _height(len(rows), 0.6)))
    ys = range(len(rows))
    ax.barh([y + 0.2 for y in ys], [r[1] for r in rows], height=0.4, label="planned", color="#bbbbbb")
    ax.barh([y - 0.2 for y in ys], [r[2] for r in rows], height=0.4, label="hired", color="#4f81bd")
    ax.set_yticks(list(ys), [r[0] for r in rows])
    _thousands(ax)
    ax.set_xlabel("teachers, whole year (planned and hired in the same year)")
    ax.set_title(title)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    _caption(fig, ["Pairs of a plan row and the hired row that names it (view hiring_fill_rate), same source and channel.",
                   _sources(con, HIRING_PAIRS, "source_id")])
    return _save(fig, out / "hiring_plan_vs_actual.svg")


LOAN_REGION = "431321"   # Shuangfeng County: the one student-loan series of the real package
LOAN_SERIES = ("student_loans_yuan", "student_loan_borrowers")


def loan_series(con, out: Path) -> Path | None:
    """Shuangfeng County's loans and borrowers on one axis, each indexed to its first year
    (= 100), from indicator_series; repaired figures drawn hollow. Not drawn for a package
    without that series."""
    series = f"""SELECT * FROM indicator_series WHERE region_code = '{LOAN_REGION}'
                 AND indicator_id IN {LOAN_SERIES!r} AND school_level = 'higher'"""
    rows = con.execute(f"SELECT indicator_id, year, index_first_year, value, repair_rules FROM ({series}) "
                       "ORDER BY indicator_id, year").fetchall()
    if not rows:
        return None
    plt = _plt()
    fig, ax = plt.subplots(figsize=(6.5, 3.4))
    style = {"student_loan_borrowers": ("#c0504d", "s", "borrowers (persons)"),
             "student_loans_yuan": ("#4f81bd", "o", "loans lent (yuan)")}
    years = sorted({r[1] for r in rows})
    for ind, (color, marker, label) in style.items():
        pts = [r for r in rows if r[0] == ind]
        if not pts:
            continue
        first = pts[0]
        ax.plot([r[1] for r in pts], [r[2] for r in pts], color=color, label=f"{label}; {first[1]} = {first[3]:,.0f}")
        for r in pts:
            hollow = r[4] is not None
            ax.plot([r[1]], [r[2]], marker=marker, color=color, markerfacecolor="white" if hollow else color,
                    linestyle="none")
    ax.axhline(100, color="#bbbbbb", linewidth=0.8)
    if len(years) <= 10:
        ax.set_xticks(years)
    else:
        from matplotlib.ticker import MaxNLocator
        ax.xaxis.set_major_locator(MaxNLocator(nbins=8, integer=True))
    ax.set_xlabel("year (whole year)")
    ax.set_ylabel(f"index, {years[0]} = 100")
    ax.set_title(f"Shuangfeng County: student-origin credit loans, whole years {years[0]}-{years[-1]}", loc="left")
    ax.legend(loc="upper left", frameon=False)
    repaired = sorted({r[4] for r in rows if r[4]})
    _caption(fig, ["One axis: each series indexed to its first year. Loans are lent, not granted: no grant is added.",
                   f"Hollow markers: the figure was repaired (rule {', '.join(repaired)}, docs/repair-rules.md); "
                   "quote and printed figure stay verbatim." if repaired else "",
                   _sources(con, series)])
    return _save(fig, out / "shuangfeng_loans.svg")


def per_student_spending(con, out: Path) -> Path | None:
    return panel_bars(con, out, "per_student_expenditure_yuan", "per_student_expenditure.svg",
                      "Per-student education expenditure by school level, whole year",
                      "yuan per student, general public budget, in the year")


ZHUMADIAN = "411700"   # Zhumadian City: the 25-year series of government work reports
SERIES_YEARS = (2001, 2025)
SERIES_PANELS = (   # (indicator, title, unit label, scale, log axis): one panel each, outcomes from indicator_panel
    ("schools_built_or_expanded", "Schools and kindergartens newly built, rebuilt or expanded in the year", "schools", 1, True),
    ("places_added", "School places added in the year", "places", 1, False),
    ("two_exemptions_one_subsidy_yuan", "Aid to rural compulsory students, two exemptions and one subsidy "
     "(liang mian yi bu): funds and students aided", "million yuan", 1e6, False),
)
LEVEL_STYLE = {   # school level -> (colour, label); other levels get grey and their code
    "preschool": ("#c0504d", "kindergartens"),
    "primary_secondary": ("#4f81bd", "primary and secondary schools"),
    "compulsory": ("#1f497d", "compulsory-education schools"),
    "general_senior_secondary": ("#8064a2", "senior high schools"),
    "primary_secondary_preschool": ("#9bbb59", "schools and kindergartens, one figure"),
}

# Targets of the same measure: a row of kind target that the report delivered in year Y sets for
# Y (sources.delivery_year), one year, not a part, with the unit, population and kinds of work of
# the indicator's own rule (data/indicator_rules.csv); a task to start building (status
# under_construction) is not a task to build or expand. Summed by level: a plan split by kind of
# work (48 new, 182 expanded) is one target of the level.
SERIES_TARGETS = """
    SELECT o.year, o.school_level, sum(o.value) AS value, count(*) AS n_rows,
           string_agg(DISTINCT coalesce(o.project_kind, o.programme), ',' ORDER BY coalesce(o.project_kind, o.programme)) AS kinds
    FROM observations o JOIN sources s ON s.id = o.source_id AND o.year = s.delivery_year
    JOIN indicators i ON i.id = $indicator AND i.unit = o.unit
    WHERE o.region_code = $region AND o.kind = 'target' AND o.period = 'year' AND o.parent_id IS NULL
      AND o.value IS NOT NULL AND o.population IN ('all', 'rural', 'financially_disadvantaged')
      AND CASE $indicator
          WHEN 'schools_built_or_expanded' THEN o.table_name = 'construction_projects' AND o.indicator = 'schools'
               AND o.population = 'all' AND coalesce(o.status, '') <> 'under_construction'
               AND o.project_kind IN ('new_build', 'rebuild_or_expansion', 'new_or_expansion', 'relocation')
          WHEN 'places_added' THEN o.table_name = 'construction_projects' AND o.indicator = 'places'
               AND o.population = 'all'
          WHEN 'two_exemptions_one_subsidy_yuan' THEN o.table_name = 'subsidies' AND o.indicator = 'amount'
               AND o.programme = 'two_exemptions_one_subsidy'
          ELSE false END
    GROUP BY o.year, o.school_level"""


def _series_data(con, indicator: str) -> dict:
    """Outcomes (comparable cells of indicator_panel, with indicator_series' notes), targets,
    multi-year figures (matched rows the panel leaves out as multi_year) of one indicator."""
    args = {"indicator": indicator, "region": ZHUMADIAN}
    outcomes = con.execute("""
        SELECT p.year, p.school_level, p.value, p.composition, s.note, p.sources
        FROM indicator_panel p
        LEFT JOIN indicator_series s ON s.region_code = p.region_code AND s.indicator_id = p.indicator_id
             AND s.year = p.year AND s.school_level = p.school_level
        WHERE p.region_code = $region AND p.indicator_id = $indicator AND p.status = 'complete'
        ORDER BY p.year, p.school_level""", args).fetchall()
    targets = con.execute(SERIES_TARGETS + " ORDER BY o.year, o.school_level", args).fetchall()
    spans = con.execute("""
        SELECT o.first_year, o.year, o.school_level, o.value, o.source_id
        FROM indicator_matches m JOIN observations o ON o.id = m.id
        WHERE m.region_code = $region AND m.indicator_id = $indicator AND m.period = 'multi_year'
        ORDER BY o.first_year, o.year""", args).fetchall()
    recipients = dict(con.execute("""
        SELECT year, value FROM indicator_panel WHERE region_code = $region AND status = 'complete'
          AND indicator_id = 'two_exemptions_one_subsidy_persons'""", {"region": ZHUMADIAN}).fetchall()) \
        if indicator == "two_exemptions_one_subsidy_yuan" else {}
    return dict(outcomes=outcomes, targets=targets, spans=spans, recipients=recipients)


def _level(level: str) -> tuple[str, str]:
    return LEVEL_STYLE.get(level, ("#7f7f7f", level.replace("_", " ")))


def _breaks(outcomes: list) -> list[tuple[int, str]]:
    """Years whose outcome is not defined like the one before: a level reported before is no
    longer reported on its own (e.g. kindergartens and schools given as one figure), or a cell's
    composition (kind of work, programme scope) changes (indicator_series' note)."""
    by_year: dict[int, list] = {}
    for year, level, _, _, note, _ in outcomes:
        by_year.setdefault(year, []).append((level, note))
    out, previous = [], None
    for year in sorted(by_year):
        levels = {lvl for lvl, _ in by_year[year]}
        changes = [n.split("; ")[0] for _, n in by_year[year] if n and n.startswith("composition changes")]
        if previous is not None and not levels >= previous:
            changes.append("reported as " + ", ".join(_level(lvl)[1] for lvl in sorted(levels)) + " instead of "
                           + ", ".join(_level(lvl)[1] for lvl in sorted(previous)))
        if changes:
            out.append((year, "; ".join(changes)))
        previous = levels
    return out


def _mark(ax, x: float, value: float, colour: str, hollow: bool, label: str, log: bool) -> None:
    ax.plot([x], [value], "o", color=colour, markerfacecolor="white" if hollow else colour, markersize=5.5,
            markeredgewidth=1.2)
    ax.annotate(label, (x, value), textcoords="offset points", xytext=(-3, 3) if hollow else (3, 3),
                ha="right" if hollow else "left", fontsize=6, color=colour)


def _series_panel(ax, data: dict, title: str, unit: str, scale: float, log: bool) -> list[str]:
    """One measure: targets (hollow, left of the year) and outcomes (filled, right), coloured by
    level, one-year figures only; years with no outcome shaded; a break in definition as a dashed
    line before its year; five-year figures as labelled spans, not on the yearly scale. Returns
    the caption's break notes."""
    first, last = SERIES_YEARS
    levels = []
    for year, level, value, *_ in data["outcomes"]:
        extra = f" ({data['recipients'][year] / 1e6:,.2f}M persons)" if year in data["recipients"] else ""
        _mark(ax, year + 0.15, value / scale, _level(level)[0], False, f"{value / scale:,.0f}{extra}", log)
        levels.append(level)
    for year, level, value, *_ in data["targets"]:
        _mark(ax, year - 0.15, value / scale, _level(level)[0], True, f"{value / scale:,.0f}", log)
        levels.append(level)
    for level in sorted(set(levels), key=lambda lvl: list(LEVEL_STYLE).index(lvl) if lvl in LEVEL_STYLE else 99):
        ax.plot([], [], "s", color=_level(level)[0], label=_level(level)[1])
    ax.plot([], [], "o", color="#555555", label="outcome (next report)")
    ax.plot([], [], "o", color="#555555", markerfacecolor="white", label="target (same year's report)")
    with_outcome = {r[0] for r in data["outcomes"]}
    for y in range(first, last + 1):
        if y not in with_outcome:
            ax.axvspan(y - 0.5, y + 0.5, color="#eeeeee", zorder=0, linewidth=0)
    notes = []
    for year, what in _breaks(data["outcomes"]):
        ax.axvline(year - 0.5, color="#555555", linestyle="--", linewidth=0.8)
        notes.append(f"{year}: {what}")
    if log:
        ax.set_yscale("log")
        lo, hi = ax.get_ylim()
        ax.set_ylim(max(lo, 0.5), hi * 10 ** (0.35 * (1 + len(data["spans"]))))
    else:
        hi = ax.get_ylim()[1] if levels else 1
        ax.set_ylim(0, hi * (1.3 + 0.2 * len(data["spans"])))
    for k, (fy, ly, level, value, _) in enumerate(data["spans"]):
        y = 0.95 - 0.12 * k
        ax.annotate("", xy=(ly + 0.45, y), xytext=(fy - 0.45, y), xycoords=("data", "axes fraction"),
                    arrowprops=dict(arrowstyle="|-|", color="#555555", linewidth=0.8, mutation_scale=3))
        right = (fy + ly) / 2 > (first + last) / 2
        ax.annotate(f"{fy}-{ly}: {value / scale:,.0f} {unit} ({_level(level)[1]}), five-year figure, not on this scale",
                    xy=(ly + 0.45 if right else fy - 0.45, y - 0.02), xycoords=("data", "axes fraction"),
                    ha="right" if right else "left", va="top", fontsize=6.5, color="#333333")
    ax.set_title(title, loc="left", fontsize=9)
    ax.set_ylabel(unit + (" (log scale)" if log else ""))
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=7)
    return notes


def zhumadian_series(con, out: Path) -> Path | None:
    """Zhumadian 2001-2025: schools and kindergartens built or expanded, places added and 两免一补
    aid, targets (the report of Y, for Y) beside outcomes (the report of Y+1, reviewing Y), one
    panel per indicator. Not drawn for a package without Zhumadian cells."""
    if _count(con, f"SELECT 1 FROM indicator_panel WHERE region_code = '{ZHUMADIAN}' AND indicator_id IN "
                   f"{tuple(p[0] for p in SERIES_PANELS)!r}") == 0:
        return None
    plt = _plt()
    fig, axes = plt.subplots(len(SERIES_PANELS), 1, figsize=(9.5, 3.0 * len(SERIES_PANELS)), sharex=True)
    notes, sources = [], set()
    for ax, (indicator, title, unit, scale, log) in zip(axes, SERIES_PANELS):
        data = _series_data(con, indicator)
        sources |= {s for r in data["outcomes"] for s in r[5].split(",")} | {r[4] for r in data["spans"]}
        notes += [f"{indicator} {n}" for n in _series_panel(ax, data, title, unit, scale, log)]
    first, last = SERIES_YEARS
    axes[-1].set_xlim(first - 0.6, last + 0.6)
    axes[-1].set_xticks(list(range(first, last + 1, 2)))
    axes[-1].set_xlabel("year described (whole year); outcome from the report delivered the next year")
    fig.suptitle(f"Zhumadian City, {first}-{last}: targets (hollow, the report of year Y for Y) and outcomes "
                 "(filled, the report of Y+1)", x=0.0, ha="left", fontsize=10)
    ids = sorted(sources)
    silent = [y for (y,) in con.execute("""
        SELECT y FROM range($first, $last + 1) t(y)
        WHERE y NOT IN (SELECT year FROM observations WHERE region_code = $region AND kind = 'actual')
        ORDER BY y""", {"first": first, "last": last, "region": ZHUMADIAN}).fetchall()]
    _caption(fig, ["Filled: outcome, a one-year cell of indicator_panel (schools_built_or_expanded, places_added, "
                   "two_exemptions_one_subsidy_yuan, with the persons of two_exemptions_one_subsidy_persons in brackets). "
                   "Hollow: target rows of the same measure in the report delivered that year, summed by level. "
                   "Shaded: no outcome figure of the measure for that year. Dashed line: a break in definition from "
                   "the figure before.",
                   "Years for which no report prints any education figure (see the sources' quality notes): "
                   + ", ".join(map(str, silent)) + "." if silent else "",
                   "Breaks: " + " | ".join(notes) + "." if notes else "",
                   "Sources (data/sources.csv): " + ", ".join(ids[:6]) + (f" and {len(ids) - 6} more" if len(ids) > 6 else "") + "."])
    return _save(fig, out / "zhumadian_series.svg")


CHARTS = (aid_grants, hiring_plan_vs_actual, loan_series, per_student_spending, zhumadian_series)


def draw_all(database: Path, out: Path) -> list[Path]:
    """Every chart whose data the package has, into out/ (a chart without rows is not drawn)."""
    out.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(database), read_only=True)
    try:
        return [p for p in (chart(con, out) for chart in CHARTS) if p is not None]
    finally:
        con.close()
