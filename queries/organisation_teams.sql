-- The department's teams and their duties as printed (Ⅰ-1 조직).
SELECT team_no, team, duty_no, duty, section
FROM teams
WHERE edition = $edition
ORDER BY team_no, duty_no;
