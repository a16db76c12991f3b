-- Complaints still open at a date (received by then, not closed by then), by how long they have waited.
WITH open_at AS (
    SELECT date_diff('day', received_date, CAST($at AS DATE)) AS age_days, source
    FROM complaints
    WHERE complaint_kind = $kind
      AND received_date <= $at
      AND (closed_date IS NULL OR closed_date > $at)
)
SELECT CASE WHEN age_days <= 7 THEN 1 WHEN age_days <= 14 THEN 2 WHEN age_days <= 30 THEN 3 ELSE 4 END AS age_band,
       CASE WHEN age_days <= 7 THEN '7일 이하' WHEN age_days <= 14 THEN '8~14일' WHEN age_days <= 30 THEN '15~30일' ELSE '31일 이상' END AS age_label,
       count(*) AS still_open,
       max(age_days) AS oldest_days,
       count(*) FILTER (WHERE source = 'sample') AS sample_rows
FROM open_at
GROUP BY ALL
ORDER BY age_band;
