-- The patrol kinds the dashboard knows (the report's, and any in the records) with their group:
-- the importer's list of patrol kind values.
SELECT patrol_kind, any_value(patrol_group) AS patrol_group
FROM (
    SELECT patrol_kind, patrol_group FROM patrol_results
    UNION ALL
    SELECT DISTINCT patrol_kind, patrol_group FROM patrol_sessions
)
GROUP BY patrol_kind
ORDER BY min(CASE patrol_group WHEN '기획순찰' THEN 1 WHEN '상시순찰' THEN 2 ELSE 3 END), patrol_kind;
