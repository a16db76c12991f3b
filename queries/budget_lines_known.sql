-- The budget lines of every year (report and imported): the importer's list of 단위사업 and projects.
SELECT year, level, line_no, name, source
FROM budget_lines
ORDER BY year, level, line_no;
