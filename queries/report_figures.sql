-- Every printed figure outside the breakdown tables, with its project and place in the report.
SELECT f.figure_key, f.label, f.value, f.unit, f.section, f.project_no, p.project, p.team
FROM report_figures AS f
JOIN projects AS p ON p.plan_year = 2025 AND p.project_no = f.project_no
ORDER BY f.project_no, f.item_id, f.figure_key;
