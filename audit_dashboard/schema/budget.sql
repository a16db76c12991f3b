-- Budget execution as dated snapshots: what had been spent by a date, line by line.
-- One row per snapshot date × line (a 단위사업 or a project) × funding source. Amounts in 천원,
-- cumulative from 1 January of the snapshot's year. The report's 2025-09-30 figures are stored as
-- source 'report'; the month-ends before it are generated (source 'sample') and end at the report.

CREATE TABLE budget_snapshots (
    snapshot_date  DATE NOT NULL,
    level          VARCHAR NOT NULL CHECK (level IN ('programme', 'project')),
    -- programme_no (budget_programmes) when level = 'programme'; the project_no of the snapshot
    -- year's projects when level = 'project'. One column so that the key below can hold it.
    line_no        INTEGER NOT NULL,
    -- 구비/시비 where the source splits the money; '미구분' where it prints one amount only
    -- (the 단위사업 table of Ⅰ-4 gives no funding split).
    funding_source VARCHAR NOT NULL CHECK (funding_source IN ('구비', '시비', '미구분')),
    budget         BIGINT NOT NULL CHECK (budget >= 0),     -- 예산액
    executed       BIGINT NOT NULL CHECK (executed >= 0),   -- 집행액 (cumulative)
    source         VARCHAR NOT NULL CHECK (source IN ('report', 'sample', 'import')),
    -- Local budgets cannot be overspent: a row above its budget is a data error.
    CHECK (executed <= budget),
    PRIMARY KEY (snapshot_date, level, line_no, funding_source)
);
