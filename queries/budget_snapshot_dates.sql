-- Every execution snapshot date and what it is (report, sample or import), for saying what exists.
SELECT snapshot_date, string_agg(DISTINCT source, '+' ORDER BY source) AS source,
       any_value(edition) FILTER (WHERE source = 'report') AS edition
FROM budget_in_force
GROUP BY snapshot_date
ORDER BY snapshot_date;
