-- complaints_daily from complaints: one row per day of receipt, kind, channel and department, in date order
-- (so that a date range skips whole row groups, as on complaints).
INSERT INTO complaints_daily
SELECT complaint_kind, received_date, received_year, received_quarter, received_month, channel, department,
       count(*) AS received, count(*) FILTER (WHERE source = 'sample') AS sample_rows
FROM complaints
GROUP BY ALL
ORDER BY received_date, complaint_kind, channel, department;
