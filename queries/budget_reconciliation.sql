-- 단위사업 (Ⅰ-4) against the projects (Ⅱ) of the edition's as-of year they fund: the same money grouped
-- two ways. One row per programme and measure, plus the grand total (기본경비 has no project).
WITH project_totals AS (
    SELECT m.programme_no,
           CAST(sum(p.budget_printed) AS BIGINT)   AS budget,
           CAST(sum(p.executed_printed) AS BIGINT) AS executed,
           string_agg(CAST(p.project_no AS VARCHAR), ', ' ORDER BY p.project_no) AS project_nos
    FROM budget_project_map AS m
    JOIN report_meta AS r ON r.edition = m.edition
    JOIN projects AS p ON p.edition = m.edition AND p.plan_year = year(r.as_of) AND p.project_no = m.project_no
    WHERE m.edition = $edition
    GROUP BY m.programme_no
),
by_programme AS (
    SELECT b.programme_no,
           b.programme AS subject,
           t.project_nos,
           b.budget   AS programme_budget,
           b.executed AS programme_executed,
           -- A programme with no project (기본경비) stands for itself.
           coalesce(t.budget, b.budget)     AS project_budget,
           coalesce(t.executed, b.executed) AS project_executed
    FROM budget_programmes AS b
    LEFT JOIN project_totals AS t USING (programme_no)
    WHERE b.edition = $edition
),
with_total AS (
    SELECT programme_no, subject, project_nos,
           programme_budget, programme_executed, project_budget, project_executed
    FROM by_programme
    UNION ALL
    SELECT 99, '계(기본경비 포함)', NULL,
           CAST(sum(programme_budget) AS BIGINT), CAST(sum(programme_executed) AS BIGINT),
           CAST(sum(project_budget) AS BIGINT), CAST(sum(project_executed) AS BIGINT)
    FROM by_programme
)
SELECT programme_no, subject, project_nos, 'budget' AS measure,
       programme_budget AS expected, project_budget AS actual,
       programme_budget - project_budget AS difference
FROM with_total
UNION ALL
SELECT programme_no, subject, project_nos, 'executed',
       programme_executed, project_executed, programme_executed - project_executed
FROM with_total
ORDER BY programme_no, measure;
