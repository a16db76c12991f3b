-- The department's execution-rate targets for a year (data/targets.csv); none when it has set none.
SELECT target_date, target, unit, direction, basis
FROM targets
WHERE metric = 'budget_execution_rate' AND year(target_date) = $year
ORDER BY target_date;
