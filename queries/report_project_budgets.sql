-- One project's budget by funding source (구비, 시비) as printed under the project.
SELECT funding_source, budget, executed, section
FROM project_budgets
WHERE edition = $edition AND plan_year = $plan_year AND project_no = $project_no
ORDER BY CASE funding_source WHEN '시비' THEN 1 ELSE 2 END;
