-- The joint-patrol table (주민합동) as the report prints it: the 계 column, then each kind.
SELECT 0 AS position, '계' AS patrol_kind, f.value AS findings, s.value AS sessions, f.section
FROM table_totals AS f
JOIN table_totals AS s ON s.edition = f.edition AND s.table_name = f.table_name AND s.measure = 'sessions'
WHERE f.edition = $edition AND f.table_name = 'joint_patrols' AND f.measure = 'findings'
UNION ALL
SELECT CASE patrol_kind WHEN '야간합동순찰' THEN 1 WHEN '동네한바퀴' THEN 2 ELSE 3 END,
       patrol_kind, findings, sessions, section
FROM patrol_results
WHERE edition = $edition AND patrol_group = '주민합동순찰'
ORDER BY position;
