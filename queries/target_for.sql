-- The target for a metric that applies at a date: the first one set on or after it, in the same year.
SELECT metric, target_date, target, unit, direction, basis
FROM targets
WHERE metric = $metric AND target_date >= $at AND year(target_date) = year(CAST($at AS DATE))
ORDER BY target_date
LIMIT 1;
