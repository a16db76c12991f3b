-- The 2025 report to the council, one table per concept.
-- Each table is filled from data/report/<table>.csv; every row names its place in the report.
-- Amounts are in 천원. Printed rates (집행률) are whole percent as printed.

CREATE TABLE report_meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

CREATE TABLE teams (
    team_no INTEGER NOT NULL,
    team    VARCHAR NOT NULL,
    duty_no INTEGER NOT NULL,
    duty    VARCHAR NOT NULL,
    section VARCHAR NOT NULL,
    PRIMARY KEY (team_no, duty_no)
);

CREATE TABLE staffing (
    staff_group     VARCHAR NOT NULL,
    grade           VARCHAR NOT NULL,
    authorized      INTEGER NOT NULL CHECK (authorized >= 0),   -- 정원
    current         INTEGER NOT NULL CHECK (current >= 0),      -- 현원
    surplus_printed INTEGER NOT NULL,                           -- 과부족 as printed
    section         VARCHAR NOT NULL,
    PRIMARY KEY (staff_group, grade)
);

CREATE TABLE equipment (
    kind    VARCHAR NOT NULL,
    name    VARCHAR NOT NULL,
    status  VARCHAR NOT NULL,
    note    VARCHAR,
    section VARCHAR NOT NULL
);

CREATE TABLE budget_programmes (
    programme_no           INTEGER PRIMARY KEY,
    programme              VARCHAR NOT NULL,   -- 단위사업
    budget                 BIGINT NOT NULL CHECK (budget >= 0),
    executed               BIGINT NOT NULL CHECK (executed >= 0),
    execution_rate_printed INTEGER NOT NULL,
    section                VARCHAR NOT NULL
);

-- The printed 계 rows that the parts of a table are checked against.
CREATE TABLE table_totals (
    table_name VARCHAR NOT NULL,
    measure    VARCHAR NOT NULL,
    value      BIGINT NOT NULL,
    section    VARCHAR NOT NULL,
    PRIMARY KEY (table_name, measure)
);

-- 2025 projects (Ⅱ) and 2026 plans (Ⅲ, Ⅳ).
CREATE TABLE projects (
    plan_year              INTEGER NOT NULL,
    project_no             INTEGER NOT NULL,
    project                VARCHAR NOT NULL,
    team                   VARCHAR NOT NULL,
    section                VARCHAR NOT NULL,
    purpose                VARCHAR NOT NULL,
    budget_printed         BIGINT NOT NULL,    -- 2025: 예산액; 2026: 소요예산 (a plan)
    executed_printed       BIGINT,
    execution_rate_printed INTEGER,
    follows_project_no     INTEGER,            -- the 2025 project a 2026 plan continues
    is_priority            BOOLEAN NOT NULL,   -- Ⅳ 신규·중점
    page                   INTEGER NOT NULL,
    PRIMARY KEY (plan_year, project_no)
);

CREATE TABLE project_budgets (
    plan_year      INTEGER NOT NULL,
    project_no     INTEGER NOT NULL,
    funding_source VARCHAR NOT NULL CHECK (funding_source IN ('구비', '시비')),
    budget         BIGINT NOT NULL CHECK (budget >= 0),
    executed       BIGINT CHECK (executed >= 0),
    section        VARCHAR NOT NULL,
    PRIMARY KEY (plan_year, project_no, funding_source)
);

-- Which 2025 project each 단위사업 mainly funds (not printed; see the basis column).
CREATE TABLE budget_project_map (
    programme_no INTEGER NOT NULL,
    project_no   INTEGER NOT NULL,
    basis        VARCHAR NOT NULL,
    PRIMARY KEY (project_no)
);

-- Every bullet of every project, as printed.
CREATE TABLE project_items (
    plan_year  INTEGER NOT NULL,
    project_no INTEGER NOT NULL,
    block      VARCHAR NOT NULL CHECK (block IN ('사업개요', '추진방향', '주요 추진실적', '향후계획', '세부 추진계획', '추진일정')),
    item_id    VARCHAR NOT NULL,
    parent_id  VARCHAR,
    text       VARCHAR NOT NULL,
    schedule   VARCHAR,          -- the schedule as printed: '10월', '상시', '5~11월'
    months     VARCHAR,          -- the months it covers, ';'-separated
    PRIMARY KEY (plan_year, project_no, block, item_id)
);

-- Printed figures that are not part of a breakdown table below.
CREATE TABLE report_figures (
    figure_key VARCHAR PRIMARY KEY,
    project_no INTEGER NOT NULL,
    item_id    VARCHAR NOT NULL,
    label      VARCHAR NOT NULL,
    value      BIGINT NOT NULL,
    unit       VARCHAR NOT NULL,
    section    VARCHAR NOT NULL
);

CREATE TABLE complaint_channels (
    channel  VARCHAR PRIMARY KEY,
    received INTEGER NOT NULL CHECK (received >= 0),
    section  VARCHAR NOT NULL
);

CREATE TABLE patrol_results (
    patrol_group VARCHAR NOT NULL,
    patrol_kind  VARCHAR PRIMARY KEY,
    findings     INTEGER NOT NULL CHECK (findings >= 0),
    sessions     INTEGER CHECK (sessions >= 0),   -- 상시순찰 prints no sessions
    section      VARCHAR NOT NULL
);

CREATE TABLE investigations (
    origin  VARCHAR NOT NULL,
    outcome VARCHAR NOT NULL CHECK (outcome IN ('징계', '훈계 등', '종결', '진행')),
    cases   INTEGER NOT NULL CHECK (cases >= 0),
    section VARCHAR NOT NULL,
    PRIMARY KEY (origin, outcome)
);

CREATE TABLE hr_education (
    audience     VARCHAR PRIMARY KEY,
    programme    VARCHAR NOT NULL,
    sessions     INTEGER NOT NULL,
    session_unit VARCHAR NOT NULL,
    participants INTEGER NOT NULL,
    section      VARCHAR NOT NULL
);

CREATE TABLE self_audits (
    audit_type  VARCHAR NOT NULL,
    subject     VARCHAR NOT NULL,
    audits      INTEGER NOT NULL CHECK (audits > 0),
    count_basis VARCHAR NOT NULL,
    status      VARCHAR NOT NULL,
    section     VARCHAR NOT NULL,
    PRIMARY KEY (audit_type, subject)
);

-- Differences the source itself carries, declared so that no other difference slips in.
CREATE TABLE source_discrepancies (
    check_key VARCHAR NOT NULL,
    subject   VARCHAR NOT NULL,
    measure   VARCHAR NOT NULL,
    expected  BIGINT NOT NULL,
    actual    BIGINT NOT NULL,
    note      VARCHAR NOT NULL,
    PRIMARY KEY (check_key, subject, measure)
);
