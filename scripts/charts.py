"""Charts of the headline comparisons, drawn from the built database's views into docs/charts/.

SVG with English labels kept as text (no CJK font needed; searchable), fixed hash salt and no
date, so a rebuild of unchanged data rewrites identical files.
"""
from __future__ import annotations

from pathlib import Path

import duckdb
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

plt.rcParams.update({"svg.hashsalt": "china-local-education-statistics", "svg.fonttype": "none", "font.size": 9,
                     "axes.spines.top": False, "axes.spines.right": False})


def _save(fig, path: Path) -> Path:
    fig.tight_layout()
    fig.savefig(path, format="svg", metadata={"Date": None})
    plt.close(fig)
    return path


def aid_per_recipient(con, out: Path) -> Path:
    rows = con.execute("""
        SELECT g.name_en || ' ' || a.year || ': ' || replace(a.programme, '_', ' ') || ' (' || a.period || ')' AS label,
               a.yuan_per_recipient, a.recipient_unit
        FROM aid_per_recipient a JOIN regions g ON g.code = a.region_code
        WHERE NOT a.is_part ORDER BY a.yuan_per_recipient""").fetchall()
    fig, ax = plt.subplots(figsize=(8, 0.3 * len(rows) + 1.2))
    colors = ["#c0504d" if unit == "person_time" else "#4f81bd" for _, _, unit in rows]
    ax.barh([r[0] for r in rows], [r[1] for r in rows], color=colors)
    ax.set_xlabel("yuan per recipient (blue: per person; red: per person-time)")
    ax.set_title("Student aid per recipient, by programme\n(actuals; parts of totals left out)", loc="left")
    return _save(fig, out / "aid_per_recipient.svg")


def hiring_plan_vs_actual(con, out: Path) -> Path:
    rows = con.execute("""
        SELECT g.name_en || ' ' || h.year || ': ' || replace(h.channel, '_', ' ') AS label, h.planned, h.hired
        FROM hiring_fill_rate h JOIN regions g ON g.code = h.region_code ORDER BY label""").fetchall()
    fig, ax = plt.subplots(figsize=(7, 0.6 * len(rows) + 1.2))
    ys = range(len(rows))
    ax.barh([y + 0.2 for y in ys], [r[1] for r in rows], height=0.4, label="planned", color="#bbbbbb")
    ax.barh([y - 0.2 for y in ys], [r[2] for r in rows], height=0.4, label="hired", color="#4f81bd")
    ax.set_yticks(list(ys), [r[0] for r in rows])
    ax.set_xlabel("teachers")
    ax.set_title("Teacher hiring: plan versus actual, by channel")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    return _save(fig, out / "hiring_plan_vs_actual.svg")


def loan_series(con, out: Path) -> Path:
    rows = con.execute("""
        SELECT year, max(value) FILTER (WHERE indicator = 'amount') / 1e4, max(value) FILTER (WHERE indicator = 'recipients')
        FROM subsidies WHERE programme = 'student_loan' AND region_code = '431321' AND kind = 'actual'
        GROUP BY year ORDER BY year""").fetchall()
    fig, ax = plt.subplots(figsize=(6, 3.2))
    ax.plot([r[0] for r in rows], [r[1] for r in rows], marker="o", color="#4f81bd", label="loans, 10,000 yuan")
    ax2 = ax.twinx()
    ax2.plot([r[0] for r in rows], [r[2] for r in rows], marker="s", color="#c0504d", label="students")
    ax.set_xticks([r[0] for r in rows])
    ax.set_ylabel("10,000 yuan")
    ax2.set_ylabel("students")
    ax.set_title("Shuangfeng County: student-origin credit loans, 2014-2017")
    fig.legend(loc="upper left", bbox_to_anchor=(0.12, 0.85))
    return _save(fig, out / "shuangfeng_loans.svg")


def per_student_spending(con, out: Path) -> Path:
    rows = con.execute("""
        SELECT g.name_en || ': ' || replace(f.school_level, '_', ' ') AS label, f.actual_yuan
        FROM per_student_funding f JOIN regions g ON g.code = f.region_code
        WHERE f.indicator = 'per_student_expenditure' AND f.actual_yuan IS NOT NULL ORDER BY f.actual_yuan""").fetchall()
    fig, ax = plt.subplots(figsize=(7, 0.4 * len(rows) + 1.2))
    ax.barh([r[0] for r in rows], [r[1] for r in rows], color="#4f81bd")
    ax.set_xlabel("yuan per student, general public budget")
    ax.set_title("Per-student education expenditure by school level")
    return _save(fig, out / "per_student_expenditure.svg")


CHARTS = (aid_per_recipient, hiring_plan_vs_actual, loan_series, per_student_spending)


def draw_all(database: Path, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(database), read_only=True)
    try:
        return [chart(con, out) for chart in CHARTS]
    finally:
        con.close()
