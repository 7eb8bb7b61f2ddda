-- Analysis views over the topic tables. Portable DuckDB SQL: run at the repository root after
-- sql/tables.sql, from Python (`python -m scripts build`) or the DuckDB CLI.

-- Every curated figure in one long view, whatever table holds it; columns a table lacks
-- (programme, channel, project_name, ...) are NULL.
CREATE OR REPLACE VIEW observations AS
SELECT 'enrollment' AS table_name, * FROM enrollment
UNION ALL BY NAME SELECT 'subsidies' AS table_name, * FROM subsidies
UNION ALL BY NAME SELECT 'teacher_hiring' AS table_name, * FROM teacher_hiring
UNION ALL BY NAME SELECT 'construction_projects' AS table_name, * FROM construction_projects
UNION ALL BY NAME SELECT 'finance' AS table_name, * FROM finance;
