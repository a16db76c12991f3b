-- Handling departments by complaints received in a period, with their speed.
WITH limit_days AS (
    SELECT CAST(value AS INTEGER) AS days FROM settings WHERE key = 'processing_period_days'
)
SELECT coalesce(department, '(미지정)') AS department,
       count(*) AS received,
       100.0 * count(*) / sum(count(*)) OVER () AS share,
       count(*) FILTER (WHERE status = '처리중') AS still_open,
       100.0 * count(*) FILTER (WHERE processing_days <= (SELECT days FROM limit_days))
             / nullif(count(*) FILTER (WHERE status = '처리완료'), 0) AS closed_within_period_share,
       quantile_cont(processing_days, 0.5) AS median_days,
       count(*) FILTER (WHERE source = 'sample') AS sample_rows
FROM complaints
WHERE complaint_kind = $kind AND received_date BETWEEN $start AND $end
GROUP BY ALL
ORDER BY received DESC, department
LIMIT $top;
