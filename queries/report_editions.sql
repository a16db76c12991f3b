-- Every report edition with its facts and where it came from, the latest first (by as-of date, then
-- by session): the sidebar's choice, the editions page and the comparisons.
SELECT m.*, coalesce(s.origin, 'shipped') AS origin, s.folder, s.workbook, s.added_at
FROM report_meta AS m
LEFT JOIN edition_sources AS s USING (edition)
ORDER BY m.as_of DESC, m.session_start DESC;
