-- complaints_timing from complaints: one row per month of receipt, kind, channel, department and number of
-- days taken, in month order (so that a range of months skips whole row groups).
INSERT INTO complaints_timing
SELECT complaint_kind, make_date(received_year, received_month, 1) AS month_start, channel, department,
       processing_days, count(*) AS received, count(*) FILTER (WHERE source = 'sample') AS sample_rows
FROM complaints
GROUP BY ALL
ORDER BY month_start, complaint_kind, channel, department, processing_days;
