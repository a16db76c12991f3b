-- Record-level tables: one row per complaint, one row per patrol session.
-- Built for Seoul scale (tens of millions of rows on 2 cores): rows are stored in receipt
-- order so date filters skip whole row groups, the period columns are stored rather than
-- computed per query, and repeated strings are left to DuckDB's dictionary compression.
-- No primary-key index: a uniqueness index on 20M rows costs more than it guards; the
-- loader checks `record_key` uniqueness per source instead.

CREATE TABLE complaints (
    record_key      VARCHAR NOT NULL,        -- unique within its source: 'S-2025-000123', or the import's own number
    received_date   DATE NOT NULL,
    received_year   SMALLINT NOT NULL,
    received_quarter TINYINT NOT NULL CHECK (received_quarter BETWEEN 1 AND 4),
    received_month  TINYINT NOT NULL CHECK (received_month BETWEEN 1 AND 12),
    complaint_kind  VARCHAR NOT NULL CHECK (complaint_kind IN ('고충민원', '응답소 현장민원')),
    channel         VARCHAR NOT NULL,        -- 응답소, 구청장에게 바란다, 전화·방문, or what an import brings
    category        VARCHAR,
    department      VARCHAR,                 -- handling department (처리부서)
    status          VARCHAR NOT NULL CHECK (status IN ('처리완료', '처리중')),
    due_date        DATE,
    closed_date     DATE,
    processing_days INTEGER CHECK (processing_days >= 0),
    repeat_key      VARCHAR,                 -- ties complaints about the same matter by the same person
    source          VARCHAR NOT NULL CHECK (source IN ('sample', 'import')),
    import_batch    VARCHAR                  -- the file an imported row came from
);

CREATE TABLE patrol_sessions (
    record_key        VARCHAR NOT NULL,
    patrol_date       DATE NOT NULL,
    patrol_year       SMALLINT NOT NULL,
    patrol_quarter    TINYINT NOT NULL CHECK (patrol_quarter BETWEEN 1 AND 4),
    patrol_month      TINYINT NOT NULL CHECK (patrol_month BETWEEN 1 AND 12),
    patrol_group      VARCHAR NOT NULL,      -- 기획순찰, 상시순찰, 주민합동순찰
    patrol_kind       VARCHAR NOT NULL,      -- 기획순찰, 상시순찰, 야간합동순찰, 동네한바퀴, 동장·지구대장 순찰
    area              VARCHAR NOT NULL,      -- 동
    findings          INTEGER NOT NULL CHECK (findings >= 0),
    findings_resolved INTEGER CHECK (findings_resolved >= 0),  -- NULL: the record does not say (follow-up unknown)
    follow_up_status  VARCHAR NOT NULL CHECK (follow_up_status IN ('조치완료', '조치중', '해당없음', '미상')),
    source            VARCHAR NOT NULL CHECK (source IN ('sample', 'import')),
    import_batch      VARCHAR
);

-- Derived, never imported: complaints counted per day of receipt, kind, channel and department, filled
-- from `complaints` on every build (audit_dashboard/summaries/complaints_daily.sql). Counts by month or
-- channel read it: tens of thousands of rows for ten years of Seoul instead of twenty million, and still
-- exact for any range of days (a quarter, a month, a record span ending mid-month).
CREATE TABLE complaints_daily (
    complaint_kind   VARCHAR NOT NULL,
    received_date    DATE NOT NULL,
    received_year    SMALLINT NOT NULL,
    received_quarter TINYINT NOT NULL,
    received_month   TINYINT NOT NULL,
    channel          VARCHAR NOT NULL,
    department       VARCHAR,
    received         BIGINT NOT NULL,        -- complaints received that day with these values
    sample_rows      BIGINT NOT NULL         -- of which generated samples
);

-- Derived, never imported: complaints counted per month of receipt, kind, channel, department and number
-- of days taken (audit_dashboard/summaries/complaints_timing.sql, on every build). How fast complaints were
-- closed — the share within the processing period, the median and 90th percentile — is read from these
-- counts for the whole months of a range (ten years of Seoul: about 1.4 million rows instead of twenty
-- million); the days of a range that do not make a whole month are counted from the records themselves.
CREATE TABLE complaints_timing (
    complaint_kind   VARCHAR NOT NULL,
    month_start      DATE NOT NULL,          -- the first day of the month of receipt
    channel          VARCHAR NOT NULL,
    department       VARCHAR,
    processing_days  INTEGER,                -- NULL: not closed, or closed with no date
    received         BIGINT NOT NULL,
    sample_rows      BIGINT NOT NULL
);

-- The complaints of one kind received from first_day to last_day, counted per month of receipt, department and
-- number of days taken: the period's whole months from complaints_timing, any days either side from the
-- records. What complaints_summary, complaints_by_department and complaints_closed_in_time_by_month read.
-- A NULL channel or department keeps every one (a drill-down names one).
CREATE MACRO complaints_timed(wanted_kind, first_day, last_day, wanted_channel, wanted_department) AS TABLE
WITH months AS (  -- the first and last whole month inside the period
    SELECT CAST(CASE WHEN day(CAST(first_day AS DATE)) = 1 THEN CAST(first_day AS DATE)
                     ELSE date_trunc('month', CAST(first_day AS DATE)) + INTERVAL 1 MONTH END AS DATE)   AS first_month,
           CAST(CASE WHEN CAST(last_day AS DATE) = last_day(CAST(last_day AS DATE)) THEN date_trunc('month', CAST(last_day AS DATE))
                     ELSE date_trunc('month', CAST(last_day AS DATE)) - INTERVAL 1 MONTH END AS DATE)     AS last_month
)
SELECT t.month_start, t.department, t.processing_days, t.received, t.sample_rows
FROM complaints_timing AS t, months AS m
WHERE t.complaint_kind = wanted_kind AND t.month_start BETWEEN m.first_month AND m.last_month
  AND (wanted_channel IS NULL OR t.channel = wanted_channel)
  AND (wanted_department IS NULL OR t.department = wanted_department)
UNION ALL
SELECT CAST(date_trunc('month', c.received_date) AS DATE), c.department, c.processing_days, 1, CAST(c.source = 'sample' AS BIGINT)
FROM complaints AS c, months AS m
WHERE c.complaint_kind = wanted_kind AND c.received_date BETWEEN first_day AND last_day
  AND (c.received_date < m.first_month OR c.received_date > last_day(m.last_month))
  AND (wanted_channel IS NULL OR c.channel = wanted_channel)
  AND (wanted_department IS NULL OR c.department = wanted_department);
