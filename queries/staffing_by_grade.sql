-- 정원 and 현원 by staff group and grade (Ⅰ-2 인력); surplus is 현원 − 정원, beside the printed 과부족.
SELECT staff_group, grade, authorized, current,
       current - authorized AS surplus,
       surplus_printed,
       section
FROM staffing
WHERE edition = $edition
ORDER BY CASE staff_group WHEN '일반직' THEN 1 WHEN '관리운영직' THEN 2 ELSE 3 END,
         TRY_CAST(regexp_extract(grade, '(\d+)', 1) AS INTEGER);
