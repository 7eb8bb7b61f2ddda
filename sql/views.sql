-- Analysis views over the topic tables. Portable DuckDB SQL: run at the repository root after
-- sql/tables.sql, from Python (`python -m scripts build`) or the DuckDB CLI:
--   duckdb build/education.duckdb            (views are already in the built database; build stores
--                                            headline_facts[_with_rollups] and region_year_panel as tables)
--   duckdb -c ".read sql/tables.sql" -c ".read sql/views.sql" -c "FROM region_year_panel"
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

-- The observation rows behind the headline figures, one per row counted, with the measure it
-- counts for. Only actuals; a part is left out when its total is an actual (it is already
-- inside that total) but kept when its total is a target (seven schools under construction out
-- of twenty planned); only periods within one calendar year (multi-year, school-year and
-- cumulative-since-unknown figures are left out). Recipients are taken only from all-programme
-- totals: a student may receive several kinds of aid, so recipients of different programmes do
-- not add up; yuan do. A named project row without a figure counts as one project (value 1).
-- Student-teacher interns (channel internship, 顶岗实习) are placed, not hired: not teachers_hired.
-- Each measure reads only its own table, so the filters reach the table scans, and looks up a
-- part's total in that table (parent_id refers to a row of the same table).
CREATE OR REPLACE VIEW headline_rows AS
WITH measured AS (
    SELECT id, region_code, year, period, kind, value, source_id, parent_id, 'students_' || school_level AS measure,
           parent_id IN (SELECT id FROM enrollment WHERE kind <> 'actual') AS parent_not_actual
    FROM enrollment WHERE indicator = 'students' AND unit = 'person' AND population = 'all'
    UNION ALL
    SELECT id, region_code, year, period, kind, value, source_id, parent_id, 'aid_recipients_' || unit,
           parent_id IN (SELECT id FROM subsidies WHERE kind <> 'actual')
    FROM subsidies WHERE indicator = 'recipients' AND programme = 'all_programmes'
    UNION ALL
    SELECT id, region_code, year, period, kind, value, source_id, parent_id, 'aid_yuan',
           parent_id IN (SELECT id FROM subsidies WHERE kind <> 'actual')
    FROM subsidies WHERE indicator = 'amount' AND unit = 'yuan'
    UNION ALL
    SELECT id, region_code, year, period, kind, value, source_id, parent_id, 'teachers_hired',
           parent_id IN (SELECT id FROM teacher_hiring WHERE kind <> 'actual')
    FROM teacher_hiring WHERE indicator = 'hired' AND unit = 'person' AND channel <> 'internship'
    UNION ALL
    SELECT id, region_code, year, period, kind, value, source_id, parent_id, 'places_added',
           parent_id IN (SELECT id FROM construction_projects WHERE kind <> 'actual')
    FROM construction_projects WHERE indicator = 'places' AND unit = 'place'
    UNION ALL
    SELECT id, region_code, year, period, kind, value, source_id, parent_id, 'projects_' || status,
           parent_id IN (SELECT id FROM construction_projects WHERE kind <> 'actual')
    FROM construction_projects WHERE indicator IN ('project', 'projects', 'schools')
      AND status IN ('tendering', 'under_construction', 'fitting_out', 'partly_in_use', 'completed')
    UNION ALL
    SELECT id, region_code, year, period, kind, value, source_id, parent_id, 'education_expenditure_yuan',
           parent_id IN (SELECT id FROM finance WHERE kind <> 'actual')
    FROM finance WHERE indicator = 'education_expenditure' AND unit = 'yuan'
)
SELECT region_code, year, measure, coalesce(value, 1) AS value, source_id, id
FROM measured
WHERE kind = 'actual'
  AND period IN ('year', 'first_half', 'spring_term', 'autumn_term', 'to_date', 'point_in_time')
  AND (parent_id IS NULL OR parent_not_actual);

-- headline_rows plus the rows a prefecture does not report itself, rolled up from its
-- counties, county-level cities and districts. A prefecture's own figure always wins: a child's
-- row is added only for a measure and year the prefecture has no row for, so nothing it reports
-- is counted twice. Rolled-up rows say basis = 'rollup' and name the child in rolled_up_from:
-- they cover only the children the package has data for, not necessarily the whole prefecture.
CREATE OR REPLACE VIEW headline_rows_with_rollups AS
WITH own AS MATERIALIZED (FROM headline_rows),
child AS (
    SELECT r.parent_code AS region_code, h.year, h.measure, h.value, h.source_id, h.id, h.region_code AS rolled_up_from
    FROM own h
    JOIN regions r ON r.code = h.region_code
    JOIN regions parent ON parent.code = r.parent_code
    WHERE parent.level = 'prefecture' AND r.level IN ('county', 'county_city', 'district')
),
not_reported AS (
    SELECT DISTINCT region_code, year, measure FROM child
    EXCEPT
    SELECT h.region_code, h.year, h.measure FROM own h JOIN regions g ON g.code = h.region_code WHERE g.level = 'prefecture'
)
SELECT region_code, year, measure, value, source_id, id, 'reported' AS basis, NULL::VARCHAR AS rolled_up_from
FROM own
UNION ALL
SELECT c.region_code, c.year, c.measure, c.value, c.source_id, c.id, 'rollup' AS basis, c.rolled_up_from
FROM child c
SEMI JOIN not_reported n ON n.region_code = c.region_code AND n.year = c.year AND n.measure = c.measure;

-- Headline figures as long facts, one per region, year and measure: headline_rows added up,
-- with the sources and row ids (sorted, comma-separated) they come from.
CREATE OR REPLACE VIEW headline_facts AS
SELECT region_code, year, measure,
       sum(value) AS value,
       count(*) AS n_rows,
       array_to_string(list_sort(list_distinct(list(source_id))), ',') AS sources,
       array_to_string(list_sort(list(id)), ',') AS row_ids
FROM headline_rows
GROUP BY region_code, year, measure;

-- headline_facts and the facts rolled up from children (headline_rows_with_rollups added up);
-- a rolled-up fact lists its child codes in rolled_up_from.
CREATE OR REPLACE VIEW headline_facts_with_rollups AS
SELECT region_code, year, measure,
       sum(value) AS value,
       count(*)::HUGEINT AS n_rows,
       array_to_string(list_sort(list_distinct(list(source_id))), ',') AS sources,
       array_to_string(list_sort(list(id)), ',') AS row_ids,
       basis,
       nullif(array_to_string(list_sort(list_distinct(list(rolled_up_from))), ','), '') AS rolled_up_from
FROM headline_rows_with_rollups
GROUP BY region_code, year, measure, basis;

-- One row per region and year, headline figures side by side, with the sources they came from
-- (and the children rolled up, if any), sorted and comma-separated.
CREATE OR REPLACE VIEW region_year_panel AS
WITH panel AS (
    SELECT region_code, year,
        sum(value) FILTER (WHERE measure = 'students_all') AS students_all_levels,
        sum(value) FILTER (WHERE measure = 'students_preschool') AS students_preschool,
        sum(value) FILTER (WHERE measure = 'students_primary') AS students_primary,
        sum(value) FILTER (WHERE measure = 'students_junior_secondary') AS students_junior_secondary,
        sum(value) FILTER (WHERE measure IN ('students_senior_secondary', 'students_general_senior_secondary',
                                             'students_secondary_vocational')) AS students_senior_secondary,
        sum(value) FILTER (WHERE measure = 'aid_recipients_person') AS aid_recipients_persons,
        sum(value) FILTER (WHERE measure = 'aid_recipients_person_time') AS aid_recipients_person_times,
        sum(value) FILTER (WHERE measure = 'aid_yuan') AS aid_yuan,
        sum(value) FILTER (WHERE measure = 'teachers_hired') AS teachers_hired,
        sum(value) FILTER (WHERE measure = 'places_added') AS places_added,
        sum(value) FILTER (WHERE measure = 'projects_tendering') AS projects_tendering,
        sum(value) FILTER (WHERE measure IN ('projects_under_construction', 'projects_fitting_out')) AS projects_under_construction,
        sum(value) FILTER (WHERE measure IN ('projects_partly_in_use', 'projects_completed')) AS projects_in_use,
        sum(value) FILTER (WHERE measure = 'education_expenditure_yuan') AS education_expenditure_yuan,
        nullif(array_to_string(list_sort(list_distinct(list(rolled_up_from))), ','), '') AS rolled_up_from,
        array_to_string(list_sort(list_distinct(list(source_id))), ',') AS sources
    FROM headline_rows_with_rollups
    GROUP BY region_code, year
)
SELECT p.region_code, g.name_zh, g.name_en, g.level, l.current_code, p.* EXCLUDE (region_code)
FROM panel p
JOIN regions g ON g.code = p.region_code
JOIN region_lineage l ON l.code = p.region_code;

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
