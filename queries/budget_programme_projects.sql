-- How an edition's 단위사업 of Ⅰ-4 map onto the projects of Ⅱ (budget_project_map; not printed in the
-- report), with each side's amounts. A 단위사업 with no project (기본경비) has one row with no project.
SELECT b.programme_no,
       b.programme,
       b.budget   AS programme_budget,
       b.executed AS programme_executed,
       p.project_no,
       p.project,
       p.team,
       p.budget_printed   AS project_budget,
       p.executed_printed AS project_executed,
       m.basis
FROM budget_programmes AS b
JOIN report_meta AS r ON r.edition = b.edition
LEFT JOIN budget_project_map AS m ON m.edition = b.edition AND m.programme_no = b.programme_no
LEFT JOIN projects AS p ON p.edition = b.edition AND p.plan_year = year(r.as_of) AND p.project_no = m.project_no
WHERE b.edition = $edition
ORDER BY b.programme_no, p.project_no;
