-- Complaints of one kind received per month of a period, and the share of those closed within the
-- processing period (settings.processing_period_days), over the rows whose processing days are known.
-- Whole months are read from complaints_timing, any days either side from the records (as complaints_summary).
-- optional: channel, department (a drill-down: NULL, the default, keeps every one)
WITH limit_days AS (
    SELECT CAST(value AS INTEGER) AS days FROM settings WHERE key = 'processing_period_days'
),
months AS (  -- the first and last whole month inside the period
    SELECT CAST(CASE WHEN day(CAST($start AS DATE)) = 1 THEN CAST($start AS DATE)
                     ELSE date_trunc('month', CAST($start AS DATE)) + INTERVAL 1 MONTH END AS DATE)   AS first_month,
           CAST(CASE WHEN CAST($end AS DATE) = last_day(CAST($end AS DATE)) THEN date_trunc('month', CAST($end AS DATE))
                     ELSE date_trunc('month', CAST($end AS DATE)) - INTERVAL 1 MONTH END AS DATE)     AS last_month
),
timed AS (
    SELECT t.month_start, t.processing_days, t.received, t.sample_rows
    FROM complaints_timing AS t, months AS m
    WHERE t.complaint_kind = $kind AND t.month_start BETWEEN m.first_month AND m.last_month
      AND ($channel IS NULL OR t.channel = $channel) AND ($department IS NULL OR t.department = $department)
    UNION ALL
    SELECT CAST(date_trunc('month', c.received_date) AS DATE), c.processing_days, 1, CAST(c.source = 'sample' AS BIGINT)
    FROM complaints AS c, months AS m
    WHERE c.complaint_kind = $kind AND c.received_date BETWEEN $start AND $end
      AND (c.received_date < m.first_month OR c.received_date > last_day(m.last_month))
      AND ($channel IS NULL OR c.channel = $channel) AND ($department IS NULL OR c.department = $department)
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
