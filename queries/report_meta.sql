-- The report's title, session, period and as-of date, one row per key.
SELECT key, value FROM report_meta ORDER BY key;
