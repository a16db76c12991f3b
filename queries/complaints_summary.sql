-- Complaints of one kind received in a period: how many, how fast they were closed, and how many
-- were still open at $at (the period's end, or the last day records cover).
-- Open at a date: received by then, and closed after it, or still 처리중 with no closing date.
-- Closed: a closing date on or before it. A 처리완료 row with no closing date is neither (the
-- importer warns of such rows): it cannot be placed in time.
-- "Within the processing period" uses the configured number of days (settings.processing_period_days).
-- optional: channel, department (a drill-down: NULL, the default, keeps every one)
WITH limit_days AS (
    SELECT CAST(value AS INTEGER) AS days FROM settings WHERE key = 'processing_period_days'
),
received AS (
    SELECT *,
           (closed_date > $at OR (closed_date IS NULL AND status = '처리중')) AS open_at
    FROM complaints
    WHERE complaint_kind = $kind AND received_date BETWEEN $start AND $end
      AND ($channel IS NULL OR channel = $channel) AND ($department IS NULL OR department = $department)
)
SELECT count(*)                                                        AS received,
       count(*) FILTER (WHERE closed_date <= $at)                      AS closed,
       count(*) FILTER (WHERE open_at)                                 AS still_open,
       100.0 * count(*) FILTER (WHERE processing_days <= (SELECT days FROM limit_days))
             / nullif(count(processing_days), 0)                       AS closed_within_period_share,
       quantile_cont(processing_days, 0.5)                             AS median_days,
       quantile_cont(processing_days, 0.9)                             AS p90_days,
       (SELECT days FROM limit_days)                                   AS processing_period_days,
       count(*) FILTER (WHERE source = 'sample')                       AS sample_rows
FROM received;
