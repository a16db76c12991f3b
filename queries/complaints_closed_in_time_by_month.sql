-- Complaints of one kind received per month of a period, and the share of those closed within the
-- processing period (settings.processing_period_days), over the rows whose processing days are known.
-- optional: channel, department (a drill-down: NULL, the default, keeps every one)
WITH limit_days AS (
    SELECT CAST(value AS INTEGER) AS days FROM settings WHERE key = 'processing_period_days'
)
SELECT received_year AS year, received_quarter AS quarter, received_month AS month,
       count(*) AS received,
       count(processing_days) AS closed,
       count(*) FILTER (WHERE processing_days <= (SELECT days FROM limit_days)) AS closed_within,
       100.0 * count(*) FILTER (WHERE processing_days <= (SELECT days FROM limit_days))
             / nullif(count(processing_days), 0) AS closed_within_period_share,
       count(*) FILTER (WHERE source = 'sample') AS sample_rows
FROM complaints
WHERE complaint_kind = $kind AND received_date BETWEEN $start AND $end
  AND ($channel IS NULL OR channel = $channel) AND ($department IS NULL OR department = $department)
GROUP BY ALL
ORDER BY year, month;
