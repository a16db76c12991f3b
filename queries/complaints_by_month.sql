-- Complaints of one kind received per month of a period (from the daily counts: complaints_daily).
-- optional: channel, department (a drill-down: NULL, the default, keeps every one)
SELECT received_year AS year, received_month AS month, received_quarter AS quarter,
       CAST(sum(received) AS BIGINT) AS received, CAST(sum(sample_rows) AS BIGINT) AS sample_rows
FROM complaints_daily
WHERE complaint_kind = $kind AND received_date BETWEEN $start AND $end
  AND ($channel IS NULL OR channel = $channel) AND ($department IS NULL OR department = $department)
GROUP BY ALL
ORDER BY year, month;
