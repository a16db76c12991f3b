-- Complaints of one kind received per month of a period, by channel.
-- optional: channel, department (a drill-down: NULL, the default, keeps every one)
SELECT received_year AS year, received_quarter AS quarter, received_month AS month, channel, count(*) AS received,
       count(*) FILTER (WHERE source = 'sample') AS sample_rows
FROM complaints
WHERE complaint_kind = $kind AND received_date BETWEEN $start AND $end
  AND ($channel IS NULL OR channel = $channel) AND ($department IS NULL OR department = $department)
GROUP BY ALL
ORDER BY year, month, channel;
