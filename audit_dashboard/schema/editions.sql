-- Where each report edition came from: the one shipped in git (data/report/) or one the department
-- added from a workbook (data/editions/<edition>/, not in git). Not part of the workbook.
CREATE TABLE edition_sources (
    edition  VARCHAR PRIMARY KEY,
    origin   VARCHAR NOT NULL CHECK (origin IN ('shipped', 'added')),
    folder   VARCHAR NOT NULL,   -- where its files are, relative to the repository
    workbook VARCHAR,            -- the uploaded workbook's file name (added editions)
    added_at VARCHAR             -- 'YYYY-MM-DD HH:MM:SS' (added editions)
);

-- Every figure of every edition in one long list, each under an id that names the same figure in
-- another edition ('figure/complaints_total', 'channel/응답소', 'programme/기본경비/budget'): what
-- two editions share is compared by it (queries/edition_figures_compared.sql).
CREATE VIEW edition_figures AS
SELECT edition, 1 AS topic_order, '예산현황(단위사업)' AS topic, 'programme/' || programme || '/budget' AS figure_id,
       programme || ' 예산액' AS label, '천원' AS unit, budget AS value, section
FROM budget_programmes
UNION ALL
SELECT edition, 1, '예산현황(단위사업)', 'programme/' || programme || '/executed', programme || ' 집행액', '천원', executed, section
FROM budget_programmes
UNION ALL
SELECT edition, 1, '예산현황(단위사업)', 'programme/' || programme || '/rate', programme || ' 집행률', '%',
       execution_rate_printed, section
FROM budget_programmes
UNION ALL
SELECT edition, 0, CASE table_name WHEN 'budget_programmes' THEN '예산현황(단위사업)' WHEN 'staffing' THEN '인력'
                                   ELSE '주민합동순찰' END,
       'total/' || table_name || '/' || measure,
       CASE table_name WHEN 'budget_programmes' THEN '예산 계' WHEN 'staffing' THEN '인력 계' ELSE '주민합동순찰 계' END || ' '
       || CASE measure WHEN 'budget' THEN '예산액' WHEN 'executed' THEN '집행액' WHEN 'execution_rate_printed' THEN '집행률'
                       WHEN 'authorized' THEN '정원' WHEN 'current' THEN '현원' WHEN 'surplus_printed' THEN '과부족'
                       WHEN 'findings' THEN '적출' ELSE '순찰' END,
       CASE WHEN measure IN ('budget', 'executed') THEN '천원' WHEN measure = 'execution_rate_printed' THEN '%'
            WHEN measure IN ('authorized', 'current', 'surplus_printed') THEN '명'
            WHEN measure = 'findings' THEN '건' ELSE '회' END,
       value, section
FROM table_totals
UNION ALL
-- A year's project budget: 예산액 in the report of that year, 소요예산 (a plan) in the report before it.
SELECT edition, 2, '사업별 예산(계획은 소요예산)', 'project/' || plan_year || '/' || project_no || '/budget',
       plan_year || '년 ' || project_no || '. ' || project || ' 예산', '천원', budget_printed, section
FROM projects
UNION ALL
SELECT edition, 2, '사업별 예산(계획은 소요예산)', 'project/' || plan_year || '/' || project_no || '/executed',
       plan_year || '년 ' || project_no || '. ' || project || ' 집행액', '천원', executed_printed, section
FROM projects WHERE executed_printed IS NOT NULL
UNION ALL
SELECT edition, 3, '고충민원', 'channel/' || channel, '고충민원 접수: ' || channel, '건', received, section
FROM complaint_channels
UNION ALL
SELECT edition, 4, '순찰', 'patrol/' || patrol_kind || '/findings', patrol_kind || ' 적출', '건', findings, section
FROM patrol_results
UNION ALL
SELECT edition, 4, '순찰', 'patrol/' || patrol_kind || '/sessions', patrol_kind || ' 순찰', '회', sessions, section
FROM patrol_results WHERE sessions IS NOT NULL
UNION ALL
SELECT edition, 5, '자체감사', 'self_audits/' || audit_type, '자체감사: ' || audit_type, '건', CAST(sum(audits) AS BIGINT),
       any_value(section)
FROM self_audits GROUP BY edition, audit_type
UNION ALL
SELECT edition, 6, '공직비위 조사', 'investigation/' || origin || '/' || outcome, origin || ' ' || outcome, '건', cases, section
FROM investigations
UNION ALL
SELECT edition, 7, '인권교육', 'hr_education/' || audience || '/participants', audience || ' 대상 ' || programme || ' 참여',
       '명', participants, section
FROM hr_education
UNION ALL
SELECT edition, 8, '인력', 'staffing/' || staff_group || '/' || grade || '/current', staff_group || ' ' || grade || ' 현원',
       '명', current, section
FROM staffing WHERE authorized > 0 OR current > 0
UNION ALL
SELECT f.edition, 9, '보고서 수치', 'figure/' || f.figure_key, f.label, f.unit, f.value, f.section
FROM report_figures AS f;
