-- The 2025 plans still to do after 2025. 9. 30. (향후계획 of Ⅱ), with their printed timing and months.
SELECT i.project_no, p.project, p.team, p.section, i.item_id, i.parent_id, i.text, i.schedule, i.months
FROM project_items AS i
JOIN projects AS p ON p.plan_year = i.plan_year AND p.project_no = i.project_no
WHERE i.plan_year = 2025 AND i.block = '향후계획'
ORDER BY i.project_no,
         TRY_CAST(split_part(i.item_id, '.', 1) AS INTEGER),
         TRY_CAST(NULLIF(split_part(i.item_id, '.', 2), '') AS INTEGER) NULLS FIRST;
