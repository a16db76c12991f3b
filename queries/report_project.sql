-- One project of a report (the as-of year's Ⅱ, or a plan of Ⅲ·Ⅳ): name, team, purpose, budget and page.
SELECT plan_year, project_no, project, team, section, purpose,
       budget_printed, executed_printed, execution_rate_printed,
       follows_project_no, is_priority, page
FROM projects
WHERE edition = $edition AND plan_year = $plan_year AND project_no = $project_no;
