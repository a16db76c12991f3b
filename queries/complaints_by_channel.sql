-- Complaints of one kind received in a period by intake channel, with each channel's share.
-- optional: channel, department (a drill-down: NULL, the default, keeps every one)
SELECT channel, count(*) AS received, 100.0 * count(*) / sum(count(*)) OVER () AS share,
       count(*) FILTER (WHERE source = 'sample') AS sample_rows
FROM complaints
WHERE complaint_kind = $kind AND received_date BETWEEN $start AND $end
  AND ($channel IS NULL OR channel = $channel) AND ($department IS NULL OR department = $department)
GROUP BY channel
ORDER BY received DESC, channel;
