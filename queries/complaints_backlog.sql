-- Complaints still open at a date (received by then; closed after it, or 처리중 with no closing
-- date), by how long they have waited: age_band 1 = 7 days or less, 2 = 8~14, 3 = 15~30, 4 = 31 or more.
-- optional: channel, department (a drill-down: NULL, the default, keeps every one)
WITH open_at AS (
    SELECT date_diff('day', received_date, CAST($at AS DATE)) AS age_days, source
    FROM complaints
    WHERE complaint_kind = $kind
      AND ($channel IS NULL OR channel = $channel) AND ($department IS NULL OR department = $department)
      AND received_date <= $at
      AND (closed_date > $at OR (closed_date IS NULL AND status = '처리중'))
)
SELECT CASE WHEN age_days <= 7 THEN 1 WHEN age_days <= 14 THEN 2 WHEN age_days <= 30 THEN 3 ELSE 4 END AS age_band,
       count(*) AS still_open,
       max(age_days) AS oldest_days,
       count(*) FILTER (WHERE source = 'sample') AS sample_rows
FROM open_at
GROUP BY ALL
ORDER BY age_band;
