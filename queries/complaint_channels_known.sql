-- Every channel the store knows for complaints (the report's, the samples', the imported), with how
-- many complaints came through it: the importer's list of known channel values.
SELECT channel, count(*) AS complaints
FROM complaints
GROUP BY channel
ORDER BY complaints DESC, channel;
