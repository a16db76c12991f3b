-- Complaints of one kind received in a period by intake channel, with each channel's share
-- (from the daily counts: complaints_daily).
-- optional: channel, department (a drill-down: NULL, the default, keeps every one)
SELECT channel, CAST(sum(received) AS BIGINT) AS received, 100.0 * sum(received) / sum(sum(received)) OVER () AS share,
       CAST(sum(sample_rows) AS BIGINT) AS sample_rows
FROM complaints_daily
WHERE complaint_kind = $kind AND received_date BETWEEN $start AND $end
  AND ($channel IS NULL OR channel = $channel) AND ($department IS NULL OR department = $department)
GROUP BY channel
ORDER BY received DESC, channel;
