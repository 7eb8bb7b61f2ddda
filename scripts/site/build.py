"""Write the explorer's pages from the built database and datapackage.json."""
from __future__ import annotations

import html
import json
import shutil
from collections import Counter
from pathlib import Path

import duckdb

from scripts.metadata import enum_labels, load_descriptor, tables, topic_tables
from scripts.source_text import read_source_text

from scripts import views

from . import charts, marks

PANEL = "region_year_panel"
SERIES = "indicator_series"
PASSAGES = "coverage_passages"   # source_id, char_start, char_end (exclusive), start_text, reason, note   # long form: region, indicator, school level, year, value
STATIC = Path(__file__).with_name("static")
# Columns of a curated row shown in the search and on the pages (present in every topic table).
ROW_FIELDS = ("id", "table", "region_code", "year", "kind", "indicator", "value", "unit", "printed", "source_id")
e = html.escape


def source_text(root: Path, source: dict) -> str:
    """The archived text of a source, decoded in its declared encoding (e.g. GB18030): the
    package's one reader, so the offsets of rows, exclusions and passages fit the text."""
    return read_source_text(source, root)


def _labels(field: dict) -> dict[str, str]:
    return {c: " / ".join(v for v in (lab.get("en"), lab.get("zh")) if v) for c, lab in enum_labels(field).items()}


def _field_labels(root: Path) -> dict[tuple[str, str], dict[str, str]]:
    return {(t.name, f["name"]): _labels(f) for t in tables(root) for f in t.fields if enum_labels(f)}


def _records(con, sql: str, params=()) -> list[dict]:
    cur = con.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def _fmt(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:,.0f}" if v == int(v) else f"{v:,.2f}"
    return str(v)


def page(title: str, body: str, depth: int, version: str) -> str:
    up = "../" * depth
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title><link rel="stylesheet" href="{up}style.css"></head>
<body><header><nav><a href="{up}index.html">Index 索引</a><a href="{up}index.html#search">Search 检索</a>
<a href="{up}index.html#regions">Regions 地区</a><a href="{up}index.html#sources">Sources 来源</a></nav></header>
<main>{body}</main>
<footer><p class="zh">China local education statistics {e(version)} / 中国地方教育统计 · data CC-BY-4.0 数据采用 CC-BY-4.0 许可</p></footer>
</body></html>
"""


def _table(head: list[str], rows: list[list[str]], cls: str = "") -> str:
    th = "".join(f"<th>{h}</th>" for h in head)
    body = "".join("<tr>" + "".join(rows_cell for rows_cell in r) + "</tr>" for r in rows)
    return f'<div class="scroll"><table class="{cls}"><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table></div>'


def _group(records: list[dict], key: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in records:
        out.setdefault(r.get(key), []).append(r)
    return out


def _td(v, num: bool = False) -> str:
    return f'<td class="num">{e(_fmt(v))}</td>' if num else f"<td>{e(_fmt(v))}</td>"


class Site:
    def __init__(self, root: Path, database: Path, out: Path):
        self.root, self.out = root, out
        self.desc = load_descriptor(root)
        self.version = self.desc["version"]
        self.con = duckdb.connect(str(database), read_only=True)
        self.labels = _field_labels(root)
        self.sources = _records(self.con, "FROM sources ORDER BY id")
        self.regions = {r["code"]: r for r in _records(self.con, "FROM regions ORDER BY code")}
        self.rows = []
        for t in topic_tables(root):
            for r in _records(self.con, f"FROM {t.name} ORDER BY id"):
                r["table"] = t.name
                self.rows.append(r)
        self.ledger = _records(self.con, "FROM coverage_exclusions ORDER BY source_id, char_offset")
        # grouped once, so that each page takes its own rows without scanning everyone's
        self.by_source = _group(self.rows, "source_id")
        self.by_region = _group(self.rows, "region_code")
        self.ledger_by_source = _group(self.ledger, "source_id")
        # passages left out as a whole (the passage ledger), when the package has one
        self.passages_by_source = _group(_records(self.con, f"FROM {PASSAGES} ORDER BY source_id, char_start")
                                         if self._columns(PASSAGES) else [], "source_id")
        self.children = _group(list(self.regions.values()), "parent_code")

    def label(self, table: str, field: str, code) -> str:
        return self.labels.get((table, field), {}).get(code, "") if code is not None else ""

    def field_title(self, name: str) -> str:
        """'Title 标题' of a column of the topic tables, from datapackage.json."""
        for t in topic_tables(self.root):
            for f in t.fields:
                if f["name"] == name:
                    return f"{e(f.get('title', name))} <span class='zh'>{e(f.get('titleZh', ''))}</span>"
        return {"table": "table <span class='zh'>表</span>"}.get(name, e(name))

    def region_name(self, code: str) -> str:
        r = self.regions.get(code)
        return f"{r['name_zh']} {r['name_en']}" if r else code

    # ---- pages ---------------------------------------------------------------------------
    def write(self, rel: str, title: str, body: str) -> None:
        path = self.out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page(title, body, rel.count("/"), self.version), encoding="utf-8")

    def data_js(self) -> None:
        indicators = {f"{t}:{c}": lab for (t, f), labs in self.labels.items() if f == "indicator" for c, lab in labs.items()}
        data = {"fields": list(ROW_FIELDS),
                "rows": [[r.get(f) if not hasattr(r.get(f), "isoformat") else r[f].isoformat() for f in ROW_FIELDS]
                         for r in self.rows],
                "regions": {c: f"{r['name_zh']} {r['name_en']}" for c, r in self.regions.items()},
                "indicators": indicators}
        (self.out / "data.js").write_text("window.EXPLORER = " + json.dumps(data, ensure_ascii=False) + ";\n", encoding="utf-8")

    def index(self) -> None:
        counts = {t.name: self.con.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0] for t in tables(self.root)}
        parts = [f"<h1>{e(self.desc['title'])} <span class='zh'>{e(self.desc.get('titleZh', ''))}</span></h1>",
                 f"<p>{e(self.desc.get('description', ''))}</p><p class='zh'>{e(self.desc.get('descriptionZh', ''))}</p>"]
        parts.append("""<h2 id="search">Search curated rows <span class="zh">检索已整理数据</span></h2>
<form class="filters" onsubmit="return false">
<label>Region 地区 <select id="f-region"><option value="">all 全部</option></select></label>
<label>Year 年份 <select id="f-year"><option value="">all 全部</option></select></label>
<label>Indicator 指标 <select id="f-indicator"><option value="">all 全部</option></select></label>
<label>Text 文本 <input id="f-q" type="search" placeholder="id, printed figure…"></label></form>
<p id="count"></p>""" + _table([self.field_title(f) for f in ROW_FIELDS], []).replace("<tbody>", '<tbody id="results">'))
        parts.append("<h2 id='tables'>Tables <span class='zh'>数据表</span></h2>" + _table(
            ["table 表", "title 标题", "rows 行数", "description 说明"],
            [[f"<td><code>{e(t.name)}</code></td>", f"<td>{e(t.resource.get('title', ''))}<br><span class='zh'>{e(t.resource.get('titleZh', ''))}</span></td>",
              _td(counts[t.name], True), f"<td>{e(t.resource.get('description', ''))}</td>"] for t in tables(self.root)]))
        view_rows = []
        for name in views.view_names(self.con, [t.name for t in tables(self.root)]):
            r = views.resource(self.con, name)
            view_rows.append([f"<td><code>{e(name)}</code></td>", f"<td>{e(r['title'])}<br><span class='zh'>{e(r['titleZh'])}</span></td>",
                              _td(self.con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0], True), _td(r["description"])])
        parts.append("<h2 id='views'>Views <span class='zh'>视图</span></h2>" +
                     _table(["view 视图", "title 标题", "rows 行数", "description 说明"], view_rows))
        if self._columns("indicators"):   # the catalogue of comparable indicators, when the package has one
            cat = _records(self.con, "FROM indicators ORDER BY id")
            parts.append("<h2 id='catalogue'>Comparable indicators <span class='zh'>可比指标</span></h2>" + _table(
                ["indicator 指标", "name 名称", "definition 定义"],
                [[f"<td><code>{e(c.get('id', ''))}</code></td>", f"<td>{e(c.get('name_en', ''))}<br><span class='zh'>{e(c.get('name_zh', ''))}</span></td>",
                  f"<td>{e(c.get('definition_en') or '')}<br><span class='zh'>{e(c.get('definition_zh') or '')}</span></td>"] for c in cat]))
        n = Counter((r["table"], r["indicator"]) for r in self.rows)
        ind_rows = []
        for t in topic_tables(self.root):
            for code, lab in self.labels.get((t.name, "indicator"), {}).items():
                link = f'<a href="index.html#indicator={e(t.name)}:{e(code)}">{n[(t.name, code)]}</a>'
                ind_rows.append([f"<td><code>{e(t.name)}</code></td>", f"<td><code>{e(code)}</code></td>", f"<td>{e(lab)}</td>", f'<td class="num">{link}</td>'])
        parts.append("<h2 id='indicators'>Indicator codes of the topic tables <span class='zh'>各主题表指标代码</span></h2>" +
                     _table(["table 表", "indicator 指标", "label 名称", "rows 行数"], ind_rows))
        parts.append("<h2 id='regions'>Regions <span class='zh'>地区</span></h2>" + _table(
            ["code 代码", "name 名称", "level 级别", "rows 行数"],
            [[f'<td><a href="regions/{e(c)}.html">{e(c)}</a></td>', f"<td>{e(r['name_zh'])} {e(r['name_en'])}</td>",
              _td(self.label("regions", "level", r["level"])), _td(len(self.by_region.get(c, [])), True)] for c, r in self.regions.items()]))
        parts.append("<h2 id='sources'>Sources <span class='zh'>来源</span></h2>" + _table(
            ["source 来源", "title 标题", "year 年份", "curated rows 已整理", "excluded figures 未收录"],
            [[f'<td><a href="sources/{e(s["id"])}.html">{e(s["id"])}</a></td>', f"<td>{e(s['title'])}<br>{e(s['title_en'])}</td>",
              _td(s["report_year"]), _td(len(self.by_source.get(s["id"], [])), True), _td(len(self.ledger_by_source.get(s["id"], [])), True)] for s in self.sources]))
        parts.append('<script src="data.js"></script><script src="explore.js"></script>')
        self.write("index.html", f"{self.desc['title']} / {self.desc.get('titleZh', '')}", "\n".join(parts))

    def _row_table(self, rows: list[dict], figs: dict[str, int]) -> str:
        """The curated rows of a source, each linking back to its highlighted figure."""
        out = []
        for r in rows:
            where = f'<a href="#fig-{figs[r["id"]]}">{e(r["id"])}</a>' if r["id"] in figs else e(r["id"])
            out.append([f'<td id="row-{e(r["id"])}">{where}</td>', _td(r["table"]),
                        f'<td><a href="../regions/{e(r["region_code"])}.html">{e(self.region_name(r["region_code"]))}</a></td>',
                        _td(r["year"]), _td(self.label(r["table"], "kind", r["kind"])),
                        f"<td><code>{e(r['indicator'] or '')}</code><br>{e(self.label(r['table'], 'indicator', r['indicator']))}</td>",
                        _td(r["value"], True), _td(self.label(r["table"], "unit", r["unit"]) or r["unit"]),
                        _td(r["printed"]), _td(r.get("note"))])
        return _table(["row 行", "table 表", "region 地区", "year 年份", "kind 类型", "indicator 指标", "value 数值",
                       "unit 单位", "printed 原文数字", "note 说明"], out, "rows")

    def source_page(self, s: dict) -> None:
        text = source_text(self.root, s)
        rows = self.by_source.get(s["id"], [])
        reasons = self.labels.get(("coverage_exclusions", "reason"), {})
        ledger = [dict(x, title=f"left out 未收录: {reasons.get(x['reason'], x['reason'])}" + (f" — {x['note']}" if x.get("note") else ""))
                  for x in self.ledger_by_source.get(s["id"], [])]
        placed, lost = marks.place(text, rows, ledger)
        preasons = self.labels.get((PASSAGES, "reason"), {})
        passages = [dict(p, title=f"passage left out 整段未收录: {preasons.get(p['reason'], p['reason'])}" + (f" — {p['note']}" if p.get("note") else ""))
                    for p in self.passages_by_source.get(s["id"], [])]
        body_text, figs = marks.render(text, placed, marks.passage_inserts(passages))
        region = f'<a href="../regions/{e(s["region_code"])}.html">{e(self.region_name(s["region_code"]))}</a>'
        meta = [("title 标题", f"{e(s['title'])}<br>{e(s['title_en'])}"), ("issuer 发布单位", f"{e(s['issuer'])} / {e(s['issuer_en'])}"),
                ("region 地区", region)] + [(k, e(_fmt(v))) for k, v in (
                    ("year 年份", s["report_year"]), ("published 发布日期", s["published"]),
                    ("kind 类型", self.label("sources", "kind", s["kind"])), ("file 存档文件", s["path"]),
                    ("sha256", s["sha256"]), ("quality 质量说明", s["quality_note"]))]
        meta_html = "<table>" + "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in meta) + "</table>"
        legend = ("<p class='legend'><span class='swatch-figure'>curated figure 已整理数字</span>"
                  "<span class='swatch-quote'>curated row without a figure 无数字的已整理行</span>"
                  "<span class='swatch-excluded'>excluded figure (reason) 未收录数字（原因）</span>"
                  "<span class='swatch-passage'>⟦reason … ⟧ passage left out 整段未收录</span></p>")
        ptable = _table(["from 起", "to 止", "starts with 开头", "reason 原因", "note 说明"],
                        [[f'<td class="num"><a href="#passage-{n}">{p["char_start"]}</a></td>', _td(p["char_end"], True), _td(p.get("start_text")),
                          _td(preasons.get(p["reason"], p["reason"])), _td(p.get("note"))] for n, p in enumerate(passages, 1)])
        excl = _table(["offset 位置", "text 文本", "reason 原因", "note 说明"],
                      [[_td(x["char_offset"], True), _td(x["text"]), _td(reasons.get(x["reason"], x["reason"])), _td(x.get("note"))] for x in ledger])
        lost_html = f"<p>Rows not found in the text 未在原文找到的行: {e(', '.join(lost))}</p>" if lost else ""
        body = (f"<h1>{e(s['id'])}: {e(s['title'])}</h1>{meta_html}<h2>Archived text <span class='zh'>存档原文</span></h2>{legend}"
                f"<div class='text' id='text'>{body_text}</div>{lost_html}"
                f"<h2>Curated rows <span class='zh'>已整理数据</span> ({len(rows)})</h2>{self._row_table(rows, figs)}"
                f"<h2>Excluded figures <span class='zh'>未收录数字</span> ({len(ledger)})</h2>{excl}"
                + (f"<h2>Passages left out <span class='zh'>整段未收录</span> ({len(passages)})</h2>{ptable}" if passages else ""))
        self.write(f"sources/{s['id']}.html", f"{s['id']} {s['title']}", body)

    def region_page(self, code: str, panel: dict[str, list[dict]], cols: list[str],
                    series: dict[str, dict[str, list[tuple]]]) -> None:
        r = self.regions[code]
        mine = panel.get(code, [])
        parent = r.get("parent_code")
        children = [x["code"] for x in self.children.get(code, [])]
        links = "".join(f'<a href="{e(c)}.html">{e(self.region_name(c))}</a> ' for c in children)
        head = (f"<h1>{e(r['name_zh'])} {e(r['name_en'])} <code>{e(code)}</code></h1>"
                f"<p>{e(self.label('regions', 'level', r['level']))}"
                + (f' · part of 上级: <a href="{e(parent)}.html">{e(self.region_name(parent))}</a>' if parent in self.regions else "")
                + (f" · contains 下辖: {links}" if children else "") + "</p>")
        figures = [f for title, points in series.get(code, {}).items() if (f := charts.series(title, points))]
        panel_html = _table([e(c) for c in cols], [[_td(p[c], isinstance(p[c], float)) for c in cols] for p in mine], "panel")
        n_rows = len(self.by_region.get(code, []))
        body = (head + f"<h2>Series <span class='zh'>数据序列</span></h2><div class='charts'>{''.join(figures) or '<p>no panel series 无面板数据</p>'}</div>"
                f"<h2>Panel rows <span class='zh'>面板数据</span> ({len(mine)})</h2>{panel_html}"
                f"<h2>Curated rows <span class='zh'>已整理数据</span></h2><p><a class='region-rows' data-n='{n_rows}' "
                f"href='../index.html#region={e(code)}'>{n_rows} curated rows of this region, in the search 在检索中查看本地区 {n_rows} 行数据</a></p>")
        self.write(f"regions/{code}.html", f"{r['name_zh']} {r['name_en']}", body)

    def _columns(self, relation: str) -> list[tuple[str, str]]:
        return self.con.execute("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? "
                                "ORDER BY column_index", [relation]).fetchall()

    def panel(self) -> tuple[dict[str, list[dict]], list[str]]:
        """The panel's rows by region, and its columns."""
        cols = [c for c, _ in self._columns(PANEL)]
        return (_group(_records(self.con, f"FROM {PANEL} ORDER BY ALL"), "region_code"), cols) if cols else ({}, [])

    def series(self, panel: dict[str, list[dict]]) -> dict[str, dict[str, list[tuple]]]:
        """Region -> chart title -> (year, value) points. From the long series view (one row per
        region, indicator, school level and year) when the package has it, titled with the
        indicator catalogue's names; otherwise each numeric column of a wide panel."""
        cols = dict(self._columns(SERIES))
        out: dict[str, dict[str, list[tuple]]] = {}
        if {"region_code", "indicator_id", "year", "value"} <= set(cols):
            names = {}
            if self._columns("indicators"):
                names = {i: f"{en} / {zh}" for i, en, zh in self.con.execute("SELECT id, name_en, name_zh FROM indicators").fetchall()}
            extra = [c for c in ("school_level", "unit") if c in cols]
            levels = next((labs for (t, f), labs in self.labels.items() if f == "school_level"), {})
            for r in _records(self.con, f"SELECT region_code, indicator_id, year, value{''.join(', ' + c for c in extra)} "
                                        f"FROM {SERIES} WHERE value IS NOT NULL ORDER BY ALL"):
                title = names.get(r["indicator_id"], r["indicator_id"])
                if r.get("school_level"):
                    title += f" · {levels.get(r['school_level'], r['school_level'])}"
                if r.get("unit"):
                    title += f" ({r['unit']})"
                out.setdefault(r["region_code"], {}).setdefault(title, []).append((r["year"], r["value"]))
            return out
        numeric = [c for c, t in self._columns(PANEL) if views.frictionless_type(t) in ("integer", "number") and c != "year"]
        for code, rows in panel.items():
            for c in numeric:
                points = [(p["year"], p[c]) for p in rows if p[c] is not None]
                if points:
                    out.setdefault(code, {})[c] = points
        return out


# The explorer's bound. `build` writes the explorer while the package has at most this many
# sources (one page each) and curated rows (every row is in data.js, which the index page loads
# whole): at the bound it is about 12 MB and a few seconds of the build. Its size and time grow
# with the package (a page per source, every row in the search): at 320 synthetic regions
# (5,733 sources, 350,000 rows) 331 MB and 160 s, more than the rest of the build. Above the
# bound `build` skips it and says so; `python -m scripts site` (or `build --site`) writes it at
# any size.
SITE_MAX_SOURCES = 200
SITE_MAX_ROWS = 20_000


def explorer_fits(root: Path, database: Path) -> tuple[bool, str]:
    """Whether the package of a built database is within the explorer's bound, and if not, why."""
    con = duckdb.connect(str(database), read_only=True)
    try:
        n_sources = con.execute("SELECT count(*) FROM sources").fetchone()[0]
        n_rows = sum(con.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0] for t in topic_tables(root))
    finally:
        con.close()
    if n_sources <= SITE_MAX_SOURCES and n_rows <= SITE_MAX_ROWS:
        return True, ""
    return False, (f"{n_sources:,} sources and {n_rows:,} curated rows, above the explorer's bound "
                   f"({SITE_MAX_SOURCES:,} sources, {SITE_MAX_ROWS:,} rows); `python -m scripts site` writes it at any size")


def build_site(root: Path, database: Path, out: Path) -> Path:
    """Write the explorer into `out` (replacing it); returns out/index.html."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for f in STATIC.iterdir():
        shutil.copy2(f, out / f.name)
    site = Site(root, database, out)
    try:
        site.data_js()
        site.index()
        for s in site.sources:
            site.source_page(s)
        panel, cols = site.panel()
        series = site.series(panel)
        for code in site.regions:
            site.region_page(code, panel, cols, series)
    finally:
        site.con.close()
    return out / "index.html"
