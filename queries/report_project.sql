-- One project of the report (2025 Ⅱ or 2026 Ⅲ·Ⅳ): name, team, purpose, budget and page.
SELECT plan_year, project_no, project, team, section, purpose,
       budget_printed, executed_printed, execution_rate_printed,
       follows_project_no, is_priority, page
FROM projects
WHERE plan_year = $plan_year AND project_no = $project_no;
