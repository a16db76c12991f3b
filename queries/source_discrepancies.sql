-- Differences an edition's source itself carries, as it declares them (source_discrepancies).
SELECT check_key, subject, measure, expected, actual, expected - actual AS difference, note
FROM source_discrepancies
WHERE edition = $edition AND check_key = $check_key
ORDER BY subject, measure;
