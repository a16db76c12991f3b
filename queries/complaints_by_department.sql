-- Handling departments by complaints received in a period, with their speed and how many were
-- still open at $at. A department left blank in the records comes back as NULL.
-- Read as complaints_summary reads them: counts per number of days taken from complaints_timing for the
-- period's whole months and from the records for any days either side, the median from those counts
-- (as quantile_cont computes it); open at $at from the few rows with no closing date or one after $at.
-- optional: channel, department (a drill-down: NULL, the default, keeps every one)
WITH limit_days AS (
    SELECT CAST(value AS INTEGER) AS days FROM settings WHERE key = 'processing_period_days'
),
timed AS (
    SELECT department, processing_days, received, sample_rows FROM complaints_timed($kind, $start, $end, $channel, $department)
),
by_days AS (
    SELECT department, processing_days AS days, sum(received) AS received, sum(sample_rows) AS sample_rows
    FROM timed
    GROUP BY ALL
),
still_open AS (
    SELECT department, count(*) AS still_open
    FROM complaints
    WHERE complaint_kind = $kind AND received_date BETWEEN $start AND $end
      AND (closed_date > $at OR (closed_date IS NULL AND status = '처리중'))
      AND ($channel IS NULL OR channel = $channel) AND ($department IS NULL OR department = $department)
    GROUP BY department
),
departments AS (
    SELECT department,
           sum(received)                                               AS received,
           coalesce(sum(received) FILTER (WHERE days <= (SELECT days FROM limit_days)), 0) AS within_period,
           coalesce(sum(received) FILTER (WHERE days IS NOT NULL), 0)  AS timed,
           sum(sample_rows)                                            AS sample_rows
    FROM by_days
    GROUP BY department
),
ranks AS (  -- per department, each number of days taken and the 0-based ranks its complaints hold in day order
    SELECT department, days,
           sum(received) OVER (PARTITION BY department ORDER BY days) - received AS first_rank,
           sum(received) OVER (PARTITION BY department ORDER BY days) - 1        AS last_rank
    FROM by_days
    WHERE days IS NOT NULL
),
medians AS (
    SELECT d.department, low.days + (p.position - floor(p.position)) * (high.days - low.days) AS median_days
    FROM departments AS d
    CROSS JOIN LATERAL (SELECT (d.timed - 1) * 0.5 AS position) AS p
    JOIN ranks AS low ON low.department IS NOT DISTINCT FROM d.department
                     AND floor(p.position) BETWEEN low.first_rank AND low.last_rank
    JOIN ranks AS high ON high.department IS NOT DISTINCT FROM d.department
                      AND ceil(p.position) BETWEEN high.first_rank AND high.last_rank
    WHERE d.timed > 0
)
SELECT d.department,
       CAST(d.received AS BIGINT)                                      AS received,
       100.0 * d.received / sum(d.received) OVER ()                    AS share,
       CAST(coalesce(o.still_open, 0) AS BIGINT)                       AS still_open,
       100.0 * d.within_period / nullif(d.timed, 0)                    AS closed_within_period_share,
       m.median_days,
       CAST(d.sample_rows AS BIGINT)                                   AS sample_rows
FROM departments AS d
LEFT JOIN still_open AS o ON o.department IS NOT DISTINCT FROM d.department
LEFT JOIN medians AS m ON m.department IS NOT DISTINCT FROM d.department
ORDER BY received DESC, department NULLS LAST
LIMIT $top;
