-- Budget execution as dated snapshots: what had been spent by a date, line by line.
-- One row per snapshot date × line (a 단위사업 or a project) × funding source × source. Amounts in
-- 천원, cumulative from 1 January of the snapshot's year. Each report edition's figures at its as-of
-- date are stored as source 'report' (where two editions share an as-of date, the later one's, and
-- the build checks that both agree); the month-ends before the shipped edition's as-of date are
-- generated (source 'sample') and end at its figures; imported execution files come as source
-- 'import' and retire the samples of their year.

CREATE TABLE budget_snapshots (
    snapshot_date  DATE NOT NULL,
    level          VARCHAR NOT NULL CHECK (level IN ('programme', 'project')),
    -- The line's number in budget_lines for the snapshot's year and level.
    line_no        INTEGER NOT NULL,
    -- 구비/시비 where the source splits the money; '미구분' where it gives one amount only
    -- (the 단위사업 table of Ⅰ-4, and imported execution files).
    funding_source VARCHAR NOT NULL CHECK (funding_source IN ('구비', '시비', '미구분')),
    budget         BIGINT NOT NULL CHECK (budget >= 0),     -- 예산액 (예산현액 for imports)
    executed       BIGINT NOT NULL CHECK (executed >= 0),   -- 집행액 (cumulative)
    source         VARCHAR NOT NULL CHECK (source IN ('report', 'sample', 'import')),
    -- The report edition whose figures these are ('report'), or which the samples were made for.
    edition        VARCHAR,
    -- Local budgets cannot be overspent: a row above its budget is a data error.
    CHECK (executed <= budget),
    PRIMARY KEY (snapshot_date, level, line_no, funding_source, source)
);

-- The lines of each year: the reports' 단위사업 and projects (a line's name from the latest edition
-- that has it), and names first brought by imports (a year without a report takes its 단위사업 from
-- its first budget file).
CREATE TABLE budget_lines (
    year    SMALLINT NOT NULL,
    level   VARCHAR NOT NULL CHECK (level IN ('programme', 'project')),
    line_no INTEGER NOT NULL,
    name    VARCHAR NOT NULL,
    source  VARCHAR NOT NULL CHECK (source IN ('report', 'import')),
    edition VARCHAR,   -- the edition the name comes from ('report')
    PRIMARY KEY (year, level, line_no)
);

-- Imported execution by 세부사업 as the files gave it, in 원: what the lines above add up.
CREATE TABLE budget_details (
    record_key     VARCHAR NOT NULL,
    snapshot_date  DATE NOT NULL,
    department     VARCHAR,
    detail_project VARCHAR NOT NULL,   -- 세부사업명
    account        VARCHAR,            -- 회계
    programme      VARCHAR NOT NULL,   -- the 단위사업 the manager placed it in
    project        VARCHAR,
    budget_won     DOUBLE NOT NULL,
    executed_won   DOUBLE NOT NULL,
    shape          VARCHAR NOT NULL,   -- 집행 현황, or 지출 원장 (month-ends made from payments)
    source         VARCHAR NOT NULL CHECK (source = 'import'),
    import_batch   VARCHAR NOT NULL
);

-- The snapshots the pages use: at a date with imported execution, the imported figures (records);
-- otherwise the report's and the generated ones. The report's own figures stay in budget_snapshots
-- for the comparison with the report.
CREATE VIEW budget_in_force AS
SELECT s.*
FROM budget_snapshots AS s
WHERE s.source = 'import'
   OR NOT EXISTS (SELECT 1 FROM budget_snapshots AS i
                  WHERE i.source = 'import' AND i.snapshot_date = s.snapshot_date);
