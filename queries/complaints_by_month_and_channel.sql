-- Complaints of one kind received per month of a period, by channel.
SELECT received_year AS year, received_quarter AS quarter, received_month AS month, channel, count(*) AS received,
       count(*) FILTER (WHERE source = 'sample') AS sample_rows
FROM complaints
WHERE complaint_kind = $kind AND received_date BETWEEN $start AND $end
GROUP BY ALL
ORDER BY year, month, channel;
