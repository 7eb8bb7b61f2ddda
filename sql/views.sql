-- Analysis views over the topic tables. Portable DuckDB SQL: run at the repository root after
-- sql/tables.sql, from Python (`python -m scripts build`) or the DuckDB CLI:
--   duckdb build/education.duckdb            (views are already in the built database; build stores
--                                            indicator_panel and region_year_panel as tables)
--   duckdb -c ".read sql/tables.sql" -c ".read sql/views.sql" -c "FROM indicator_panel"
-- Rules shared by the views: rows with parent_id are parts of another row and are never added
-- to it; targets and standards are never mixed with actuals; derived numbers are flagged.

-- Every curated figure in one long view, whatever table holds it. Columns a table lacks
-- (programme, channel, project_name, ...) are NULL.
CREATE OR REPLACE VIEW observations AS
SELECT 'enrollment' AS table_name, * FROM enrollment
UNION ALL BY NAME SELECT 'subsidies' AS table_name, * FROM subsidies
UNION ALL BY NAME SELECT 'teacher_hiring' AS table_name, * FROM teacher_hiring
UNION ALL BY NAME SELECT 'construction_projects' AS table_name, * FROM construction_projects
UNION ALL BY NAME SELECT 'finance' AS table_name, * FROM finance;

-- Each region code with the code that now covers it: a county that became a district
-- (361121 上饶县 -> 361104 广信区 in 2019) maps to its successor, so series join across years.
CREATE OR REPLACE VIEW region_lineage AS
WITH RECURSIVE chain(code, current_code, depth) AS (
    SELECT code, code, 0 FROM regions
    UNION ALL
    SELECT chain.code, r.successor_code, chain.depth + 1
    FROM chain JOIN regions r ON r.code = chain.current_code
    WHERE r.successor_code IS NOT NULL AND chain.depth < 10
)
SELECT c.code, c.current_code, cur.name_zh AS current_name_zh, cur.name_en AS current_name_en
FROM chain c JOIN regions cur ON cur.code = c.current_code
QUALIFY c.depth = max(c.depth) OVER (PARTITION BY c.code);

-- Indicators: the catalogue (tables indicators and indicator_rules) selects observation rows for
-- defined measures, and the panel compares only rows that meet a definition. Rules:
-- - a row counts for an indicator only in the indicator's unit and period basis: a first-half,
--   term or to-date figure is never added up to a year, persons never to person-times;
-- - each rule is explicit about programme or channel: loans (lent) and grants are apart;
-- - a part is never added to its total in the same cell;
-- - a prefecture that reports nothing itself for a cell gets a rollup of its counties, marked
--   basis = 'rollup' with its coverage, and status 'partial' unless every division listed in
--   regions for that year is covered: never shown as the prefecture's own figure.
-- BEGIN GENERATED indicator_rows: from data/indicator_rules.csv by `python -m scripts generate`; do not edit.
-- Every observation row an indicator rule selects, once per rule: indicator_id and the
-- definition number, then the row's own columns.
CREATE OR REPLACE VIEW indicator_rows AS
SELECT 'aid_grants_yuan' AS indicator_id, 1 AS definition, o.*
FROM observations o WHERE (table_name = 'subsidies' AND indicator = 'amount' AND kind = 'actual' AND programme = 'all_programmes' AND population IN ('all', 'financially_disadvantaged'))
UNION ALL
SELECT 'aid_recipients_persons' AS indicator_id, 1 AS definition, o.*
FROM observations o WHERE (table_name = 'subsidies' AND indicator = 'recipients' AND kind = 'actual' AND unit = 'person' AND programme = 'all_programmes' AND population IN ('all', 'financially_disadvantaged'))
UNION ALL
SELECT 'aid_recipients_person_times' AS indicator_id, 1 AS definition, o.*
FROM observations o WHERE (table_name = 'subsidies' AND indicator = 'recipients' AND kind = 'actual' AND unit = 'person_time' AND programme = 'all_programmes' AND population IN ('all', 'financially_disadvantaged'))
UNION ALL
SELECT 'student_loans_yuan' AS indicator_id, 1 AS definition, o.*
FROM observations o WHERE (table_name = 'subsidies' AND indicator = 'amount' AND kind = 'actual' AND programme = 'student_loan')
UNION ALL
SELECT 'student_loan_borrowers' AS indicator_id, 1 AS definition, o.*
FROM observations o WHERE (table_name = 'subsidies' AND indicator = 'recipients' AND kind = 'actual' AND unit = 'person' AND programme = 'student_loan')
UNION ALL
SELECT 'students_enrolled' AS indicator_id, 1 AS definition, o.*
FROM observations o WHERE (table_name = 'enrollment' AND indicator = 'students' AND kind = 'actual' AND unit = 'person' AND population = 'all')
UNION ALL
SELECT 'graduates' AS indicator_id, 1 AS definition, o.*
FROM observations o WHERE (table_name = 'enrollment' AND indicator = 'graduates' AND kind = 'actual' AND unit = 'person' AND population = 'all')
UNION ALL
SELECT 'teachers_recruited_open' AS indicator_id, 1 AS definition, o.*
FROM observations o WHERE (table_name = 'teacher_hiring' AND indicator = 'hired' AND kind = 'actual' AND channel = 'unified_recruitment' AND population = 'all')
UNION ALL
SELECT 'teachers_special_post' AS indicator_id, 1 AS definition, o.*
FROM observations o WHERE (table_name = 'teacher_hiring' AND indicator = 'hired' AND kind = 'actual' AND channel = 'special_post' AND population = 'all')
UNION ALL
SELECT 'teachers_free_normal_graduates' AS indicator_id, 1 AS definition, o.*
FROM observations o WHERE (table_name = 'teacher_hiring' AND indicator = 'hired' AND kind = 'actual' AND channel = 'free_normal_graduates' AND population = 'all')
UNION ALL
SELECT 'places_added' AS indicator_id, 1 AS definition, o.*
FROM observations o WHERE (table_name = 'construction_projects' AND indicator = 'places' AND kind = 'actual' AND coalesce(project_kind, '') <> 'remediation')
UNION ALL
SELECT 'schools_under_construction' AS indicator_id, 1 AS definition, o.*
FROM observations o WHERE (table_name = 'construction_projects' AND indicator = 'schools' AND kind = 'actual' AND status = 'under_construction' AND project_kind IN ('new_build', 'new_or_expansion', 'rebuild_or_expansion'))
UNION ALL
SELECT 'education_expenditure_yuan' AS indicator_id, 1 AS definition, o.*
FROM observations o WHERE (table_name = 'finance' AND indicator = 'education_expenditure' AND kind = 'actual' AND unit = 'yuan')
UNION ALL
SELECT 'per_student_expenditure_yuan' AS indicator_id, 1 AS definition, o.*
FROM observations o WHERE (table_name = 'finance' AND indicator = 'per_student_expenditure' AND kind = 'actual' AND unit = 'yuan')
UNION ALL
SELECT 'per_student_public_funds_yuan' AS indicator_id, 1 AS definition, o.*
FROM observations o WHERE (table_name = 'finance' AND indicator = 'per_student_public_funds' AND kind = 'actual' AND unit = 'yuan' AND population = 'all')
UNION ALL
SELECT 'balance_coefficient' AS indicator_id, 1 AS definition, o.*
FROM observations o WHERE (table_name = 'enrollment' AND indicator = 'balance_coefficient' AND kind = 'actual');
-- END GENERATED indicator_rows

-- The period a figure covers, as a label: '2020', '2020 first half', 'school year 2015-2016', ...
CREATE OR REPLACE MACRO period_label(period, year, first_year, as_of) AS CASE period
    WHEN 'year' THEN year::VARCHAR
    WHEN 'first_half' THEN year::VARCHAR || ' first half'
    WHEN 'spring_term' THEN year::VARCHAR || ' spring term'
    WHEN 'autumn_term' THEN year::VARCHAR || ' autumn term'
    WHEN 'school_year' THEN 'school year ' || (year - 1)::VARCHAR || '-' || year::VARCHAR
    WHEN 'multi_year' THEN coalesce(first_year::VARCHAR, '?') || '-' || year::VARCHAR
    WHEN 'to_date' THEN year::VARCHAR || ' to ' || coalesce(strftime(as_of, '%Y-%m-%d'), 'date')
    WHEN 'cumulative' THEN 'cumulative to ' || year::VARCHAR
    WHEN 'point_in_time' THEN coalesce('as of ' || strftime(as_of, '%Y-%m-%d'), year::VARCHAR || ' (stock)')
    ELSE period || ' ' || year::VARCHAR END;

-- Every row an indicator rule selects, with the reason it is left out of the panel, if any:
-- no figure, a unit other than the indicator's, a period other than its basis, or a part of a
-- row the same cell (indicator, region, year, school level) already counts.
CREATE OR REPLACE VIEW indicator_matches AS
WITH m AS MATERIALIZED (
    SELECT r.indicator_id, r.definition, r.id, r.table_name, r.region_code, r.year, r.first_year, r.period, r.as_of,
           r.school_level, r.value, r.unit, r.qualifier, r.source_id, r.parent_id, r.repair_rule,
           nullif(concat_ws('/', r.programme, nullif(r.channel, 'not_applicable'), nullif(r.project_kind, 'not_applicable'),
                         nullif(r.population, 'all')), '') AS component,
           period_label(r.period, r.year, r.first_year, r.as_of) AS period_covered,
           i.unit AS indicator_unit, i.period_basis, i.additive
    FROM indicator_rows r JOIN indicators i ON i.id = r.indicator_id
)
SELECT m.indicator_id, m.definition, m.id, m.table_name, m.region_code, m.year, m.school_level, m.period,
       m.period_covered, m.value, m.unit, m.qualifier, m.source_id, m.parent_id, m.repair_rule, m.component,
       m.additive,
       CASE WHEN m.value IS NULL THEN 'no figure'
            WHEN m.unit IS DISTINCT FROM m.indicator_unit
                THEN 'unit ' || coalesce(m.unit, 'none') || ', the indicator is in ' || m.indicator_unit
            WHEN m.period <> m.period_basis
                THEN 'covers ' || m.period_covered || ' (' || m.period || '), the indicator counts ' || m.period_basis || ' figures'
            WHEN p.id IS NOT NULL THEN 'part of ' || p.id || ', which the same cell counts'
       END AS left_out_because
FROM m
LEFT JOIN m p
  ON p.id = m.parent_id AND p.indicator_id = m.indicator_id AND p.region_code = m.region_code
 AND p.year = m.year AND p.school_level = m.school_level AND p.period = p.period_basis
 AND p.unit = p.indicator_unit AND p.value IS NOT NULL;

-- The comparable panel: one cell per region, indicator, year and school level, with the period it
-- covers, its value (NULL when not comparable), the rows and sources behind it and its status:
-- complete (meets the definition), partial (a rollup of some of a prefecture's divisions, see
-- coverage) or not_comparable (kept out; status_note and the view indicator_left_out say why).
CREATE OR REPLACE VIEW indicator_panel AS
WITH cells AS (
    SELECT indicator_id, region_code, year, school_level,
           bool_and(additive) AS additive,
           count(*) FILTER (WHERE left_out_because IS NULL) AS n_rows,
           count(*) FILTER (WHERE left_out_because IS NOT NULL) AS n_left_out,
           count(DISTINCT period_covered) FILTER (WHERE left_out_because IS NULL) AS n_periods,
           count(DISTINCT unit) FILTER (WHERE left_out_because IS NULL) AS n_units,
           sum(value) FILTER (WHERE left_out_because IS NULL) AS total,
           min(unit) FILTER (WHERE left_out_because IS NULL) AS unit,
           string_agg(DISTINCT period_covered, '; ' ORDER BY period_covered) FILTER (WHERE left_out_because IS NULL) AS period_counted,
           string_agg(DISTINCT period_covered, '; ' ORDER BY period_covered) AS period_matched,
           CASE WHEN count(DISTINCT qualifier) FILTER (WHERE left_out_because IS NULL) > 1 THEN 'mixed'
                ELSE min(qualifier) FILTER (WHERE left_out_because IS NULL) END AS qualifier,
           string_agg(DISTINCT source_id, ',' ORDER BY source_id) FILTER (WHERE left_out_because IS NULL) AS sources_counted,
           string_agg(DISTINCT source_id, ',' ORDER BY source_id) AS sources_matched,
           string_agg(id, ',' ORDER BY id) FILTER (WHERE left_out_because IS NULL) AS rows_counted,
           string_agg(id, ',' ORDER BY id) AS rows_matched,
           string_agg(DISTINCT component, ',' ORDER BY component) FILTER (WHERE left_out_because IS NULL) AS composition,
           string_agg(DISTINCT repair_rule, ',' ORDER BY repair_rule) FILTER (WHERE left_out_because IS NULL) AS repair_rules,
           string_agg(id || ' ' || left_out_because, '; ' ORDER BY id) FILTER (WHERE left_out_because IS NOT NULL) AS left_out
    FROM indicator_matches
    GROUP BY indicator_id, region_code, year, school_level
),
own AS (
    SELECT *,
           CASE WHEN n_rows = 0 OR n_periods > 1 OR n_units > 1 OR (NOT additive AND n_rows > 1) THEN 'not_comparable'
                ELSE 'complete' END AS status,
           CASE WHEN n_rows = 0 THEN 'no row meets the definition: ' || left_out
                WHEN n_periods > 1 THEN 'rows cover different periods (' || period_counted || '): not added'
                WHEN n_units > 1 THEN 'rows in different units: not added'
                WHEN NOT additive AND n_rows > 1 THEN n_rows::VARCHAR || ' figures of a non-additive indicator: not added'
                WHEN n_left_out > 0 THEN 'also matched, left out: ' || left_out
           END AS status_note
    FROM cells
),
child AS (
    SELECT g.parent_code AS parent_code, c.*
    FROM own c
    JOIN regions g ON g.code = c.region_code
    JOIN regions p ON p.code = g.parent_code
    WHERE c.status = 'complete' AND c.additive AND p.level = 'prefecture'
      AND g.level IN ('county', 'county_city', 'district')
),
rolled AS (
    SELECT c.parent_code AS region_code, c.indicator_id, c.year, c.school_level,
           sum(c.total) AS total, min(c.unit) AS unit, sum(c.n_rows) AS n_rows,
           count(DISTINCT c.period_counted) AS n_periods,
           string_agg(DISTINCT c.period_counted, '; ' ORDER BY c.period_counted) AS period_counted,
           CASE WHEN count(DISTINCT c.qualifier) > 1 THEN 'mixed' ELSE min(c.qualifier) END AS qualifier,
           string_agg(c.sources_counted, ',' ORDER BY c.sources_counted) AS sources,
           string_agg(c.rows_counted, ',' ORDER BY c.rows_counted) AS row_ids,
           string_agg(DISTINCT c.composition, ',' ORDER BY c.composition) AS composition,
           string_agg(DISTINCT c.repair_rules, ',' ORDER BY c.repair_rules) AS repair_rules,
           count(*) AS n_children,
           string_agg(c.region_code, ',' ORDER BY c.region_code) AS rolled_up_from
    FROM child c
    ANTI JOIN own o ON o.region_code = c.parent_code AND o.indicator_id = c.indicator_id
                   AND o.year = c.year AND o.school_level = c.school_level
    GROUP BY c.parent_code, c.indicator_id, c.year, c.school_level
),
rollup AS (
    SELECT r.*,
           (SELECT count(*) FROM regions d
            WHERE d.parent_code = r.region_code AND d.level IN ('county', 'county_city', 'district')
              AND coalesce(d.valid_from, r.year) <= r.year AND coalesce(d.valid_to, r.year) >= r.year) AS n_divisions
    FROM rolled r
),
panel AS (
    SELECT region_code, indicator_id, year, school_level,
           coalesce(period_counted, period_matched) AS period_covered,
           CASE WHEN status = 'not_comparable' THEN NULL ELSE total END AS value,
           coalesce(unit, (SELECT i.unit FROM indicators i WHERE i.id = own.indicator_id)) AS unit,
           qualifier, status, status_note, 'reported' AS basis, NULL::VARCHAR AS rolled_up_from, NULL::VARCHAR AS coverage,
           CASE WHEN status = 'not_comparable' THEN 0 ELSE n_rows END AS n_rows,
           CASE WHEN status = 'not_comparable' THEN sources_matched ELSE sources_counted END AS sources,
           CASE WHEN status = 'not_comparable' THEN rows_matched ELSE rows_counted END AS row_ids,
           composition, repair_rules
    FROM own
    UNION ALL
    SELECT region_code, indicator_id, year, school_level, period_counted,
           CASE WHEN n_periods > 1 THEN NULL ELSE total END,
           unit, qualifier,
           CASE WHEN n_periods > 1 THEN 'not_comparable' WHEN n_children < n_divisions THEN 'partial' ELSE 'complete' END,
           CASE WHEN n_periods > 1 THEN 'divisions cover different periods (' || period_counted || '): not added'
                ELSE 'rollup of ' || n_children::VARCHAR || ' of the ' || n_divisions::VARCHAR
                     || ' county-level divisions in regions; not the prefecture''s own figure' END,
           'rollup', rolled_up_from,
           n_children::VARCHAR || ' of ' || n_divisions::VARCHAR || ' divisions',
           n_rows, array_to_string(list_sort(list_distinct(string_split(sources, ','))), ','),
           array_to_string(list_sort(string_split(row_ids, ',')), ','), composition, repair_rules
    FROM rollup
)
SELECT p.region_code, g.name_en AS region_name_en, g.name_zh AS region_name_zh, g.level AS region_level,
       l.current_code, p.indicator_id, i.name_en AS indicator_name_en, i.name_zh AS indicator_name_zh,
       p.year, p.school_level, p.period_covered, p.value, p.unit, p.qualifier, p.status, p.status_note,
       p.basis, p.rolled_up_from, p.coverage, p.n_rows, p.sources, p.row_ids, p.composition, p.repair_rules
FROM panel p
JOIN regions g ON g.code = p.region_code
JOIN region_lineage l ON l.code = p.region_code
JOIN indicators i ON i.id = p.indicator_id;

-- Companion of indicator_panel: every matched row the panel does not add, with the reason (its
-- own, or its cell's when the cell is not comparable as a whole).
CREATE OR REPLACE VIEW indicator_left_out AS
SELECT m.indicator_id, m.region_code, m.year, m.school_level, m.id, m.period_covered, m.value, m.unit, m.source_id,
       coalesce(m.left_out_because, p.status_note) AS reason
FROM indicator_matches m
JOIN indicator_panel p
  ON p.region_code = m.region_code AND p.indicator_id = m.indicator_id AND p.year = m.year
 AND p.school_level = m.school_level AND p.basis = 'reported'
WHERE m.left_out_because IS NOT NULL OR p.status = 'not_comparable';

-- Series over time: the comparable cells of each region (joined across re-coded divisions by
-- current_code), indicator and school level by year, indexed to the series' first year, with a
-- note wherever the composition (programmes, channels, groups) or the basis changes, a rollup
-- stands in, or a figure was repaired.
CREATE OR REPLACE VIEW indicator_series AS
SELECT p.current_code AS series_code, p.region_code, p.region_name_en, p.indicator_id, p.school_level, p.year,
       p.period_covered, p.value, p.unit, p.status, p.basis, p.coverage, p.composition,
       round(100 * p.value / first_value(p.value) OVER w, 1) AS index_first_year,
       p.repair_rules, p.sources, p.row_ids,
       nullif(concat_ws('; ',
           CASE WHEN lag(p.year) OVER w IS NOT NULL AND lag(p.composition) OVER w IS DISTINCT FROM p.composition
                THEN 'composition changes: ' || coalesce(lag(p.composition) OVER w, 'none') || ' -> ' || coalesce(p.composition, 'none') END,
           CASE WHEN lag(p.year) OVER w IS NOT NULL AND lag(p.basis) OVER w IS DISTINCT FROM p.basis
                THEN 'basis changes: ' || lag(p.basis) OVER w || ' -> ' || p.basis END,
           CASE WHEN p.basis = 'rollup' THEN 'rollup of ' || p.coverage END,
           CASE WHEN p.repair_rules IS NOT NULL THEN 'repaired figure (' || p.repair_rules || ')' END,
           CASE WHEN p.qualifier <> 'exact' THEN 'printed as ' || p.qualifier END), '') AS note
FROM indicator_panel p
WHERE p.status <> 'not_comparable'
WINDOW w AS (PARTITION BY p.current_code, p.indicator_id, p.school_level ORDER BY p.year);

-- Deprecated: region_year_panel used to put headline sums side by side per region and year and
-- added unlike figures (a first-half total with a to-date programme, loans with grants). It is
-- now only the comparable cells of indicator_panel, long; use indicator_panel.
CREATE OR REPLACE VIEW region_year_panel AS
SELECT region_code, region_name_en, year, indicator_id, school_level, period_covered, value, unit, status, coverage, sources
FROM indicator_panel
WHERE status <> 'not_comparable';

-- Yuan per recipient by programme: an amount row paired with the recipients row that shares
-- its source, region, year, period, programme, level and population. Recipients counted in
-- person-times give yuan per person-time; the unit column says which.
CREATE OR REPLACE VIEW aid_per_recipient AS
SELECT a.source_id, a.region_code, a.year, a.period, a.programme, a.school_level, a.population,
       a.value AS amount_yuan, r.value AS recipients, r.unit AS recipient_unit,
       a.value / r.value AS yuan_per_recipient, a.id AS amount_id, r.id AS recipients_id,
       a.parent_id IS NOT NULL AS is_part
FROM subsidies a
JOIN subsidies r
  ON r.source_id = a.source_id AND r.region_code = a.region_code AND r.year = a.year
 AND r.period = a.period AND r.programme = a.programme AND r.school_level = a.school_level
 AND r.population = a.population AND r.kind = a.kind
WHERE a.kind = 'actual' AND a.indicator = 'amount' AND a.unit = 'yuan'
  AND r.indicator = 'recipients' AND r.unit IN ('person', 'person_time') AND r.value > 0;

-- Teachers hired against the plan, by channel: a planned (target) row and a hired (actual) row
-- of the same source, region, year, channel, level and population.
CREATE OR REPLACE VIEW hiring_fill_rate AS
SELECT p.source_id, p.region_code, p.year, p.channel, p.school_level, p.population,
       p.value AS planned, h.value AS hired, round(100 * h.value / p.value, 2) AS fill_rate_percent,
       p.id AS planned_id, h.id AS hired_id
FROM teacher_hiring p
JOIN teacher_hiring h
  ON h.source_id = p.source_id AND h.region_code = p.region_code AND h.year = p.year
 AND h.channel = p.channel AND h.school_level = p.school_level AND h.population = p.population
WHERE p.indicator = 'planned' AND p.kind = 'target' AND h.indicator = 'hired' AND h.kind = 'actual'
  AND p.value > 0;

-- Per-student spending and public-funds norms by school level across regions; actuals and
-- standards stay in separate columns.
CREATE OR REPLACE VIEW per_student_funding AS
SELECT f.region_code, g.name_en, f.year, f.indicator, f.school_level,
       max(f.value) FILTER (WHERE f.kind = 'actual') AS actual_yuan,
       max(f.value) FILTER (WHERE f.kind = 'standard') AS standard_yuan,
       string_agg(f.id, ',' ORDER BY f.id) AS row_ids
FROM finance f JOIN regions g ON g.code = f.region_code
WHERE f.indicator IN ('per_student_expenditure', 'per_student_public_funds') AND f.unit = 'yuan'
GROUP BY ALL;

-- Previous-year values implied by a reported value and its growth rate (同比增长 r%):
-- previous = value / (1 + r / 100). Derived, never reported: kept in their own view with
-- the ids they come from, and value_kind = 'derived'.
CREATE OR REPLACE VIEW growth_implied_previous AS
SELECT o.table_name, b.region_code, b.year - 1 AS year, b.indicator, b.school_level, b.population, b.unit,
       round(b.value / (1 + o.value / 100), 2) AS value, 'derived' AS value_kind,
       o.value AS growth_percent, b.id AS base_id, o.id AS growth_id
FROM observations o
JOIN observations b ON b.id = o.base_id
WHERE o.indicator = 'growth_rate' AND o.unit = 'percent' AND b.period = 'year' AND b.kind = 'actual';

-- Plans against outcomes: every actual row whose plan_id names its target (teacher hiring,
-- construction, kindergarten places, ...), with the outcome as a percentage of the plan.
CREATE OR REPLACE VIEW plan_vs_actual AS
SELECT a.table_name, a.source_id, a.region_code, a.year, a.indicator, a.programme, a.channel, a.school_level,
       a.population, a.unit, p.value AS planned, a.value AS actual,
       round(100 * a.value / p.value, 2) AS percent_of_plan, p.id AS plan_id, a.id AS actual_id
FROM observations a
JOIN observations p ON p.id = a.plan_id
WHERE a.kind = 'actual' AND p.kind = 'target' AND p.value > 0;
