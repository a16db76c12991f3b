-- Cumulative execution (all 단위사업) at every snapshot of a year up to a date: the execution curve.
SELECT snapshot_date,
       CAST(sum(budget) AS BIGINT)   AS budget,
       CAST(sum(executed) AS BIGINT) AS executed,
       100.0 * sum(executed) / nullif(sum(budget), 0) AS execution_rate,
       100.0 * dayofyear(snapshot_date) / dayofyear(make_date(year(snapshot_date), 12, 31)) AS year_elapsed,
       string_agg(DISTINCT source, '+' ORDER BY source) AS source,
       any_value(edition) FILTER (WHERE source = 'report') AS edition
FROM budget_in_force
WHERE level = 'programme'
  AND snapshot_date BETWEEN make_date($year, 1, 1) AND make_date($year, 12, 31)  -- a range, not year() = $year: DuckDB plans that 4 ms slower
  AND snapshot_date <= CAST($through AS DATE)
GROUP BY snapshot_date
ORDER BY snapshot_date;
