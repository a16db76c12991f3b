-- Every printed figure of an edition outside the breakdown tables, with its project (of the edition's
-- as-of year) and place in the report.
SELECT f.figure_key, f.label, f.value, f.unit, f.section, f.project_no, p.project, p.team
FROM report_figures AS f
JOIN report_meta AS m ON m.edition = f.edition
JOIN projects AS p ON p.edition = f.edition AND p.plan_year = year(m.as_of) AND p.project_no = f.project_no
WHERE f.edition = $edition
ORDER BY f.project_no, f.item_id, f.figure_key;
