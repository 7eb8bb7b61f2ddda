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
FROM observations o WHERE (table_name = 'enrollment' AND indicator = 'balance_coefficient' AND kind = 'actual')
UNION ALL
SELECT 'schools_built_or_expanded' AS indicator_id, 1 AS definition, o.*
FROM observations o WHERE (table_name = 'construction_projects' AND indicator = 'schools' AND kind = 'actual' AND population = 'all' AND project_kind IN ('new_build', 'rebuild_or_expansion', 'new_or_expansion', 'relocation') AND status IN ('not_applicable', 'completed'))
UNION ALL
SELECT 'two_exemptions_one_subsidy_yuan' AS indicator_id, 1 AS definition, o.*
FROM observations o WHERE (table_name = 'subsidies' AND indicator = 'amount' AND kind = 'actual' AND unit = 'yuan' AND programme = 'two_exemptions_one_subsidy')
UNION ALL
SELECT 'two_exemptions_one_subsidy_persons' AS indicator_id, 1 AS definition, o.*
FROM observations o WHERE (table_name = 'subsidies' AND indicator = 'recipients' AND kind = 'actual' AND unit = 'person' AND programme = 'two_exemptions_one_subsidy');
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
-- The lists of a cell are built as list(...) then list_distinct/list_sort, not as
-- string_agg(DISTINCT ... ORDER BY ...) or count(DISTINCT ...): the same values (NULLs dropped,
-- sorted, NULL when empty), but DuckDB's ordered and distinct aggregates sort within each of
-- about a million groups at national size (141 s against 25 s for this view).
WITH cells AS (
    SELECT indicator_id, region_code, year, school_level,
           bool_and(additive) AS additive,
           count(*) FILTER (WHERE left_out_because IS NULL) AS n_rows,
           count(*) FILTER (WHERE left_out_because IS NOT NULL) AS n_left_out,
           coalesce(len(list_distinct(list(period_covered) FILTER (WHERE left_out_because IS NULL))), 0) AS n_periods,
           coalesce(len(list_distinct(list(unit) FILTER (WHERE left_out_because IS NULL))), 0) AS n_units,
           sum(value) FILTER (WHERE left_out_because IS NULL) AS total,
           min(unit) FILTER (WHERE left_out_because IS NULL) AS unit,
           nullif(array_to_string(list_sort(list_distinct(list(period_covered) FILTER (WHERE left_out_because IS NULL))), '; '), '') AS period_counted,
           nullif(array_to_string(list_sort(list_distinct(list(period_covered))), '; '), '') AS period_matched,
           CASE WHEN coalesce(len(list_distinct(list(qualifier) FILTER (WHERE left_out_because IS NULL))), 0) > 1 THEN 'mixed'
                ELSE min(qualifier) FILTER (WHERE left_out_because IS NULL) END AS qualifier,
           nullif(array_to_string(list_sort(list_distinct(list(source_id) FILTER (WHERE left_out_because IS NULL))), ','), '') AS sources_counted,
           nullif(array_to_string(list_sort(list_distinct(list(source_id))), ','), '') AS sources_matched,
           nullif(array_to_string(list_sort(list(id) FILTER (WHERE left_out_because IS NULL)), ','), '') AS rows_counted,
           nullif(array_to_string(list_sort(list(id)), ','), '') AS rows_matched,
           nullif(array_to_string(list_sort(list_distinct(list(component) FILTER (WHERE left_out_because IS NULL))), ','), '') AS composition,
           nullif(array_to_string(list_sort(list_distinct(list(repair_rule) FILTER (WHERE left_out_because IS NULL))), ','), '') AS repair_rules,
           nullif(array_to_string(list_sort(list(id || ' ' || left_out_because) FILTER (WHERE left_out_because IS NOT NULL)), '; '), '') AS left_out
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

-- Plan against outcome across reports: each target that the government work report delivered
-- in year Y sets for Y, beside the actual that the next report (delivered in Y+1, reviewing Y)
-- gives for the same region, table, indicator, unit, population, programme and channel. Each
-- target goes to one outcome, and an outcome's targets are summed:
-- - kind of work: the same kind; or, for an outcome of the combined kind new_or_expansion, any
--   of new build, relocation (迁建: a new build on a new site), rebuild or expansion (23 new and
--   84 expanded kindergartens planned, 107 built or expanded); or any kind when the outcome does
--   not state its kind (not_applicable: 80 改扩建 projects planned, 80 education projects done);
-- - school level: the same level, or a level inside the outcome's (53 kindergartens, 93
--   compulsory and 10 senior high schools planned, 156 中小学、幼儿园 built); a target whose
--   level lies inside several outcomes goes to the narrowest, then the one of its own kind.
-- level_match and kind_match say how a pair was made: 'outcome_wider' when the outcome's level
-- covers levels no target names (read both quotes), 'outcome_not_stated' for an unstated kind.
-- Only one-year figures pair (period 'year'): a multi-year or cumulative figure never meets a
-- one-year one; parts (parent_id) are left out.
CREATE OR REPLACE VIEW plan_outcome_across_reports AS
WITH delivered AS (
    SELECT id, delivery_year, report_year FROM sources WHERE delivery_year IS NOT NULL
), level_atoms(school_level, atoms) AS (   -- the single levels a school level is made of
    VALUES ('compulsory', ['primary', 'junior_secondary']),
           ('senior_secondary', ['general_senior_secondary', 'secondary_vocational']),
           ('secondary', ['junior_secondary', 'general_senior_secondary']),
           ('primary_secondary', ['primary', 'junior_secondary', 'general_senior_secondary']),
           ('primary_secondary_preschool', ['preschool', 'primary', 'junior_secondary', 'general_senior_secondary']),
           ('higher', ['higher_vocational', 'undergraduate']),
           ('vocational', ['secondary_vocational', 'higher_vocational']),
           ('all', ['preschool', 'primary', 'junior_secondary', 'general_senior_secondary', 'secondary_vocational',
                    'higher_vocational', 'undergraduate', 'special', 'adult', 'other'])
), one_year AS (
    SELECT o.*, coalesce(l.atoms, [o.school_level]) AS atoms,
           o.project_kind IN ('new_build', 'relocation', 'rebuild_or_expansion', 'new_or_expansion') AS new_or_expanded
    FROM observations o LEFT JOIN level_atoms l ON l.school_level = o.school_level
    WHERE o.period = 'year' AND o.value IS NOT NULL AND o.parent_id IS NULL
), targets AS (
    SELECT t.* FROM one_year t JOIN delivered d ON d.id = t.source_id
    WHERE t.kind = 'target' AND t.year = d.delivery_year AND t.value > 0
), actuals AS (
    SELECT a.*, d.delivery_year FROM one_year a JOIN delivered d ON d.id = a.source_id
    WHERE a.kind = 'actual' AND a.year = d.report_year
), candidates AS (
    SELECT t.id AS target_id, a.id AS outcome_id,
           CASE WHEN a.project_kind IS NOT DISTINCT FROM t.project_kind THEN 0
                WHEN a.project_kind = 'new_or_expansion' AND t.new_or_expanded THEN 1 ELSE 2 END AS kind_rank,
           len(a.atoms) AS breadth
    FROM targets t
    JOIN actuals a
      ON a.delivery_year = t.year + 1 AND a.region_code = t.region_code AND a.year = t.year
     AND a.table_name = t.table_name AND a.indicator = t.indicator AND a.unit = t.unit
     AND a.population = t.population
     AND a.programme IS NOT DISTINCT FROM t.programme AND a.channel IS NOT DISTINCT FROM t.channel
     AND list_has_all(a.atoms, t.atoms)
     AND (a.project_kind IS NOT DISTINCT FROM t.project_kind
          OR (a.project_kind = 'new_or_expansion' AND t.new_or_expanded)
          OR a.project_kind = 'not_applicable')
), chosen AS (   -- each target to one outcome: the narrowest level, then its own kind of work
    SELECT * FROM candidates
    QUALIFY row_number() OVER (PARTITION BY target_id ORDER BY breadth, kind_rank, outcome_id) = 1
), planned AS (
    SELECT c.outcome_id, sum(t.value) AS planned, count(*) AS target_rows,
           string_agg(DISTINCT t.project_kind, ',' ORDER BY t.project_kind) AS planned_kinds,
           string_agg(DISTINCT t.school_level, ',' ORDER BY t.school_level) AS planned_levels,
           list_distinct(flatten(list(t.atoms))) AS planned_atoms,
           count(DISTINCT t.school_level) AS n_levels, count(DISTINCT t.project_kind) AS n_kinds,
           max(c.kind_rank) AS kind_rank, any_value(t.source_id) AS plan_source_id,
           string_agg(t.id, ',' ORDER BY t.id) AS target_ids, string_agg(t.quote, ' | ' ORDER BY t.id) AS target_quotes
    FROM chosen c JOIN targets t ON t.id = c.target_id
    GROUP BY c.outcome_id
)
SELECT a.table_name, a.region_code, a.year, a.indicator, a.unit, a.school_level, a.population, a.programme,
       a.channel, p.planned_kinds, a.project_kind AS outcome_kind, p.planned_levels, p.planned, a.value AS actual,
       round(100 * a.value / p.planned, 1) AS fill_percent, p.target_rows,
       CASE WHEN NOT list_has_all(p.planned_atoms, a.atoms) THEN 'outcome_wider'
            WHEN p.n_levels > 1 OR p.planned_levels <> a.school_level THEN 'summed' ELSE 'same' END AS level_match,
       CASE WHEN p.kind_rank = 2 THEN 'outcome_not_stated'
            WHEN p.n_kinds > 1 OR p.kind_rank = 1 THEN 'summed' ELSE 'same' END AS kind_match,
       p.plan_source_id, a.source_id AS outcome_source_id, p.target_ids, a.id AS outcome_id,
       p.target_quotes, a.quote AS outcome_quote
FROM planned p
JOIN actuals a ON a.id = p.outcome_id;

-- BEGIN GENERATED comments: from the views of datapackage.json by `python -m scripts generate`; do not edit.
COMMENT ON VIEW observations IS 'Observations / 全部观测值: Every curated figure of the five topic tables in one long view; columns a table lacks are NULL. Other columns as in the topic tables. 五张主题表的全部数据合为一个长视图；某表没有的列为空。';
COMMENT ON COLUMN observations."table_name" IS 'Topic table the row comes from.';
COMMENT ON COLUMN observations."id" IS 'Row id: Stable identifier: <source_id>-<table code>-<three digits>; never reused.';
COMMENT ON COLUMN observations."region_code" IS 'Region code: GB/T 2260 six-digit code of the region the figure describes (see regions).';
COMMENT ON COLUMN observations."year" IS 'Year: Year the figure describes; for a multi-year figure the last year of the span.';
COMMENT ON COLUMN observations."first_year" IS 'First year of span: First year when the figure covers several years (period = multi_year); empty otherwise.';
COMMENT ON COLUMN observations."period" IS 'Period: Part of the year or span the figure covers.';
COMMENT ON COLUMN observations."as_of" IS 'As of: Date the figure is stated as of (截至…), where the text gives one; day 01 when only the month is printed (see note).';
COMMENT ON COLUMN observations."kind" IS 'Kind: Whether the figure is an actual outcome, a target/plan, or a standard/norm.';
COMMENT ON COLUMN observations."indicator" IS 'Indicator: What is measured.';
COMMENT ON COLUMN observations."school_level" IS 'School level: Level of education the figure refers to.';
COMMENT ON COLUMN observations."population" IS 'Population group: Group of students or teachers the figure is restricted to; ''all'' when unrestricted.';
COMMENT ON COLUMN observations."value" IS 'Value: Normalised value in the canonical unit (yuan, not 万元; percent as printed). Empty only for a named project row without a figure.';
COMMENT ON COLUMN observations."value_max" IS 'Upper value: Upper end when the text gives a range (qualifier = range).';
COMMENT ON COLUMN observations."unit" IS 'Unit: Canonical unit of value; persons and person-times are distinct units.';
COMMENT ON COLUMN observations."qualifier" IS 'Qualifier: How exact the printed figure is.';
COMMENT ON COLUMN observations."printed" IS 'Printed figure: The figure exactly as printed in the source (whitespace removed), e.g. 12751.098万元.';
COMMENT ON COLUMN observations."source_id" IS 'Source: Archived source document (see sources).';
COMMENT ON COLUMN observations."quote" IS 'Quote: Verbatim span of the archived source containing the figure; whitespace is ignored when matching and the span must occur exactly once.';
COMMENT ON COLUMN observations."parent_id" IS 'Part of: Id of the row whose total this row is a part of (e.g. registered-poor recipients inside all recipients): never add a part to its total.';
COMMENT ON COLUMN observations."base_id" IS 'Base row: For a rate, share or growth figure: id of the row it is relative to, where the package has it.';
COMMENT ON COLUMN observations."plan_id" IS 'Plan row: For an actual measured against a target or plan: id of that target row (same region, year, unit and programme or channel); views pair plan and actual through it.';
COMMENT ON COLUMN observations."breakdown_complete" IS 'Breakdown complete: true when the rows whose parent_id points at this row are a complete breakdown of it: validation then requires them to sum to it within the rounding of the printed figures. Empty when the parts are only examples (其中) or do not add up in the source (see note).';
COMMENT ON COLUMN observations."repair_rule" IS 'Repair rule: Documented rule used to repair a damaged printed figure before parsing (see docs/repair-rules.md); empty when the figure parses as printed.';
COMMENT ON COLUMN observations."note" IS 'Note: Curator''s note: judgement calls, doubts, the repair rule applied.';
COMMENT ON COLUMN observations."programme" IS 'Programme: Student-aid programme.';
COMMENT ON COLUMN observations."channel" IS 'Hiring channel: Channel through which teachers are hired.';
COMMENT ON COLUMN observations."project_name" IS 'Project name: Name of the school or project as printed, for named-project rows.';
COMMENT ON COLUMN observations."project_kind" IS 'Kind of work: Kind of construction work.';
COMMENT ON COLUMN observations."status" IS 'Status at report date: Status of the project(s) at the report date.';
COMMENT ON VIEW region_lineage IS 'Region lineage / 区划沿革: Each region code with the code that now covers it (a county that became a district maps to its successor), to join series across years. 每个区划代码及现行对应代码，用于跨年连接序列。';
COMMENT ON COLUMN region_lineage."code" IS 'Region code as used by a row.';
COMMENT ON COLUMN region_lineage."current_code" IS 'Code that covers it now (itself when still current).';
COMMENT ON COLUMN region_lineage."current_name_zh" IS 'Chinese name of the current code.';
COMMENT ON COLUMN region_lineage."current_name_en" IS 'Pinyin name of the current code.';
COMMENT ON VIEW indicator_rows IS 'Indicator rows / 指标选取行: Generated from data/indicator_rules.csv: every observation row an indicator rule selects, once per rule. Other columns as in observations. 由indicator_rules.csv生成：各指标规则选中的观测行。';
COMMENT ON COLUMN indicator_rows."indicator_id" IS 'Indicator of the rule (indicators.id).';
COMMENT ON COLUMN indicator_rows."definition" IS 'Number of the rule''s definition within its indicator.';
COMMENT ON COLUMN indicator_rows."table_name" IS 'Topic table the row comes from.';
COMMENT ON COLUMN indicator_rows."id" IS 'Row id: Stable identifier: <source_id>-<table code>-<three digits>; never reused.';
COMMENT ON COLUMN indicator_rows."region_code" IS 'Region code: GB/T 2260 six-digit code of the region the figure describes (see regions).';
COMMENT ON COLUMN indicator_rows."year" IS 'Year: Year the figure describes; for a multi-year figure the last year of the span.';
COMMENT ON COLUMN indicator_rows."first_year" IS 'First year of span: First year when the figure covers several years (period = multi_year); empty otherwise.';
COMMENT ON COLUMN indicator_rows."period" IS 'Period: Part of the year or span the figure covers.';
COMMENT ON COLUMN indicator_rows."as_of" IS 'As of: Date the figure is stated as of (截至…), where the text gives one; day 01 when only the month is printed (see note).';
COMMENT ON COLUMN indicator_rows."kind" IS 'Kind: Whether the figure is an actual outcome, a target/plan, or a standard/norm.';
COMMENT ON COLUMN indicator_rows."indicator" IS 'Indicator: What is measured.';
COMMENT ON COLUMN indicator_rows."school_level" IS 'School level: Level of education the figure refers to.';
COMMENT ON COLUMN indicator_rows."population" IS 'Population group: Group of students or teachers the figure is restricted to; ''all'' when unrestricted.';
COMMENT ON COLUMN indicator_rows."value" IS 'Value: Normalised value in the canonical unit (yuan, not 万元; percent as printed). Empty only for a named project row without a figure.';
COMMENT ON COLUMN indicator_rows."value_max" IS 'Upper value: Upper end when the text gives a range (qualifier = range).';
COMMENT ON COLUMN indicator_rows."unit" IS 'Unit: Canonical unit of value; persons and person-times are distinct units.';
COMMENT ON COLUMN indicator_rows."qualifier" IS 'Qualifier: How exact the printed figure is.';
COMMENT ON COLUMN indicator_rows."printed" IS 'Printed figure: The figure exactly as printed in the source (whitespace removed), e.g. 12751.098万元.';
COMMENT ON COLUMN indicator_rows."source_id" IS 'Source: Archived source document (see sources).';
COMMENT ON COLUMN indicator_rows."quote" IS 'Quote: Verbatim span of the archived source containing the figure; whitespace is ignored when matching and the span must occur exactly once.';
COMMENT ON COLUMN indicator_rows."parent_id" IS 'Part of: Id of the row whose total this row is a part of (e.g. registered-poor recipients inside all recipients): never add a part to its total.';
COMMENT ON COLUMN indicator_rows."base_id" IS 'Base row: For a rate, share or growth figure: id of the row it is relative to, where the package has it.';
COMMENT ON COLUMN indicator_rows."plan_id" IS 'Plan row: For an actual measured against a target or plan: id of that target row (same region, year, unit and programme or channel); views pair plan and actual through it.';
COMMENT ON COLUMN indicator_rows."breakdown_complete" IS 'Breakdown complete: true when the rows whose parent_id points at this row are a complete breakdown of it: validation then requires them to sum to it within the rounding of the printed figures. Empty when the parts are only examples (其中) or do not add up in the source (see note).';
COMMENT ON COLUMN indicator_rows."repair_rule" IS 'Repair rule: Documented rule used to repair a damaged printed figure before parsing (see docs/repair-rules.md); empty when the figure parses as printed.';
COMMENT ON COLUMN indicator_rows."note" IS 'Note: Curator''s note: judgement calls, doubts, the repair rule applied.';
COMMENT ON COLUMN indicator_rows."programme" IS 'Programme: Student-aid programme.';
COMMENT ON COLUMN indicator_rows."channel" IS 'Hiring channel: Channel through which teachers are hired.';
COMMENT ON COLUMN indicator_rows."project_name" IS 'Project name: Name of the school or project as printed, for named-project rows.';
COMMENT ON COLUMN indicator_rows."project_kind" IS 'Kind of work: Kind of construction work.';
COMMENT ON COLUMN indicator_rows."status" IS 'Status at report date: Status of the project(s) at the report date.';
COMMENT ON VIEW indicator_matches IS 'Indicator matches / 指标匹配行: Each row selected for an indicator, with the reason it is left out of the panel, if any: no figure, a unit other than the indicator''s, a period other than its basis, or a part of a row the same cell counts. 指标选中的每一行及其不计入面板的原因（无数值、单位或时期不符、为同一单元已计总数的组成部分）。';
COMMENT ON COLUMN indicator_matches."indicator_id" IS 'Indicator (indicators.id).';
COMMENT ON COLUMN indicator_matches."definition" IS 'Definition (rule) that selected the row.';
COMMENT ON COLUMN indicator_matches."id" IS 'Row id: Stable identifier: <source_id>-<table code>-<three digits>; never reused.';
COMMENT ON COLUMN indicator_matches."table_name" IS 'Topic table the row comes from.';
COMMENT ON COLUMN indicator_matches."region_code" IS 'Region code: GB/T 2260 six-digit code of the region the figure describes (see regions).';
COMMENT ON COLUMN indicator_matches."year" IS 'Year: Year the figure describes; for a multi-year figure the last year of the span.';
COMMENT ON COLUMN indicator_matches."school_level" IS 'School level: Level of education the figure refers to.';
COMMENT ON COLUMN indicator_matches."period" IS 'Period: Part of the year or span the figure covers.';
COMMENT ON COLUMN indicator_matches."period_covered" IS 'Label of the period the row covers, e.g. ''2020'', ''2020 first half'', ''as of 2020-09-23''.';
COMMENT ON COLUMN indicator_matches."value" IS 'Value: Normalised value in the canonical unit (yuan, not 万元; percent as printed). Empty only for a named project row without a figure.';
COMMENT ON COLUMN indicator_matches."unit" IS 'Unit: Canonical unit of value; persons and person-times are distinct units.';
COMMENT ON COLUMN indicator_matches."qualifier" IS 'Qualifier: How exact the printed figure is.';
COMMENT ON COLUMN indicator_matches."source_id" IS 'Source: Archived source document (see sources).';
COMMENT ON COLUMN indicator_matches."parent_id" IS 'Part of: Id of the row whose total this row is a part of (e.g. registered-poor recipients inside all recipients): never add a part to its total.';
COMMENT ON COLUMN indicator_matches."repair_rule" IS 'Repair rule: Documented rule used to repair a damaged printed figure before parsing (see docs/repair-rules.md); empty when the figure parses as printed.';
COMMENT ON COLUMN indicator_matches."component" IS 'What the row is a figure of within its indicator: programme, channel, kind of works and population group (not ''all''), joined by ''/''; the series'' composition is built from it.';
COMMENT ON COLUMN indicator_matches."additive" IS 'Whether the indicator''s figures may be added (indicators.additive).';
COMMENT ON COLUMN indicator_matches."left_out_because" IS 'Why the panel does not count the row; empty when it counts.';
COMMENT ON VIEW indicator_panel IS 'Indicator panel / 指标面板: The comparable panel: one cell per region, indicator, year and school level, with the period it covers, the value (empty when not comparable), the rows and sources behind it and its comparability status. The build stores it as a table of the same name. 可比面板：每个地区、指标、年份、学段一个单元，含覆盖时期、数值（不可比时为空）、所依据的行与来源及可比性状态。构建时存为同名表。';
COMMENT ON COLUMN indicator_panel."region_code" IS 'Region code: GB/T 2260 six-digit code of the region the figure describes (see regions).';
COMMENT ON COLUMN indicator_panel."region_name_en" IS 'Pinyin name of the region.';
COMMENT ON COLUMN indicator_panel."region_name_zh" IS 'Chinese name of the region.';
COMMENT ON COLUMN indicator_panel."region_level" IS 'Administrative level of the region.';
COMMENT ON COLUMN indicator_panel."current_code" IS 'Code that covers the region now (region_lineage).';
COMMENT ON COLUMN indicator_panel."indicator_id" IS 'Indicator (indicators.id).';
COMMENT ON COLUMN indicator_panel."indicator_name_en" IS 'English name of the indicator.';
COMMENT ON COLUMN indicator_panel."indicator_name_zh" IS 'Chinese name of the indicator.';
COMMENT ON COLUMN indicator_panel."year" IS 'Year: Year the figure describes; for a multi-year figure the last year of the span.';
COMMENT ON COLUMN indicator_panel."school_level" IS 'School level: Level of education the figure refers to.';
COMMENT ON COLUMN indicator_panel."period_covered" IS 'The period the value covers (''2020'', ''as of 2020-12-31'', ''2020 first half'', ...); for a not-comparable cell, the periods of the rows matched.';
COMMENT ON COLUMN indicator_panel."value" IS 'Sum of the rows counted (one row for a non-additive indicator), in the indicator''s unit; empty when status is not_comparable.';
COMMENT ON COLUMN indicator_panel."unit" IS 'The indicator''s unit.';
COMMENT ON COLUMN indicator_panel."qualifier" IS 'exact, at_least, approximately, ... of the rows counted; mixed when they differ.';
COMMENT ON COLUMN indicator_panel."status" IS 'complete (meets the definition), partial (a rollup of some of a prefecture''s divisions) or not_comparable (no value: see status_note and indicator_left_out).';
COMMENT ON COLUMN indicator_panel."status_note" IS 'Why a cell is partial or not comparable, or which matched rows were left out.';
COMMENT ON COLUMN indicator_panel."basis" IS 'reported (the region''s own rows) or rollup (its counties'' complete cells added up, never shown as the prefecture''s own figure).';
COMMENT ON COLUMN indicator_panel."rolled_up_from" IS 'Codes of the divisions a rollup adds, comma-separated.';
COMMENT ON COLUMN indicator_panel."coverage" IS 'For a rollup: ''k of n divisions'', n being the county-level divisions listed in regions for that year.';
COMMENT ON COLUMN indicator_panel."n_rows" IS 'Observation rows counted in the value (0 when not comparable).';
COMMENT ON COLUMN indicator_panel."sources" IS 'Source ids behind the cell, sorted, comma-separated.';
COMMENT ON COLUMN indicator_panel."row_ids" IS 'Observation row ids counted (all rows matched when not comparable), sorted, comma-separated.';
COMMENT ON COLUMN indicator_panel."composition" IS 'The distinct components (programme, channel, works, group) of the rows counted: a change between years is a break in the series.';
COMMENT ON COLUMN indicator_panel."repair_rules" IS 'Repair rules of the rows counted, if any figure was repaired.';
COMMENT ON VIEW indicator_left_out IS 'Indicator rows left out / 未计入面板的指标行: Companion of indicator_panel: every matched row the panel does not add, with the reason (its own, or its cell''s when the cell is not comparable). indicator_panel的配套视图：面板未计入的每一匹配行及原因。';
COMMENT ON COLUMN indicator_left_out."indicator_id" IS 'Indicator (indicators.id).';
COMMENT ON COLUMN indicator_left_out."region_code" IS 'Region code: GB/T 2260 six-digit code of the region the figure describes (see regions).';
COMMENT ON COLUMN indicator_left_out."year" IS 'Year: Year the figure describes; for a multi-year figure the last year of the span.';
COMMENT ON COLUMN indicator_left_out."school_level" IS 'School level: Level of education the figure refers to.';
COMMENT ON COLUMN indicator_left_out."id" IS 'Observation row id.';
COMMENT ON COLUMN indicator_left_out."period_covered" IS 'Label of the period the row covers.';
COMMENT ON COLUMN indicator_left_out."value" IS 'Value: Normalised value in the canonical unit (yuan, not 万元; percent as printed). Empty only for a named project row without a figure.';
COMMENT ON COLUMN indicator_left_out."unit" IS 'Unit: Canonical unit of value; persons and person-times are distinct units.';
COMMENT ON COLUMN indicator_left_out."source_id" IS 'Source: Archived source document (see sources).';
COMMENT ON COLUMN indicator_left_out."reason" IS 'Why the row is not added to a comparable cell.';
COMMENT ON VIEW indicator_series IS 'Indicator series / 指标时间序列: Comparable cells of each region (joined across re-coded divisions), indicator and school level over the years, indexed to the series'' first year, with a note wherever the composition or basis changes, a rollup stands in, or a figure was repaired. 各地区、指标、学段的可比单元按年排列，以首年为100的指数，并在构成或口径变化、汇总替代、数字经修复处加注。';
COMMENT ON COLUMN indicator_series."series_code" IS 'Current code of the region (region_lineage): one series across a re-coding.';
COMMENT ON COLUMN indicator_series."region_code" IS 'Region code: GB/T 2260 six-digit code of the region the figure describes (see regions).';
COMMENT ON COLUMN indicator_series."region_name_en" IS 'Pinyin name of the region.';
COMMENT ON COLUMN indicator_series."indicator_id" IS 'Indicator (indicators.id).';
COMMENT ON COLUMN indicator_series."school_level" IS 'School level: Level of education the figure refers to.';
COMMENT ON COLUMN indicator_series."year" IS 'Year: Year the figure describes; for a multi-year figure the last year of the span.';
COMMENT ON COLUMN indicator_series."period_covered" IS 'Period the value covers.';
COMMENT ON COLUMN indicator_series."value" IS 'The cell''s value.';
COMMENT ON COLUMN indicator_series."unit" IS 'The indicator''s unit.';
COMMENT ON COLUMN indicator_series."status" IS 'complete or partial.';
COMMENT ON COLUMN indicator_series."basis" IS 'reported or rollup.';
COMMENT ON COLUMN indicator_series."coverage" IS 'For a rollup: divisions covered.';
COMMENT ON COLUMN indicator_series."composition" IS 'Components of the rows counted (see indicator_panel).';
COMMENT ON COLUMN indicator_series."index_first_year" IS '100 x value / the series'' first value.';
COMMENT ON COLUMN indicator_series."repair_rules" IS 'Repair rules of the rows counted.';
COMMENT ON COLUMN indicator_series."sources" IS 'Source ids.';
COMMENT ON COLUMN indicator_series."row_ids" IS 'Observation row ids counted.';
COMMENT ON COLUMN indicator_series."note" IS 'Breaks and caveats: composition or basis changes, rollup coverage, repaired figures, figures printed as at least or about.';
COMMENT ON VIEW region_year_panel IS 'Region-year panel (deprecated) / 地区年度面板（已弃用）: Deprecated. Formerly a wide panel that added unlike figures; now the comparable cells of indicator_panel, long. Use indicator_panel. The build stores it as a table. 已弃用：原宽表会把不可比数字相加；现为indicator_panel的可比单元。请使用indicator_panel。';
COMMENT ON COLUMN region_year_panel."region_code" IS 'Region code: GB/T 2260 six-digit code of the region the figure describes (see regions).';
COMMENT ON COLUMN region_year_panel."region_name_en" IS 'Pinyin name of the region.';
COMMENT ON COLUMN region_year_panel."year" IS 'Year: Year the figure describes; for a multi-year figure the last year of the span.';
COMMENT ON COLUMN region_year_panel."indicator_id" IS 'Indicator (indicators.id).';
COMMENT ON COLUMN region_year_panel."school_level" IS 'School level: Level of education the figure refers to.';
COMMENT ON COLUMN region_year_panel."period_covered" IS 'Period the value covers.';
COMMENT ON COLUMN region_year_panel."value" IS 'The cell''s value.';
COMMENT ON COLUMN region_year_panel."unit" IS 'The indicator''s unit.';
COMMENT ON COLUMN region_year_panel."status" IS 'complete or partial.';
COMMENT ON COLUMN region_year_panel."coverage" IS 'For a rollup: divisions covered.';
COMMENT ON COLUMN region_year_panel."sources" IS 'Source ids.';
COMMENT ON VIEW aid_per_recipient IS 'Aid per recipient / 人均资助额: Yuan per recipient of one programme: an amount row paired with the recipients row of the same source, region, year, period, programme, level and population. 单一资助项目的人均金额：同来源、地区、年份、时期、项目、学段、群体的金额行与人数行配对。';
COMMENT ON COLUMN aid_per_recipient."source_id" IS 'Source: Archived source document (see sources).';
COMMENT ON COLUMN aid_per_recipient."region_code" IS 'Region code: GB/T 2260 six-digit code of the region the figure describes (see regions).';
COMMENT ON COLUMN aid_per_recipient."year" IS 'Year: Year the figure describes; for a multi-year figure the last year of the span.';
COMMENT ON COLUMN aid_per_recipient."period" IS 'Period: Part of the year or span the figure covers.';
COMMENT ON COLUMN aid_per_recipient."programme" IS 'Programme: Student-aid programme.';
COMMENT ON COLUMN aid_per_recipient."school_level" IS 'School level: Level of education the figure refers to.';
COMMENT ON COLUMN aid_per_recipient."population" IS 'Population group: Group of students or teachers the figure is restricted to; ''all'' when unrestricted.';
COMMENT ON COLUMN aid_per_recipient."amount_yuan" IS 'Amount of the pair (yuan).';
COMMENT ON COLUMN aid_per_recipient."recipients" IS 'Recipients of the pair.';
COMMENT ON COLUMN aid_per_recipient."recipient_unit" IS 'person or person_time.';
COMMENT ON COLUMN aid_per_recipient."yuan_per_recipient" IS 'amount_yuan / recipients.';
COMMENT ON COLUMN aid_per_recipient."amount_id" IS 'Amount row id.';
COMMENT ON COLUMN aid_per_recipient."recipients_id" IS 'Recipients row id.';
COMMENT ON COLUMN aid_per_recipient."is_part" IS 'true when the amount is a part of another row.';
COMMENT ON VIEW hiring_fill_rate IS 'Hiring fill rate / 招聘完成率: Teachers hired against the plan by channel: a planned (target) row and the hired (actual) row of the same source, region, year, channel, level and population. 按渠道的教师招聘计划与实际：同来源、地区、年份、渠道的计划行与实际行配对。';
COMMENT ON COLUMN hiring_fill_rate."source_id" IS 'Source: Archived source document (see sources).';
COMMENT ON COLUMN hiring_fill_rate."region_code" IS 'Region code: GB/T 2260 six-digit code of the region the figure describes (see regions).';
COMMENT ON COLUMN hiring_fill_rate."year" IS 'Year: Year the figure describes; for a multi-year figure the last year of the span.';
COMMENT ON COLUMN hiring_fill_rate."channel" IS 'Hiring channel: Channel through which teachers are hired.';
COMMENT ON COLUMN hiring_fill_rate."school_level" IS 'School level: Level of education the figure refers to.';
COMMENT ON COLUMN hiring_fill_rate."population" IS 'Population group: Group of students or teachers the figure is restricted to; ''all'' when unrestricted.';
COMMENT ON COLUMN hiring_fill_rate."planned" IS 'Teachers planned.';
COMMENT ON COLUMN hiring_fill_rate."hired" IS 'Teachers hired.';
COMMENT ON COLUMN hiring_fill_rate."fill_rate_percent" IS '100 x hired / planned.';
COMMENT ON COLUMN hiring_fill_rate."planned_id" IS 'Plan row id.';
COMMENT ON COLUMN hiring_fill_rate."hired_id" IS 'Hired row id.';
COMMENT ON VIEW per_student_funding IS 'Per-student funding / 生均经费: Per-student expenditure and public funds by region, year and level; actuals and standards in separate columns. 按地区、年份、学段的生均支出与生均公用经费；实际数与标准分列。';
COMMENT ON COLUMN per_student_funding."region_code" IS 'Region code: GB/T 2260 six-digit code of the region the figure describes (see regions).';
COMMENT ON COLUMN per_student_funding."name_en" IS 'Pinyin name of the region.';
COMMENT ON COLUMN per_student_funding."year" IS 'Year: Year the figure describes; for a multi-year figure the last year of the span.';
COMMENT ON COLUMN per_student_funding."indicator" IS 'Indicator: What is measured.';
COMMENT ON COLUMN per_student_funding."school_level" IS 'School level: Level of education the figure refers to.';
COMMENT ON COLUMN per_student_funding."actual_yuan" IS 'Actual per-student amount (yuan).';
COMMENT ON COLUMN per_student_funding."standard_yuan" IS 'Standard (norm) per student (yuan).';
COMMENT ON COLUMN per_student_funding."row_ids" IS 'Row ids, comma-separated.';
COMMENT ON VIEW growth_implied_previous IS 'Previous year implied by growth / 由增速推算的上年值: The previous year''s value implied by a value and its growth rate: value / (1 + r/100). Derived, never reported. 由本年值与同比增速推算的上年值，为推算值。';
COMMENT ON COLUMN growth_implied_previous."table_name" IS 'Topic table of the base row.';
COMMENT ON COLUMN growth_implied_previous."region_code" IS 'Region code: GB/T 2260 six-digit code of the region the figure describes (see regions).';
COMMENT ON COLUMN growth_implied_previous."year" IS 'Year: Year the figure describes; for a multi-year figure the last year of the span.';
COMMENT ON COLUMN growth_implied_previous."indicator" IS 'Indicator: What is measured.';
COMMENT ON COLUMN growth_implied_previous."school_level" IS 'School level: Level of education the figure refers to.';
COMMENT ON COLUMN growth_implied_previous."population" IS 'Population group: Group of students or teachers the figure is restricted to; ''all'' when unrestricted.';
COMMENT ON COLUMN growth_implied_previous."unit" IS 'Unit: Canonical unit of value; persons and person-times are distinct units.';
COMMENT ON COLUMN growth_implied_previous."value" IS 'Implied previous-year value, rounded to 2 decimals.';
COMMENT ON COLUMN growth_implied_previous."value_kind" IS 'Always ''derived''.';
COMMENT ON COLUMN growth_implied_previous."growth_percent" IS 'Growth rate as printed (percent).';
COMMENT ON COLUMN growth_implied_previous."base_id" IS 'Row whose value grew.';
COMMENT ON COLUMN growth_implied_previous."growth_id" IS 'Growth-rate row.';
COMMENT ON VIEW plan_vs_actual IS 'Plan versus actual / 计划与完成: Every actual row whose plan_id names its target, with the outcome as a percentage of the plan. 每个通过plan_id对应目标的实际行，及完成百分比。';
COMMENT ON COLUMN plan_vs_actual."table_name" IS 'Topic table.';
COMMENT ON COLUMN plan_vs_actual."source_id" IS 'Source: Archived source document (see sources).';
COMMENT ON COLUMN plan_vs_actual."region_code" IS 'Region code: GB/T 2260 six-digit code of the region the figure describes (see regions).';
COMMENT ON COLUMN plan_vs_actual."year" IS 'Year: Year the figure describes; for a multi-year figure the last year of the span.';
COMMENT ON COLUMN plan_vs_actual."indicator" IS 'Indicator: What is measured.';
COMMENT ON COLUMN plan_vs_actual."programme" IS 'Programme: Student-aid programme.';
COMMENT ON COLUMN plan_vs_actual."channel" IS 'Hiring channel: Channel through which teachers are hired.';
COMMENT ON COLUMN plan_vs_actual."school_level" IS 'School level: Level of education the figure refers to.';
COMMENT ON COLUMN plan_vs_actual."population" IS 'Population group: Group of students or teachers the figure is restricted to; ''all'' when unrestricted.';
COMMENT ON COLUMN plan_vs_actual."unit" IS 'Unit: Canonical unit of value; persons and person-times are distinct units.';
COMMENT ON COLUMN plan_vs_actual."planned" IS 'Target value.';
COMMENT ON COLUMN plan_vs_actual."actual" IS 'Actual value.';
COMMENT ON COLUMN plan_vs_actual."percent_of_plan" IS '100 x actual / planned.';
COMMENT ON COLUMN plan_vs_actual."plan_id" IS 'Target row id.';
COMMENT ON COLUMN plan_vs_actual."actual_id" IS 'Actual row id.';
COMMENT ON VIEW plan_outcome_across_reports IS 'Plan against outcome across reports / 跨年度报告的计划与完成: Each target that a government work report delivered in year Y sets for Y, beside the actual that the report delivered in Y+1 gives for Y: same region, table, indicator, unit, population, programme and channel. Targets are summed against one outcome where the plan splits what the outcome reports as one figure: new builds, relocations and expansions against a new-or-expansion outcome, levels inside the outcome''s level (kindergartens, compulsory and senior high schools against primary and secondary schools and kindergartens), any kind of work against an outcome that states none; level_match and kind_match say how. One-year figures only. 某年政府工作报告提出的当年任务，与次年报告回顾的当年完成数并列：地区、表、指标、单位、人群、项目、渠道相同。计划分列而完成数合计时，计划相加：新建、迁建、改扩建对新改扩建合计；学段包含于完成数学段之内者（幼儿园、义务教育学校、高中对中小学及幼儿园）相加；完成数未说明工程类型时，任何类型的计划均可对应；level_match 与 kind_match 说明配对方式。仅限单年数字。';
COMMENT ON COLUMN plan_outcome_across_reports."table_name" IS 'Topic table of the paired rows.';
COMMENT ON COLUMN plan_outcome_across_reports."region_code" IS 'Region code: GB/T 2260 six-digit code of the region the figure describes (see regions).';
COMMENT ON COLUMN plan_outcome_across_reports."year" IS 'Year: Year the figure describes; for a multi-year figure the last year of the span.';
COMMENT ON COLUMN plan_outcome_across_reports."indicator" IS 'Indicator: What is measured.';
COMMENT ON COLUMN plan_outcome_across_reports."unit" IS 'Unit: Canonical unit of value; persons and person-times are distinct units.';
COMMENT ON COLUMN plan_outcome_across_reports."school_level" IS 'School level: Level of education the figure refers to.';
COMMENT ON COLUMN plan_outcome_across_reports."population" IS 'Population group: Group of students or teachers the figure is restricted to; ''all'' when unrestricted.';
COMMENT ON COLUMN plan_outcome_across_reports."programme" IS 'Programme: Student-aid programme.';
COMMENT ON COLUMN plan_outcome_across_reports."channel" IS 'Hiring channel: Channel through which teachers are hired.';
COMMENT ON COLUMN plan_outcome_across_reports."planned_kinds" IS 'Kinds of work of the target rows summed (construction only).';
COMMENT ON COLUMN plan_outcome_across_reports."outcome_kind" IS 'Kind of work of the outcome row (construction only).';
COMMENT ON COLUMN plan_outcome_across_reports."planned_levels" IS 'School levels of the target rows summed, comma-separated.';
COMMENT ON COLUMN plan_outcome_across_reports."planned" IS 'Target value, the sum of the target rows.';
COMMENT ON COLUMN plan_outcome_across_reports."actual" IS 'Outcome value given by the next year''s report.';
COMMENT ON COLUMN plan_outcome_across_reports."fill_percent" IS '100 x actual / planned, rounded to 0.1.';
COMMENT ON COLUMN plan_outcome_across_reports."target_rows" IS 'Number of target rows summed.';
COMMENT ON COLUMN plan_outcome_across_reports."level_match" IS 'How the levels pair: ''same'' (the outcome''s level), ''summed'' (targets of several levels, or of levels inside the outcome''s, that together make the outcome''s level) or ''outcome_wider'' (the outcome''s level also covers levels no target names: read both quotes before comparing).';
COMMENT ON COLUMN plan_outcome_across_reports."kind_match" IS 'How the kinds of work pair: ''same'', ''summed'' (new builds, relocations and expansions against a new-or-expansion outcome) or ''outcome_not_stated'' (the outcome does not state its kind of work).';
COMMENT ON COLUMN plan_outcome_across_reports."plan_source_id" IS 'Report that set the target (delivered in year).';
COMMENT ON COLUMN plan_outcome_across_reports."outcome_source_id" IS 'Report that gives the outcome (delivered in year + 1).';
COMMENT ON COLUMN plan_outcome_across_reports."target_ids" IS 'Ids of the target rows, comma-separated.';
COMMENT ON COLUMN plan_outcome_across_reports."outcome_id" IS 'Id of the outcome row.';
COMMENT ON COLUMN plan_outcome_across_reports."target_quotes" IS 'Quotes of the target rows, separated by '' | ''.';
COMMENT ON COLUMN plan_outcome_across_reports."outcome_quote" IS 'Quote of the outcome row.';
-- END GENERATED comments
