-- Every handling department of one kind of complaint the store holds, most complaints first: the values
-- a drill-down may filter to.
SELECT department, count(*) AS complaints
FROM complaints
WHERE complaint_kind = $kind AND department IS NOT NULL
GROUP BY department
ORDER BY complaints DESC, department;
