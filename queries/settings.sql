-- The department's settings (data/settings.csv).
SELECT key, value, note FROM settings ORDER BY key;
