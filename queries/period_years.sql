-- The years the period filter offers: every year with records, and the report's year.
SELECT DISTINCT year FROM (
    SELECT received_year AS year FROM complaints
    UNION ALL
    SELECT patrol_year FROM patrol_sessions
    UNION ALL
    SELECT year(CAST(value AS DATE)) FROM report_meta WHERE key = 'period_end'
)
ORDER BY year;
