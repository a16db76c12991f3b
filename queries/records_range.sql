-- The first and last dates that records cover, per table, and how many are samples.
SELECT 'complaints' AS records, min(received_date) AS first_date, max(received_date) AS last_date,
       count(*) AS rows, count(*) FILTER (WHERE source = 'sample') AS sample_rows
FROM complaints
UNION ALL
SELECT 'patrol_sessions', min(patrol_date), max(patrol_date), count(*), count(*) FILTER (WHERE source = 'sample')
FROM patrol_sessions;
