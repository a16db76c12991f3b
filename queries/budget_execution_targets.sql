-- The department's execution-rate targets for a year (data/targets.csv); none when it has set none.
SELECT target_date, target, unit, direction, basis
FROM targets
WHERE metric = 'budget_execution_rate' AND target_date BETWEEN make_date($year, 1, 1) AND make_date($year, 12, 31)
ORDER BY target_date;
