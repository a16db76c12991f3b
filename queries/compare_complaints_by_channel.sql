-- Complaints of one kind by intake channel in two periods: a (the one shown) and b (the one set beside it).
SELECT channel AS item,
       count(*) FILTER (WHERE received_date BETWEEN $start_a AND $end_a) AS value_a,
       count(*) FILTER (WHERE received_date BETWEEN $start_b AND $end_b) AS value_b,
       count(*) FILTER (WHERE source = 'sample')                         AS sample_rows,
       count(*)                                                          AS rows
FROM complaints
WHERE complaint_kind = $kind
  AND (received_date BETWEEN $start_a AND $end_a OR received_date BETWEEN $start_b AND $end_b)
GROUP BY channel
ORDER BY value_a DESC, value_b DESC, channel;
