-- Complaints of one kind received per month of a period, and the share of those closed within the
-- processing period (settings.processing_period_days), over the rows whose processing days are known.
-- Read through complaints_timed (schema/records.sql): whole months from complaints_timing, any days either side
-- from the records.
-- optional: channel, department (a drill-down: NULL, the default, keeps every one)
WITH limit_days AS (
    SELECT CAST(value AS INTEGER) AS days FROM settings WHERE key = 'processing_period_days'
),
timed AS (
    SELECT month_start, processing_days, received, sample_rows
    FROM complaints_timed($kind, $start, $end, $channel, $department)
)
SELECT year(month_start) AS year, quarter(month_start) AS quarter, month(month_start) AS month,
       CAST(sum(received) AS BIGINT) AS received,
       CAST(coalesce(sum(received) FILTER (WHERE processing_days IS NOT NULL), 0) AS BIGINT) AS closed,
       CAST(coalesce(sum(received) FILTER (WHERE processing_days <= (SELECT days FROM limit_days)), 0) AS BIGINT) AS closed_within,
       100.0 * coalesce(sum(received) FILTER (WHERE processing_days <= (SELECT days FROM limit_days)), 0)
             / nullif(sum(received) FILTER (WHERE processing_days IS NOT NULL), 0) AS closed_within_period_share,
       CAST(sum(sample_rows) AS BIGINT) AS sample_rows
FROM timed
GROUP BY ALL
ORDER BY year, month;
