-- Every handling department of one kind of complaint the store holds, most complaints first: the values
-- a drill-down may filter to (from the daily counts, complaints_daily, which hold every record).
SELECT department, CAST(sum(received) AS BIGINT) AS complaints
FROM complaints_daily
WHERE complaint_kind = $kind AND department IS NOT NULL
GROUP BY department
ORDER BY complaints DESC, department;
