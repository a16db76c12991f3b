-- Every channel the store knows for complaints (the report's, the samples', the imported), with how
-- many complaints came through it: the importer's list of known channel values (every kind) and, for one
-- kind, the values a drill-down may filter to (from the daily counts, complaints_daily, which hold every record).
-- optional: kind (NULL, the default, lists the channels of every kind)
SELECT channel, CAST(sum(received) AS BIGINT) AS complaints
FROM complaints_daily
WHERE $kind IS NULL OR complaint_kind = $kind
GROUP BY channel
ORDER BY complaints DESC, channel;
