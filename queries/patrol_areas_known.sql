-- Every 동 the patrol records name, most sessions first: the values a drill-down may filter to.
SELECT area, count(*) AS sessions
FROM patrol_sessions
WHERE area IS NOT NULL
GROUP BY area
ORDER BY sessions DESC, area;
