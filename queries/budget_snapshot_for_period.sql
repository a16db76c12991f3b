-- The execution snapshot that answers for a period: the latest one on or before the period's end,
-- in the period's year (execution is cumulative from 1 January). No row when the year has none.
SELECT snapshot_date,
       string_agg(DISTINCT source, '+' ORDER BY source) AS source,
       any_value(edition) FILTER (WHERE source = 'report') AS edition,   -- whose as-of figures, if a report's
       100.0 * dayofyear(snapshot_date) / dayofyear(make_date(year(snapshot_date), 12, 31)) AS year_elapsed
FROM budget_in_force
WHERE snapshot_date BETWEEN make_date(year(CAST($period_end AS DATE)), 1, 1) AND make_date(year(CAST($period_end AS DATE)), 12, 31)
  AND snapshot_date <= CAST($period_end AS DATE)
GROUP BY snapshot_date
ORDER BY snapshot_date DESC
LIMIT 1;
