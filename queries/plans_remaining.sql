-- The plans of an edition's as-of year still to do after its as-of date (향후계획 of Ⅱ), with their
-- printed timing and months.
SELECT i.project_no, p.project, p.team, p.section, i.item_id, i.parent_id, i.text, i.schedule, i.months
FROM project_items AS i
JOIN report_meta AS m ON m.edition = i.edition
JOIN projects AS p ON p.edition = i.edition AND p.plan_year = i.plan_year AND p.project_no = i.project_no
WHERE i.edition = $edition AND i.plan_year = year(m.as_of) AND i.block = '향후계획'
ORDER BY i.project_no,
         TRY_CAST(split_part(i.item_id, '.', 1) AS INTEGER),
         TRY_CAST(NULLIF(split_part(i.item_id, '.', 2), '') AS INTEGER) NULLS FIRST;
