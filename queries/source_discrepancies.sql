-- Differences the report itself carries, as declared in data/report/source_discrepancies.csv.
SELECT check_key, subject, measure, expected, actual, expected - actual AS difference, note
FROM source_discrepancies
WHERE check_key = $check_key
ORDER BY subject, measure;
