-- Complaints of one kind received per day of a period (a month drilled down to), from complaints_daily.
-- optional: channel, department (a drill-down: NULL, the default, keeps every one)
SELECT received_date AS day, CAST(sum(received) AS BIGINT) AS received, CAST(sum(sample_rows) AS BIGINT) AS sample_rows
FROM complaints_daily
WHERE complaint_kind = $kind AND received_date BETWEEN $start AND $end
  AND ($channel IS NULL OR channel = $channel) AND ($department IS NULL OR department = $department)
GROUP BY received_date
ORDER BY day;
