-- Complaint numbers that occur more than once (imports that overlap), with the batches they came in.
SELECT record_key, count(*) AS occurrences,
       string_agg(DISTINCT coalesce(import_batch, source), ', ') AS batches
FROM complaints
GROUP BY record_key
HAVING count(*) > 1
ORDER BY record_key
LIMIT 20;
