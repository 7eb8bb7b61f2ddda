"""Charts of the headline comparisons, drawn from the built database's views into docs/charts/.

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


AID_PAIRS = """
    SELECT a.*, g.name_en FROM aid_per_recipient a JOIN regions g ON g.code = a.region_code WHERE NOT a.is_part"""


def aid_per_recipient(con, out: Path) -> Path | None:
    n = _count(con, AID_PAIRS)
    if n <= MAX_BARS:
        rows = con.execute(f"""
            SELECT name_en || ' ' || year || ': ' || replace(programme, '_', ' ') || ' (' || period || ')',
                   yuan_per_recipient, recipient_unit
            FROM ({AID_PAIRS}) ORDER BY yuan_per_recipient""").fetchall()
        title = "Student aid per recipient, by programme\n(actuals; parts of totals left out)"
    else:
        regions, first, last = _span(con, AID_PAIRS)
        rows = con.execute(f"""
            SELECT replace(programme, '_', ' ') || ' (' || period || '), ' || format('{{:,}}', count(*)) || ' pairs',
                   median(yuan_per_recipient) AS yuan, recipient_unit
            FROM ({AID_PAIRS}) GROUP BY programme, period, recipient_unit
            ORDER BY count(*) DESC, yuan DESC LIMIT {MAX_BARS}""").fetchall()
        rows.sort(key=lambda r: r[1])
        title = (f"Student aid per recipient, by programme: median of {n:,} amount/recipient pairs\n"
                 f"in {regions:,} regions, {first}-{last} (actuals; parts of totals left out"
                 + (f"; the {MAX_BARS} most frequent programmes)" if len(rows) == MAX_BARS else ")"))
    if not rows:
        return None
    plt = _plt()
    fig, ax = plt.subplots(figsize=(8, _height(len(rows), 0.3)))
    colors = ["#c0504d" if unit == "person_time" else "#4f81bd" for _, _, unit in rows]
    ax.barh([r[0] for r in rows], [r[1] for r in rows], color=colors)
    _thousands(ax)
    ax.set_xlabel("yuan per recipient (blue: per person; red: per person-time)")
    ax.set_title(title, loc="left")
    return _save(fig, out / "aid_per_recipient.svg")


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
    ax.set_xlabel("teachers")
    ax.set_title(title)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    return _save(fig, out / "hiring_plan_vs_actual.svg")


LOAN_REGION = "431321"   # Shuangfeng County: the one student-loan series of the real package


def loan_series(con, out: Path) -> Path | None:
    """Shuangfeng County's loans by year (at most one point per year); not drawn for a package
    without that series."""
    rows = con.execute(f"""
        SELECT year, max(value) FILTER (WHERE indicator = 'amount') / 1e4, max(value) FILTER (WHERE indicator = 'recipients')
        FROM subsidies WHERE programme = 'student_loan' AND region_code = '{LOAN_REGION}' AND kind = 'actual'
        GROUP BY year ORDER BY year""").fetchall()
    if not rows:
        return None
    plt = _plt()
    fig, ax = plt.subplots(figsize=(6, 3.2))
    ax.plot([r[0] for r in rows], [r[1] for r in rows], marker="o", color="#4f81bd", label="loans, 10,000 yuan")
    ax2 = ax.twinx()
    ax2.plot([r[0] for r in rows], [r[2] for r in rows], marker="s", color="#c0504d", label="students")
    if len(rows) <= 10:
        ax.set_xticks([r[0] for r in rows])
    else:
        from matplotlib.ticker import MaxNLocator
        ax.xaxis.set_major_locator(MaxNLocator(nbins=8, integer=True))
    ax.set_ylabel("10,000 yuan")
    ax2.set_ylabel("students")
    ax.set_title(f"Shuangfeng County: student-origin credit loans, {rows[0][0]}-{rows[-1][0]}")
    fig.legend(loc="upper left", bbox_to_anchor=(0.12, 0.85))
    return _save(fig, out / "shuangfeng_loans.svg")


SPENDING = """
    SELECT f.*, g.name_en AS region_name FROM per_student_funding f JOIN regions g ON g.code = f.region_code
    WHERE f.indicator = 'per_student_expenditure' AND f.actual_yuan IS NOT NULL"""


def per_student_spending(con, out: Path) -> Path | None:
    n = _count(con, SPENDING)
    if n <= MAX_BARS:
        rows = con.execute(f"""
            SELECT region_name || ': ' || replace(school_level, '_', ' ') AS label, actual_yuan
            FROM ({SPENDING}) ORDER BY actual_yuan""").fetchall()
        title = "Per-student education expenditure by school level"
    else:
        regions, first, last = _span(con, SPENDING)
        rows = con.execute(f"""
            SELECT replace(school_level, '_', ' ') || ', ' || format('{{:,}}', count(*)) || ' figures' AS label,
                   median(actual_yuan) AS yuan
            FROM ({SPENDING}) GROUP BY school_level ORDER BY count(*) DESC, school_level LIMIT {MAX_BARS}""").fetchall()
        rows.sort(key=lambda r: r[1])
        title = f"Per-student education expenditure by school level\n(median of {n:,} figures in {regions:,} regions, {first}-{last})"
    if not rows:
        return None
    plt = _plt()
    fig, ax = plt.subplots(figsize=(7, _height(len(rows), 0.4)))
    ax.barh([r[0] for r in rows], [r[1] for r in rows], color="#4f81bd")
    _thousands(ax)
    ax.set_xlabel("yuan per student, general public budget")
    ax.set_title(title)
    return _save(fig, out / "per_student_expenditure.svg")


CHARTS = (aid_per_recipient, hiring_plan_vs_actual, loan_series, per_student_spending)


def draw_all(database: Path, out: Path) -> list[Path]:
    """Every chart whose data the package has, into out/ (a chart without rows is not drawn)."""
    out.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(database), read_only=True)
    try:
        return [p for p in (chart(con, out) for chart in CHARTS) if p is not None]
    finally:
        con.close()
