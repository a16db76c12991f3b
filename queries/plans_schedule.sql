-- Every activity of an edition's plans for the next year that prints a timing (Ⅲ, Ⅳ), with the months
-- it covers (';'-separated; NULL when the timing names no month, e.g. '연 1회 이상').
SELECT i.project_no, p.project, p.section, p.is_priority, i.block, i.item_id, i.text, i.schedule, i.months
FROM project_items AS i
JOIN report_meta AS m ON m.edition = i.edition
JOIN projects AS p ON p.edition = i.edition AND p.plan_year = i.plan_year AND p.project_no = i.project_no
WHERE i.edition = $edition AND i.plan_year = year(m.as_of) + 1 AND i.schedule IS NOT NULL
ORDER BY i.project_no,
         CASE i.block WHEN '추진일정' THEN 2 ELSE 1 END,
         TRY_CAST(split_part(i.item_id, '.', 1) AS INTEGER),
         TRY_CAST(NULLIF(split_part(i.item_id, '.', 2), '') AS INTEGER) NULLS FIRST;
