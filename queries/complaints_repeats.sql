-- Repeat complaints (반복민원): the same matter raised $threshold times or more within a period.
-- optional: channel, department (a drill-down: NULL, the default, keeps every one)
SELECT repeat_key,
       any_value(category)   AS category,
       any_value(department) AS department,
       count(*)              AS complaints,
       min(received_date)    AS first_received,
       max(received_date)    AS last_received,
       count(*) FILTER (WHERE status = '처리중') AS still_open,
       count(*) FILTER (WHERE source = 'sample') AS sample_rows
FROM complaints
WHERE complaint_kind = $kind AND repeat_key IS NOT NULL AND received_date BETWEEN $start AND $end
  AND ($channel IS NULL OR channel = $channel) AND ($department IS NULL OR department = $department)
GROUP BY repeat_key
HAVING count(*) >= $threshold
ORDER BY complaints DESC, last_received DESC, repeat_key;
