-- The department's reports to the council, one table per concept. Each report is an edition: the
-- shipped one is data/report/<table>.csv (in git), those the department adds are
-- data/editions/<edition>/<table>.csv (added through a workbook, see audit_dashboard/editions/).
--
-- Every table's first column is `edition`, the report it belongs to (its council session's first
-- day, '2025-10-17'); the files and the workbook's sheets do not carry it, the build adds it.
-- A table whose only key is `edition` holds one row per report (report_meta).
--
-- Amounts are in 천원. Printed rates (집행률) are whole percent as printed. Every row names its
-- place in the report (`section`).
--
-- The workbook template is generated from this file (audit_dashboard/editions/spec.py): a table's
-- COMMENT is its sheet's name, a column's COMMENT its Korean header (with the unit), and a CHECK
-- (x IN (...)) a list to choose from. A column without a comment fails the tests.

CREATE TABLE report_meta (
    edition         VARCHAR PRIMARY KEY,
    title           VARCHAR NOT NULL,   -- e.g. '…년 주요업무 보고'
    council_session VARCHAR NOT NULL,   -- e.g. '제…회 구의회 임시회'
    session_start   DATE NOT NULL,      -- the session's first day: the edition's id
    session_end     DATE NOT NULL,
    period_start    DATE NOT NULL,      -- what the report's 실적 cover
    period_end      DATE NOT NULL,
    as_of           DATE NOT NULL,      -- states (budget, staffing) stand at this date
    district        VARCHAR NOT NULL,   -- as the report's cover names them
    department      VARCHAR NOT NULL,
    source_file     VARCHAR             -- the document it was transcribed from
);
COMMENT ON TABLE report_meta IS '보고서 정보';
COMMENT ON COLUMN report_meta.title IS '보고서 제목';
COMMENT ON COLUMN report_meta.council_session IS '회기';
COMMENT ON COLUMN report_meta.session_start IS '회기 시작일';
COMMENT ON COLUMN report_meta.session_end IS '회기 종료일';
COMMENT ON COLUMN report_meta.period_start IS '실적 기간 시작일';
COMMENT ON COLUMN report_meta.period_end IS '실적 기간 종료일';
COMMENT ON COLUMN report_meta.as_of IS '기준일(예산·인력)';
COMMENT ON COLUMN report_meta.district IS '자치구';
COMMENT ON COLUMN report_meta.department IS '부서';
COMMENT ON COLUMN report_meta.source_file IS '원문 파일';

CREATE TABLE teams (
    edition VARCHAR NOT NULL,
    team_no INTEGER NOT NULL,
    team    VARCHAR NOT NULL,
    duty_no INTEGER NOT NULL,
    duty    VARCHAR NOT NULL,
    section VARCHAR NOT NULL,
    PRIMARY KEY (edition, team_no, duty_no)
);
COMMENT ON TABLE teams IS '조직';
COMMENT ON COLUMN teams.team_no IS '팀 순번';
COMMENT ON COLUMN teams.team IS '팀';
COMMENT ON COLUMN teams.duty_no IS '업무 순번';
COMMENT ON COLUMN teams.duty IS '업무';
COMMENT ON COLUMN teams.section IS '보고서 위치';

CREATE TABLE staffing (
    edition         VARCHAR NOT NULL,
    staff_group     VARCHAR NOT NULL,
    grade           VARCHAR NOT NULL,
    authorized      INTEGER NOT NULL CHECK (authorized >= 0),   -- 정원
    current         INTEGER NOT NULL CHECK (current >= 0),      -- 현원
    surplus_printed INTEGER NOT NULL,                           -- 과부족 as printed
    section         VARCHAR NOT NULL,
    PRIMARY KEY (edition, staff_group, grade)
);
COMMENT ON TABLE staffing IS '인력';
COMMENT ON COLUMN staffing.staff_group IS '직렬 구분';
COMMENT ON COLUMN staffing.grade IS '직급';
COMMENT ON COLUMN staffing.authorized IS '정원(명)';
COMMENT ON COLUMN staffing.current IS '현원(명)';
COMMENT ON COLUMN staffing.surplus_printed IS '과부족(명, 현원 − 정원)';
COMMENT ON COLUMN staffing.section IS '보고서 위치';

CREATE TABLE equipment (
    edition VARCHAR NOT NULL,
    kind    VARCHAR NOT NULL,
    name    VARCHAR NOT NULL,
    status  VARCHAR NOT NULL,
    note    VARCHAR,
    section VARCHAR NOT NULL
);
COMMENT ON TABLE equipment IS '시설·장비';
COMMENT ON COLUMN equipment.kind IS '구분';
COMMENT ON COLUMN equipment.name IS '명칭';
COMMENT ON COLUMN equipment.status IS '현황';
COMMENT ON COLUMN equipment.note IS '비고';
COMMENT ON COLUMN equipment.section IS '보고서 위치';

CREATE TABLE budget_programmes (
    edition                VARCHAR NOT NULL,
    programme_no           INTEGER NOT NULL,
    programme              VARCHAR NOT NULL,   -- 단위사업
    budget                 BIGINT NOT NULL CHECK (budget >= 0),
    executed               BIGINT NOT NULL CHECK (executed >= 0),
    execution_rate_printed INTEGER NOT NULL,
    section                VARCHAR NOT NULL,
    PRIMARY KEY (edition, programme_no)
);
COMMENT ON TABLE budget_programmes IS '예산현황';
COMMENT ON COLUMN budget_programmes.programme_no IS '단위사업 순번';
COMMENT ON COLUMN budget_programmes.programme IS '단위사업명';
COMMENT ON COLUMN budget_programmes.budget IS '예산액(천원)';
COMMENT ON COLUMN budget_programmes.executed IS '집행액(천원)';
COMMENT ON COLUMN budget_programmes.execution_rate_printed IS '집행률(%, 보고서 표기)';
COMMENT ON COLUMN budget_programmes.section IS '보고서 위치';

-- The printed 계 rows that the parts of a table are checked against.
CREATE TABLE table_totals (
    edition    VARCHAR NOT NULL,
    table_name VARCHAR NOT NULL CHECK (table_name IN ('budget_programmes', 'staffing', 'joint_patrols')),
    measure    VARCHAR NOT NULL CHECK (measure IN ('budget', 'executed', 'execution_rate_printed', 'authorized',
                                                   'current', 'surplus_printed', 'findings', 'sessions')),
    value      BIGINT NOT NULL,
    section    VARCHAR NOT NULL,
    PRIMARY KEY (edition, table_name, measure)
);
COMMENT ON TABLE table_totals IS '표의 계';
COMMENT ON COLUMN table_totals.table_name IS '표';
COMMENT ON COLUMN table_totals.measure IS '항목';
COMMENT ON COLUMN table_totals.value IS '계(천원·명·건·회·%)';
COMMENT ON COLUMN table_totals.section IS '보고서 위치';

-- The year's projects (Ⅱ, plan_year = the as-of year) and the next year's plans (Ⅲ, Ⅳ).
CREATE TABLE projects (
    edition                VARCHAR NOT NULL,
    plan_year              INTEGER NOT NULL,
    project_no             INTEGER NOT NULL,
    project                VARCHAR NOT NULL,
    team                   VARCHAR NOT NULL,
    section                VARCHAR NOT NULL,
    purpose                VARCHAR NOT NULL,
    budget_printed         BIGINT NOT NULL,    -- the as-of year: 예산액; a later year: 소요예산 (a plan)
    executed_printed       BIGINT,
    execution_rate_printed INTEGER,
    follows_project_no     INTEGER,            -- the project of the as-of year a plan continues
    is_priority            BOOLEAN NOT NULL,   -- Ⅳ 신규·중점
    page                   INTEGER NOT NULL,
    PRIMARY KEY (edition, plan_year, project_no)
);
COMMENT ON TABLE projects IS '사업';
COMMENT ON COLUMN projects.plan_year IS '연도';
COMMENT ON COLUMN projects.project_no IS '사업 순번';
COMMENT ON COLUMN projects.project IS '사업명';
COMMENT ON COLUMN projects.team IS '담당 팀';
COMMENT ON COLUMN projects.section IS '보고서 위치';
COMMENT ON COLUMN projects.purpose IS '추진 목적';
COMMENT ON COLUMN projects.budget_printed IS '예산액·소요예산(천원)';
COMMENT ON COLUMN projects.executed_printed IS '집행액(천원)';
COMMENT ON COLUMN projects.execution_rate_printed IS '집행률(%, 보고서 표기)';
COMMENT ON COLUMN projects.follows_project_no IS '이어받는 사업 순번';
COMMENT ON COLUMN projects.is_priority IS '신규·중점 여부';
COMMENT ON COLUMN projects.page IS '보고서 쪽';

CREATE TABLE project_budgets (
    edition        VARCHAR NOT NULL,
    plan_year      INTEGER NOT NULL,
    project_no     INTEGER NOT NULL,
    funding_source VARCHAR NOT NULL CHECK (funding_source IN ('구비', '시비')),
    budget         BIGINT NOT NULL CHECK (budget >= 0),
    executed       BIGINT CHECK (executed >= 0),
    section        VARCHAR NOT NULL,
    PRIMARY KEY (edition, plan_year, project_no, funding_source)
);
COMMENT ON TABLE project_budgets IS '사업별 재원';
COMMENT ON COLUMN project_budgets.plan_year IS '연도';
COMMENT ON COLUMN project_budgets.project_no IS '사업 순번';
COMMENT ON COLUMN project_budgets.funding_source IS '재원';
COMMENT ON COLUMN project_budgets.budget IS '예산액·소요예산(천원)';
COMMENT ON COLUMN project_budgets.executed IS '집행액(천원)';
COMMENT ON COLUMN project_budgets.section IS '보고서 위치';

-- Which project of the as-of year each 단위사업 mainly funds (not printed; see the basis column).
CREATE TABLE budget_project_map (
    edition      VARCHAR NOT NULL,
    programme_no INTEGER NOT NULL,
    project_no   INTEGER NOT NULL,
    basis        VARCHAR NOT NULL,
    PRIMARY KEY (edition, project_no)
);
COMMENT ON TABLE budget_project_map IS '단위사업-사업 대응';
COMMENT ON COLUMN budget_project_map.programme_no IS '단위사업 순번';
COMMENT ON COLUMN budget_project_map.project_no IS '사업 순번';
COMMENT ON COLUMN budget_project_map.basis IS '대응 근거';

-- Every bullet of every project, as printed.
CREATE TABLE project_items (
    edition    VARCHAR NOT NULL,
    plan_year  INTEGER NOT NULL,
    project_no INTEGER NOT NULL,
    block      VARCHAR NOT NULL CHECK (block IN ('사업개요', '추진방향', '주요 추진실적', '향후계획', '세부 추진계획', '추진일정')),
    item_id    VARCHAR NOT NULL,
    parent_id  VARCHAR,
    text       VARCHAR NOT NULL,
    schedule   VARCHAR,          -- the schedule as printed: '10월', '상시', '5~11월'
    months     VARCHAR,          -- the months it covers, ';'-separated
    PRIMARY KEY (edition, plan_year, project_no, block, item_id)
);
COMMENT ON TABLE project_items IS '사업 내용';
COMMENT ON COLUMN project_items.plan_year IS '연도';
COMMENT ON COLUMN project_items.project_no IS '사업 순번';
COMMENT ON COLUMN project_items.block IS '항목';
COMMENT ON COLUMN project_items.item_id IS '번호';
COMMENT ON COLUMN project_items.parent_id IS '상위 번호';
COMMENT ON COLUMN project_items.text IS '내용';
COMMENT ON COLUMN project_items.schedule IS '시기(보고서 표기)';
COMMENT ON COLUMN project_items.months IS '해당 월(;로 구분)';

-- Printed figures that are not part of a breakdown table below. A page shows a figure by its key.
CREATE TABLE report_figures (
    edition    VARCHAR NOT NULL,
    figure_key VARCHAR NOT NULL,
    project_no INTEGER NOT NULL,
    item_id    VARCHAR NOT NULL,
    label      VARCHAR NOT NULL,
    value      BIGINT NOT NULL,
    unit       VARCHAR NOT NULL,
    section    VARCHAR NOT NULL,
    PRIMARY KEY (edition, figure_key)
);
COMMENT ON TABLE report_figures IS '수치';
COMMENT ON COLUMN report_figures.figure_key IS '수치 코드';
COMMENT ON COLUMN report_figures.project_no IS '사업 순번';
COMMENT ON COLUMN report_figures.item_id IS '사업 내용 번호';
COMMENT ON COLUMN report_figures.label IS '수치 이름';
COMMENT ON COLUMN report_figures.value IS '값';
COMMENT ON COLUMN report_figures.unit IS '단위';
COMMENT ON COLUMN report_figures.section IS '보고서 위치';

CREATE TABLE complaint_channels (
    edition  VARCHAR NOT NULL,
    channel  VARCHAR NOT NULL,
    received INTEGER NOT NULL CHECK (received >= 0),
    section  VARCHAR NOT NULL,
    PRIMARY KEY (edition, channel)
);
COMMENT ON TABLE complaint_channels IS '고충민원 접수 경로';
COMMENT ON COLUMN complaint_channels.channel IS '접수 경로';
COMMENT ON COLUMN complaint_channels.received IS '접수(건)';
COMMENT ON COLUMN complaint_channels.section IS '보고서 위치';

CREATE TABLE patrol_results (
    edition      VARCHAR NOT NULL,
    patrol_group VARCHAR NOT NULL,
    patrol_kind  VARCHAR NOT NULL,
    findings     INTEGER NOT NULL CHECK (findings >= 0),
    sessions     INTEGER CHECK (sessions >= 0),   -- 상시순찰 prints no sessions
    section      VARCHAR NOT NULL,
    PRIMARY KEY (edition, patrol_kind)
);
COMMENT ON TABLE patrol_results IS '순찰 실적';
COMMENT ON COLUMN patrol_results.patrol_group IS '순찰 구분';
COMMENT ON COLUMN patrol_results.patrol_kind IS '순찰 종류';
COMMENT ON COLUMN patrol_results.findings IS '적출(건)';
COMMENT ON COLUMN patrol_results.sessions IS '순찰(회)';
COMMENT ON COLUMN patrol_results.section IS '보고서 위치';

CREATE TABLE investigations (
    edition VARCHAR NOT NULL,
    origin  VARCHAR NOT NULL,
    outcome VARCHAR NOT NULL CHECK (outcome IN ('징계', '훈계 등', '종결', '진행')),
    cases   INTEGER NOT NULL CHECK (cases >= 0),
    section VARCHAR NOT NULL,
    PRIMARY KEY (edition, origin, outcome)
);
COMMENT ON TABLE investigations IS '공직비위 조사';
COMMENT ON COLUMN investigations.origin IS '조사 구분';
COMMENT ON COLUMN investigations.outcome IS '처리 결과';
COMMENT ON COLUMN investigations.cases IS '건수(건)';
COMMENT ON COLUMN investigations.section IS '보고서 위치';

CREATE TABLE hr_education (
    edition      VARCHAR NOT NULL,
    audience     VARCHAR NOT NULL,
    programme    VARCHAR NOT NULL,
    sessions     INTEGER NOT NULL,
    session_unit VARCHAR NOT NULL,
    participants INTEGER NOT NULL,
    section      VARCHAR NOT NULL,
    PRIMARY KEY (edition, audience)
);
COMMENT ON TABLE hr_education IS '인권교육';
COMMENT ON COLUMN hr_education.audience IS '교육 대상';
COMMENT ON COLUMN hr_education.programme IS '교육·프로그램';
COMMENT ON COLUMN hr_education.sessions IS '횟수';
COMMENT ON COLUMN hr_education.session_unit IS '횟수 단위(회·개소)';
COMMENT ON COLUMN hr_education.participants IS '참여 인원(명)';
COMMENT ON COLUMN hr_education.section IS '보고서 위치';

CREATE TABLE self_audits (
    edition     VARCHAR NOT NULL,
    audit_type  VARCHAR NOT NULL,
    subject     VARCHAR NOT NULL,
    audits      INTEGER NOT NULL CHECK (audits > 0),
    count_basis VARCHAR NOT NULL,
    status      VARCHAR NOT NULL,
    section     VARCHAR NOT NULL,
    PRIMARY KEY (edition, audit_type, subject)
);
COMMENT ON TABLE self_audits IS '자체감사';
COMMENT ON COLUMN self_audits.audit_type IS '감사 종류';
COMMENT ON COLUMN self_audits.subject IS '감사 대상';
COMMENT ON COLUMN self_audits.audits IS '건수(건)';
COMMENT ON COLUMN self_audits.count_basis IS '건수 산정';
COMMENT ON COLUMN self_audits.status IS '진행 상태';
COMMENT ON COLUMN self_audits.section IS '보고서 위치';

-- Differences the source itself carries, declared so that no other difference slips in.
CREATE TABLE source_discrepancies (
    edition   VARCHAR NOT NULL,
    check_key VARCHAR NOT NULL CHECK (check_key IN ('programme_vs_projects')),
    subject   VARCHAR NOT NULL,
    measure   VARCHAR NOT NULL CHECK (measure IN ('budget', 'executed')),
    expected  BIGINT NOT NULL,
    actual    BIGINT NOT NULL,
    note      VARCHAR NOT NULL,
    PRIMARY KEY (edition, check_key, subject, measure)
);
COMMENT ON TABLE source_discrepancies IS '원문 차이';
COMMENT ON COLUMN source_discrepancies.check_key IS '검사';
COMMENT ON COLUMN source_discrepancies.subject IS '단위사업';
COMMENT ON COLUMN source_discrepancies.measure IS '항목';
COMMENT ON COLUMN source_discrepancies.expected IS '단위사업 기준(천원)';
COMMENT ON COLUMN source_discrepancies.actual IS '사업별 기준(천원)';
COMMENT ON COLUMN source_discrepancies.note IS '설명';


-- Each plan of the year after an edition's as-of year against the project of the as-of year it follows:
-- that project's budget and executed, the plan's 소요예산, and last year's budget like for like — the part from
-- the funding sources the plan has (구비 with 구비), the rest (e.g. 시비) beside it; a plan without a funding
-- breakdown is set against the whole budget. What projects_plans_vs_results and budget_plans_vs_results_total read.
CREATE MACRO plans_against_results(wanted_edition) AS TABLE
WITH years AS (
    SELECT year(as_of) AS result_year FROM report_meta WHERE edition = wanted_edition
),
plan_sources AS (
    SELECT DISTINCT b.project_no, b.funding_source
    FROM project_budgets AS b CROSS JOIN years AS y
    WHERE b.edition = wanted_edition AND b.plan_year = y.result_year + 1
),
split AS (
    SELECT n.project_no,
           sum(b.budget) FILTER (WHERE s.funding_source IS NOT NULL OR NOT EXISTS
               (SELECT 1 FROM plan_sources AS p WHERE p.project_no = n.project_no))           AS same_sources,
           sum(b.budget) FILTER (WHERE s.funding_source IS NULL AND EXISTS
               (SELECT 1 FROM plan_sources AS p WHERE p.project_no = n.project_no))           AS other_sources,
           string_agg(DISTINCT b.funding_source, '·' ORDER BY b.funding_source) FILTER (WHERE s.funding_source IS NULL AND EXISTS
               (SELECT 1 FROM plan_sources AS p WHERE p.project_no = n.project_no))           AS other_source_names
    FROM projects AS n
    CROSS JOIN years AS y
    JOIN project_budgets AS b ON b.edition = n.edition AND b.plan_year = y.result_year AND b.project_no = n.follows_project_no
    LEFT JOIN plan_sources AS s ON s.project_no = n.project_no AND s.funding_source = b.funding_source
    WHERE n.edition = wanted_edition AND n.plan_year = y.result_year + 1
    GROUP BY n.project_no
),
compared AS (
    SELECT n.project_no, n.project, n.team, n.section, n.is_priority,
           o.project_no AS result_project_no, o.project AS result_project,
           o.budget_printed AS result_budget, o.executed_printed AS result_executed,
           o.execution_rate_printed AS result_execution_rate,
           n.budget_printed AS plan_budget,
           CAST(coalesce(s.same_sources, o.budget_printed) AS BIGINT) AS result_budget_like,
           CAST(coalesce(s.other_sources, 0) AS BIGINT)               AS result_budget_other,
           s.other_source_names
    FROM projects AS n
    CROSS JOIN years AS y
    LEFT JOIN projects AS o ON o.edition = n.edition AND o.plan_year = y.result_year AND o.project_no = n.follows_project_no
    LEFT JOIN split AS s ON s.project_no = n.project_no
    WHERE n.edition = wanted_edition AND n.plan_year = y.result_year + 1
)
SELECT * FROM compared;
