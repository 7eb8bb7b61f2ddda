"""The views of sql/views.sql as tables of their own: CSV files with a Frictionless resource each.

Nothing here names a view or a column: the views are whatever sql/views.sql defines (every
relation of the built database that is not one of datapackage.json's tables, whether DuckDB
holds it as a view or the build stored it as a table), and each column's type is read from
DuckDB's catalogue. A view added or changed in sql/views.sql is shipped as it is.
"""
from __future__ import annotations

from pathlib import Path

FOLDER = "data/views"
# DuckDB type -> Frictionless type; any other type (lists, structs, decimals...) is shipped as
# its text form and typed string.
FRICTIONLESS = {"BIGINT": "integer", "INTEGER": "integer", "HUGEINT": "integer", "SMALLINT": "integer",
                "TINYINT": "integer", "UBIGINT": "integer", "UINTEGER": "integer", "DOUBLE": "number",
                "FLOAT": "number", "DECIMAL": "number", "DATE": "date", "BOOLEAN": "boolean", "VARCHAR": "string"}


def frictionless_type(duckdb_type: str) -> str | None:
    """The Frictionless type of a DuckDB column type (DECIMAL(18,3) -> number); None when there
    is none and the column ships as text."""
    return FRICTIONLESS.get(duckdb_type.split("(")[0])


def view_names(con, package_tables: list[str]) -> list[str]:
    """Relations of the database defined by sql/views.sql, sorted by name."""
    rows = con.execute("SELECT table_name FROM duckdb_tables() WHERE NOT internal AND schema_name = 'main' "
                       "UNION SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main'").fetchall()
    return sorted(r[0] for r in rows if r[0] not in set(package_tables))


def _columns(con, name: str) -> list[tuple[str, str, str | None]]:
    return con.execute("SELECT column_name, data_type, comment FROM duckdb_columns() "
                       "WHERE table_name = ? AND schema_name = 'main' ORDER BY column_index", [name]).fetchall()


def _comment(con, name: str) -> str:
    row = con.execute("SELECT comment FROM duckdb_views() WHERE view_name = ? AND schema_name = 'main' "
                      "UNION ALL SELECT comment FROM duckdb_tables() WHERE table_name = ? AND schema_name = 'main'",
                      [name, name]).fetchone()
    return (row[0] or "") if row else ""


def _titles(comment: str, name: str) -> dict:
    """Title, Chinese title and description from a comment written 'Title / 标题: text', as
    sql/views.sql and the generated DDL write them; generic ones otherwise."""
    head, _, text = comment.partition(": ")
    en, _, zh = head.partition(" / ")
    if text and zh:
        return {"title": en, "titleZh": zh, "description": text}
    return {"title": f"View {name}", "titleZh": f"视图 {name}",
            "description": comment or f"The rows of view {name} of sql/views.sql, computed by the build over the tables "
                                      f"of this package (the same rows the DuckDB CLI gets by running sql/tables.sql "
                                      f"and sql/views.sql)."}


def resource(con, name: str) -> dict:
    """A tabular-data-resource for view `name`, typed from DuckDB's catalogue."""
    fields = []
    for col, dtype, comment in _columns(con, name):
        field = {"name": col, "type": frictionless_type(dtype) or "string"}
        if comment:
            field["description"] = comment
        fields.append(field)
    return {"name": name, "path": f"{FOLDER}/{name}.csv", "profile": "tabular-data-resource",
            **_titles(_comment(con, name), name),
            "descriptionZh": f"sql/views.sql 中视图 {name} 的结果，由构建程序基于本数据包各表计算。",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": {"fields": fields, "missingValues": [""]}}


def export(con, name: str, path: Path) -> int:
    """Write view `name` to a CSV at `path` (rows in a fixed order); returns its row count."""
    cols = []
    for col, dtype, _ in _columns(con, name):
        quoted = '"' + col.replace('"', '""') + '"'
        cols.append(quoted if frictionless_type(dtype) else f"CAST({quoted} AS VARCHAR) AS {quoted}")
    target = str(path).replace("'", "''")
    # COPY returns the rows it wrote: the view is computed once, not again to count it
    return con.execute(f"COPY (SELECT {', '.join(cols)} FROM {name} ORDER BY ALL) TO '{target}' "
                       f"(HEADER, DELIMITER ',', QUOTE '\"', NULLSTR '', DATEFORMAT '%Y-%m-%d')").fetchone()[0]
