-- 공직비위 조사 cases by where they came from and how they ended (Ⅱ-3), in the report's order.
SELECT origin, outcome, cases, section
FROM investigations
WHERE edition = $edition
ORDER BY CASE WHEN origin LIKE '외부%' THEN 1 ELSE 2 END,
         CASE outcome WHEN '징계' THEN 1 WHEN '훈계 등' THEN 2 WHEN '종결' THEN 3 ELSE 4 END;
