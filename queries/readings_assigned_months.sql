-- Every activity of an edition, in any of its years, whose printed timing was given months on the
-- calendar (project_items.months): which of them are our reading is decided by views.readings.
SELECT i.plan_year, p.section, p.project, i.text, i.schedule, i.months
FROM project_items AS i
JOIN projects AS p ON p.edition = i.edition AND p.plan_year = i.plan_year AND p.project_no = i.project_no
WHERE i.edition = $edition AND i.schedule IS NOT NULL AND i.months IS NOT NULL
ORDER BY i.plan_year, i.project_no,
         TRY_CAST(split_part(i.item_id, '.', 1) AS INTEGER),
         TRY_CAST(NULLIF(split_part(i.item_id, '.', 2), '') AS INTEGER) NULLS FIRST;
