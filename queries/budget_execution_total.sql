-- Total budget execution (Ⅰ-4 계) with the share of the year elapsed at the as-of date.
WITH as_of AS (
    SELECT CAST(value AS DATE) AS as_of FROM report_meta WHERE key = 'as_of'
),
totals AS (
    SELECT CAST(sum(budget) AS BIGINT) AS budget, CAST(sum(executed) AS BIGINT) AS executed
    FROM budget_programmes
)
SELECT t.budget,
       t.executed,
       t.budget - t.executed AS remaining,
       100.0 * t.executed / t.budget AS execution_rate,
       (SELECT value FROM table_totals
        WHERE table_name = 'budget_programmes' AND measure = 'execution_rate_printed') AS execution_rate_printed,
       a.as_of,
       100.0 * (dayofyear(a.as_of)) / (CASE WHEN (year(a.as_of) % 4 = 0 AND year(a.as_of) % 100 <> 0) OR year(a.as_of) % 400 = 0 THEN 366 ELSE 365 END)
           AS year_elapsed
FROM totals AS t, as_of AS a;
