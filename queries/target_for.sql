-- The target for a metric that applies at a date: the first one set on or after it, in the same year.
SELECT metric, target_date, target, unit, direction, basis
FROM targets
WHERE metric = $metric AND target_date BETWEEN $at AND make_date(year(CAST($at AS DATE)), 12, 31)
ORDER BY target_date
LIMIT 1;
