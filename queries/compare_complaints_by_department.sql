-- Complaints of one kind by handling department in two periods (a, b). A department left blank in the
-- records comes back as NULL.
SELECT department AS item,
       count(*) FILTER (WHERE received_date BETWEEN $start_a AND $end_a) AS value_a,
       count(*) FILTER (WHERE received_date BETWEEN $start_b AND $end_b) AS value_b,
       count(*) FILTER (WHERE source = 'sample')                         AS sample_rows,
       count(*)                                                          AS rows
FROM complaints
WHERE complaint_kind = $kind
  AND (received_date BETWEEN $start_a AND $end_a OR received_date BETWEEN $start_b AND $end_b)
GROUP BY department
ORDER BY value_a DESC, value_b DESC, department NULLS LAST;
