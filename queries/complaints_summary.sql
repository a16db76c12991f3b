-- Complaints of one kind received in a period: how many, how fast they were closed, how many remain open.
-- "Within the processing period" uses the configured number of days (settings.processing_period_days).
WITH limit_days AS (
    SELECT CAST(value AS INTEGER) AS days FROM settings WHERE key = 'processing_period_days'
),
received AS (
    SELECT * FROM complaints
    WHERE complaint_kind = $kind AND received_date BETWEEN $start AND $end
)
SELECT count(*)                                                        AS received,
       count(*) FILTER (WHERE status = '처리완료')                      AS closed,
       count(*) FILTER (WHERE status = '처리중')                        AS still_open,
       100.0 * count(*) FILTER (WHERE processing_days <= (SELECT days FROM limit_days))
             / nullif(count(*) FILTER (WHERE status = '처리완료'), 0)   AS closed_within_period_share,
       quantile_cont(processing_days, 0.5)                             AS median_days,
       quantile_cont(processing_days, 0.9)                             AS p90_days,
       (SELECT days FROM limit_days)                                   AS processing_period_days,
       count(*) FILTER (WHERE source = 'sample')                       AS sample_rows,
       count(*) FILTER (WHERE source = 'import')                       AS import_rows,
       min(received_date)                                              AS first_date,
       max(received_date)                                              AS last_date
FROM received;
