"""Checks of the data package. `validation.run.validate` runs them all and returns every
problem at its file, line and column.

Which check runs where, and why (in the order they run):

Python, one streaming pass over bytes (before any table exists)
  descriptor.py   datapackage.json: JSON syntax, the Frictionless spec (frictionless itself;
                  its result cached per descriptor text), resource paths.
  database.py     each CSV loaded once into DuckDB as text (raw_<name>, dropped once the
                  typed table t_<name> holds every cell and the text of each typed one, so
                  that DuckDB keeps one copy of the package). A file whose bytes are clean
                  goes through DuckDB's parallel CSV reader; any other file through
  csvfile.py      the Python reader, which says where: BOM, encoding, line endings, blank
                  lines, unbalanced quotes, header, record width. Physical lines are looked
                  up only for rows that have a problem.
  safety.py       a regex over the bytes: can any cell start a spreadsheet formula?

SQL generated from datapackage.json, run by DuckDB over whole tables
  sqlchecks.py    types (scripts/grammar.py: frictionless' grammar or stricter), required,
                  code lists, ranges, patterns, lengths, unique, primary and foreign keys,
                  formula cells; builds the typed tables t_<name>. SQL, not pandera: measured
                  12.7-37.6x faster than frictionless where pandera on polars was 4.3-31x
                  (reasons in sqlchecks.py). schema.py keeps the pandera schema of a table for
                  users checking a pandas frame; validate does not run it.
  rows.py         rules within a row (value/unit/printed, range, period/first_year, projects).
  crossrow.py     parts vs totals, plan/actual pairs, years vs publication date (joins);

pandas/numpy over the few columns they read (Loaded.columns: no quote, no frame of every column)
  crossrow.py     breakdowns declared complete add up within printed rounding: a join and float
                  sums, the exact Decimal rule only where a float cannot decide; the rounding
                  parsed once per shape of figure (digits written 1), not once per figure;
  plausibility.py warnings: rates over 100%, per-student and per-recipient amounts (SQL), values
                  10^4 times off their series (series_median.py: one sort, no loop per row).

SQL selects, Python words the message (provenance of every topic row, set-based)
  provenance.py   the printed figure and project name occur in the quote, value and value_max
                  are the parse of the printed figure, unit and qualifier fit it. One query per
                  table selects the rows some clause could fault (a filter that may take too
                  many, never too few: a property test spoils good rows one cell at a time);
                  check_row's Python words their messages. Each distinct printed figure is
                  parsed once, in the run's workers (workers.py) while the parent does the
                  checks before it; quotes and figures are normalised once per table (n_<name>).

Python per source (the candidate finder reads one report's text), started in the run's forked
worker processes (workers.py: one per core, forked once right after loading; jobs queued behind
the parse of printed figures), so that it runs beside the table-wide checks; inputs are Arrow
buffers (no millions of Python strings to copy), turned into strings one batch at a time;
cached under build/validate-cache/ by the inputs' hashes
  persource.py    for each source:
  provenance.py   each row's quote occurs exactly once in the source (str.count: measured ~20x
                  faster than DuckDB's replace/strpos over the same texts);
  coverage.py     every numeric expression in the source is curated or in the ledger.

DuckDB over whole tables, on the rows without an error so far
  curation.py     curation mistakes that are well-formed and traceable, and still wrong. SQL over
                  t_<name>, reading provenance's normalised quotes (n_<name>, not normalised
                  again): each query selects the rows a rule can flag (a filter that may take too
                  many, never too few; property tests check those of parts, printed and kind
                  against the rule row by row) and Python words their messages. One exception costs: a figure that ends its quote is
                  looked up in its source's normalised text with str.find (DuckDB's instr counts
                  characters, slower), so printed_unit reads source id and quote of most rows,
                  in Arrow batches; run.State.normalised() normalises every source text for it.
                  Parts: a join; unlinked parts: one sort in DuckDB, numpy over what it returns.

SQL over validation's DuckDB database
  indicators.py   the indicator catalogue: the package's views (sql/views.sql) over t_<name>,
                  mapped to the table names in a schema of their own (the CSVs are not read
                  again), skipped when a table would not load through the build's DDL.

run.py loads the package and runs the check families listed in run.CHECKS; a new family is a
module with a function f(state, found) -> problems, added there. report.py renders problems.
"""
import scripts as _scripts  # noqa: F401  (sets pandas' string storage the checks are written for)
