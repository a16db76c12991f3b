"""After an import: a period the records do not cover says so plainly, and the report's own figures for
it are still shown; the sample mark goes where only real records are shown."""
from import_support import imported_text as imported
from rendered import visible
from report_pages import shown


def infos(at) -> str:
    return "\n".join(visible(i.value) for i in at.info)


def test_complaints_of_2026_only_leave_the_report_period_without_records_but_with_the_report_figures(workspace, page_on):
    imported(workspace, "접수번호,접수일자,등록채널\nA,2026-02-01,응답소\nB,2026-02-02,응답소\nC,2026-03-01,국민신문고\n",
             "2026년 대장.csv")
    at = page_on("complaints", {"from": "2025Q1", "to": "2025Q3"})
    assert "2025년 1~3분기에는 고충민원 기록이 없습니다" in infos(at)
    assert "기록이 있는 기간은 2026. 2. 1. ~ 2026. 3. 1.입니다." in infos(at)
    printed = shown(at.dataframe[0]).set_index("항목")
    assert printed.loc["계", "보고서"] == "1,622" and printed.loc["응답소", "보고서"] == "333"
    assert printed.loc["구청장에게 바란다", "보고서"] == "945" and printed.loc["전화·방문", "보고서"] == "344"
    assert not any("샘플 기록" in w.value for w in at.warning)  # nothing on this page is a sample


def test_the_imported_quarter_shows_its_three_complaints_without_a_sample_mark(workspace, page_on):
    imported(workspace, "접수번호,접수일자,등록채널\nA,2026-02-01,응답소\nB,2026-02-02,응답소\nC,2026-03-01,국민신문고\n",
             "2026년 대장.csv")
    at = page_on("complaints", {"from": "2026Q1", "to": "2026Q1"})
    assert {m.label: m.value for m in at.metric}["접수"] == "3건"
    assert not any("샘플 기록" in w.value for w in at.warning)


def test_a_patrol_log_of_2026_leaves_2025_without_sessions_and_the_report_figures_stay(workspace, page_on):
    imported(workspace, "순찰일자,순찰종류,동,적출건수,조치건수\n2026-07-01,기획순찰,신길1동,5,5\n"
                        "2026-07-02,동네한바퀴,대림2동,3,1\n", "순찰일지.csv", "patrols")
    at = page_on("patrols", {"from": "2025Q1", "to": "2025Q3"})
    assert "2025년 1~3분기에는 순찰 기록이 없습니다" in infos(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["응답소 현장민원 처리(보고서)"] == "66,228건"
    assert metrics["현장민원 현장점검"] == "87회" and metrics["내 지역 지킴이 불편·위험사항 발굴"] == "2,167건"
