-- 인권교육 by audience (Ⅱ-2): sessions (with their printed unit) and participants.
SELECT audience, programme AS education_programme, sessions AS education_sessions, session_unit, participants, section
FROM hr_education
WHERE edition = $edition
ORDER BY CASE audience WHEN '직원' THEN 1 WHEN '주민' THEN 2 WHEN '기관·시설' THEN 3 ELSE 4 END;
