-- Complaints of one kind received per month of a period, by channel (from the daily counts: complaints_daily).
-- optional: channel, department (a drill-down: NULL, the default, keeps every one)
SELECT received_year AS year, received_quarter AS quarter, received_month AS month, channel,
       CAST(sum(received) AS BIGINT) AS received, CAST(sum(sample_rows) AS BIGINT) AS sample_rows
FROM complaints_daily
WHERE complaint_kind = $kind AND received_date BETWEEN $start AND $end
  AND ($channel IS NULL OR channel = $channel) AND ($department IS NULL OR department = $department)
GROUP BY ALL
ORDER BY year, month, channel;
