-- Every figure, table row and printed line of every report edition that contains all the words of $word.
-- Spaces and thousands commas inside the text are ignored, so '원가 심사' finds '원가계산 제비율 심사',
-- '계약 심사' finds '계약심사' and '1602' finds '1,602명'. The latest edition first; within one,
-- figures come first, then table rows, projects, bullets. `year` is the edition's as-of year.
WITH words AS (
    SELECT list_filter(string_split(lower(replace(trim($word), ',', '')), ' '), lambda w: w <> '') AS words
),
years AS (
    SELECT edition, year(as_of) AS year FROM report_meta
),
entries AS (
    SELECT f.edition, 'figure' AS kind, 1 AS kind_rank, y.year AS plan_year, f.project_no, f.section, NULL AS block,
           f.item_id, f.label, NULL AS detail, f.value, f.unit, NULL::BIGINT AS value2,
           f.label || ' ' || CAST(f.value AS VARCHAR) AS haystack
    FROM report_figures AS f JOIN years AS y USING (edition)
    UNION ALL
    SELECT s.edition, 'self_audit', 2, y.year, 1, section, NULL, NULL, audit_type, subject, audits, NULL, NULL,
           audit_type || ' ' || subject || ' ' || status
    FROM self_audits AS s JOIN years AS y USING (edition)
    UNION ALL
    SELECT i.edition, 'investigation', 2, y.year, 3, section, NULL, NULL, origin, outcome, cases, NULL, NULL,
           origin || ' ' || outcome
    FROM investigations AS i JOIN years AS y USING (edition)
    UNION ALL
    SELECT h.edition, 'hr_education', 2, y.year, 2, section, NULL, NULL, programme, audience, sessions, session_unit,
           participants, audience || ' ' || programme
    FROM hr_education AS h JOIN years AS y USING (edition)
    UNION ALL
    SELECT edition, 'team', 2, NULL, NULL, section, NULL, NULL, duty, team, NULL, NULL, NULL,
           team || ' ' || duty
    FROM teams
    UNION ALL
    SELECT edition, 'staffing', 2, NULL, NULL, section, NULL, NULL, grade, staff_group, authorized, NULL, current,
           staff_group || ' ' || grade
    FROM staffing
    UNION ALL
    SELECT edition, 'equipment', 2, NULL, NULL, section, NULL, NULL, name, status, NULL, NULL, NULL,
           kind || ' ' || name || ' ' || status || ' ' || coalesce(note, '')
    FROM equipment
    UNION ALL
    SELECT b.edition, 'budget_programme', 2, y.year, NULL, section, NULL, NULL, programme, NULL, budget, NULL, executed,
           programme
    FROM budget_programmes AS b JOIN years AS y USING (edition)
    UNION ALL
    SELECT c.edition, 'complaint_channel', 2, y.year, 4, section, NULL, NULL, channel, NULL, received, NULL, NULL,
           '고충민원 ' || channel
    FROM complaint_channels AS c JOIN years AS y USING (edition)
    UNION ALL
    SELECT p.edition, 'patrol_result', 2, y.year, 5, section, NULL, NULL, patrol_kind, patrol_group, findings, NULL,
           sessions, patrol_group || ' ' || patrol_kind
    FROM patrol_results AS p JOIN years AS y USING (edition)
    UNION ALL
    SELECT edition, 'project', 3, plan_year, project_no, section, NULL, NULL, project, team, budget_printed, NULL,
           executed_printed, project || ' ' || team || ' ' || purpose
    FROM projects
    UNION ALL
    SELECT i.edition, 'item', 4, i.plan_year, i.project_no, p.section, i.block, i.item_id, i.text, i.schedule, NULL, NULL,
           NULL, i.text || ' ' || coalesce(i.schedule, '')
    FROM project_items AS i
    JOIN projects AS p ON p.edition = i.edition AND p.plan_year = i.plan_year AND p.project_no = i.project_no
)
SELECT e.edition, m.title, m.council_session, year(m.as_of) AS report_year,
       kind, plan_year, project_no, section, block, item_id, label, detail, value, unit, value2
FROM entries AS e
JOIN report_meta AS m USING (edition)
CROSS JOIN words
WHERE len(words.words) > 0
  AND list_bool_and(list_transform(words.words,
                                   lambda w: contains(replace(replace(lower(haystack), ' ', ''), ',', ''), w)))
ORDER BY m.as_of DESC, m.session_start DESC, kind_rank, plan_year NULLS FIRST, project_no NULLS FIRST, section, kind,
         CASE block
             WHEN '추진방향' THEN 1 WHEN '사업개요' THEN 2 WHEN '주요 추진실적' THEN 3
             WHEN '향후계획' THEN 4 WHEN '세부 추진계획' THEN 5 WHEN '추진일정' THEN 6 END NULLS FIRST,
         TRY_CAST(split_part(item_id, '.', 1) AS INTEGER),
         TRY_CAST(NULLIF(split_part(item_id, '.', 2), '') AS INTEGER) NULLS FIRST,
         CASE WHEN kind = 'figure' THEN -value END NULLS LAST,  -- '평가대상 41건' before '개정권고 9건'
         label;
