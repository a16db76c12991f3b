-- The first and last dates that records cover, per table and complaint kind, and how many are samples
-- (complaints from their daily counts, complaints_daily, which hold every record).
SELECT 'complaints' AS records, complaint_kind AS kind, min(received_date) AS first_date,
       max(received_date) AS last_date, CAST(sum(received) AS BIGINT) AS rows, CAST(sum(sample_rows) AS BIGINT) AS sample_rows
FROM complaints_daily
GROUP BY complaint_kind
UNION ALL
SELECT 'patrol_sessions', NULL, min(patrol_date), max(patrol_date), count(*), count(*) FILTER (WHERE source = 'sample')
FROM patrol_sessions
ORDER BY records, kind;
