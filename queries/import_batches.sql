-- Imported complaint batches in the store: how many rows each brought and the dates they cover.
SELECT import_batch AS batch, complaint_kind, count(*) AS rows,
       min(received_date) AS first_date, max(received_date) AS last_date,
       count(DISTINCT channel) AS channels
FROM complaints
WHERE source = 'import'
GROUP BY ALL
ORDER BY batch;
