-- Handling departments by complaints received in a period, with their speed and how many were
-- still open at $at. A department left blank in the records comes back as NULL.
-- optional: channel, department (a drill-down: NULL, the default, keeps every one)
WITH limit_days AS (
    SELECT CAST(value AS INTEGER) AS days FROM settings WHERE key = 'processing_period_days'
)
SELECT department,
       count(*) AS received,
       100.0 * count(*) / sum(count(*)) OVER () AS share,
       count(*) FILTER (WHERE closed_date > $at OR (closed_date IS NULL AND status = '처리중')) AS still_open,
       100.0 * count(*) FILTER (WHERE processing_days <= (SELECT days FROM limit_days))
             / nullif(count(processing_days), 0) AS closed_within_period_share,
       quantile_cont(processing_days, 0.5) AS median_days,
       count(*) FILTER (WHERE source = 'sample') AS sample_rows
FROM complaints
WHERE complaint_kind = $kind AND received_date BETWEEN $start AND $end
  AND ($channel IS NULL OR channel = $channel) AND ($department IS NULL OR department = $department)
GROUP BY ALL
ORDER BY received DESC, department NULLS LAST
LIMIT $top;
