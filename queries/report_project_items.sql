-- Every printed bullet of one project, block by block in the report's order, sub-bullets under their parent.
SELECT block, item_id, parent_id, text, schedule, months
FROM project_items
WHERE edition = $edition AND plan_year = $plan_year AND project_no = $project_no
ORDER BY CASE block
             WHEN '추진방향' THEN 1 WHEN '사업개요' THEN 2 WHEN '주요 추진실적' THEN 3
             WHEN '향후계획' THEN 4 WHEN '세부 추진계획' THEN 5 WHEN '추진일정' THEN 6 END,
         TRY_CAST(split_part(item_id, '.', 1) AS INTEGER),
         TRY_CAST(NULLIF(split_part(item_id, '.', 2), '') AS INTEGER) NULLS FIRST;
