-- The complaint records behind a view: one kind, received in a period, with the page's drill-down
-- filters; the fields the pages count with (no names, no free text), oldest first, at most $limit.
-- optional: channel, department (a drill-down: NULL, the default, keeps every one)
SELECT received_date, channel, department, status, closed_date, processing_days, source
FROM complaints
WHERE complaint_kind = $kind AND received_date BETWEEN $start AND $end
  AND ($channel IS NULL OR channel = $channel) AND ($department IS NULL OR department = $department)
ORDER BY received_date, channel, department
LIMIT $limit;
