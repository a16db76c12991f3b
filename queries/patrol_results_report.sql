-- Patrol findings and sessions by kind as printed (Ⅱ-5).
SELECT patrol_group, patrol_kind, findings, sessions,
       CASE WHEN sessions > 0 THEN 1.0 * findings / sessions END AS findings_per_session,
       section
FROM patrol_results
ORDER BY CASE patrol_group WHEN '기획순찰' THEN 1 WHEN '상시순찰' THEN 2 ELSE 3 END, findings;
