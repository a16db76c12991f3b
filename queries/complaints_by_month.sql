-- Complaints of one kind received per month of a period.
-- optional: channel, department (a drill-down: NULL, the default, keeps every one)
SELECT received_year AS year, received_month AS month, received_quarter AS quarter, count(*) AS received,
       count(*) FILTER (WHERE source = 'sample') AS sample_rows
FROM complaints
WHERE complaint_kind = $kind AND received_date BETWEEN $start AND $end
  AND ($channel IS NULL OR channel = $channel) AND ($department IS NULL OR department = $department)
GROUP BY ALL
ORDER BY year, month;
