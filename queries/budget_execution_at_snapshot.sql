-- Total execution at one snapshot (all 단위사업, 기본경비 included) against the share of the year elapsed.
WITH lines AS (
    SELECT snapshot_date, budget, executed, source, edition
    FROM budget_in_force
    WHERE level = 'programme' AND snapshot_date = CAST($snapshot_date AS DATE)
),
total AS (
    SELECT any_value(snapshot_date) AS snapshot_date,
           CAST(sum(budget) AS BIGINT)   AS budget,
           CAST(sum(executed) AS BIGINT) AS executed,
           string_agg(DISTINCT source, '+' ORDER BY source) AS source,
           any_value(edition) FILTER (WHERE source = 'report') AS edition
    FROM lines
),
measured AS (
    SELECT *,
           100.0 * executed / nullif(budget, 0) AS execution_rate,
           100.0 * dayofyear(snapshot_date) / dayofyear(make_date(year(snapshot_date), 12, 31)) AS year_elapsed
    FROM total
    WHERE snapshot_date IS NOT NULL
)
SELECT snapshot_date,
       source,
       budget,
       executed,
       budget - executed AS remaining,
       execution_rate,
       -- The printed 계 rate, only where the snapshot is the report's.
       CASE WHEN source = 'report' THEN (SELECT value FROM table_totals AS t WHERE t.edition = measured.edition
            AND t.table_name = 'budget_programmes' AND t.measure = 'execution_rate_printed') END AS execution_rate_printed,
       edition,
       year_elapsed,
       execution_rate - year_elapsed AS gap
FROM measured;
