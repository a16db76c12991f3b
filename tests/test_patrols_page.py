"""현장순찰 page: sessions and findings by kind, the report's joint-patrol table, field complaints."""
from conftest import metrics, page_text, run_page


def test_default_period_shows_the_reports_patrol_figures():
    at = run_page("patrols.py")
    shown = metrics(at)
    assert shown["적출"] == "1,281건"  # 330 + 257 + 694
    assert shown["응답소 현장민원 처리"] == "66,228건"
    assert shown["내 지역 지킴이 불편·위험사항 발굴"] == "2,167건"
    assert shown["현장민원 현장점검"] == "87회"
    assert "보고서와 일치" in page_text(run_page("patrols.py", tab="보고서와 비교"))


def test_the_joint_patrol_table_reads_as_the_report_prints_it():
    at = run_page("patrols.py", tab="순찰 1회당 적출과 주민합동순찰")
    joint = next(t.value for t in at.dataframe if "실적(보고서 표기)" in t.value.columns)
    assert dict(zip(joint["순찰 종류"], joint["실적(보고서 표기)"])) == {
        "계": "694건(273회)", "야간합동순찰": "21건(7회)", "동네한바퀴": "67건(14회)", "동장·지구대장 순찰": "606건(252회)",
    }


def test_sessions_and_findings_by_kind_match_the_report():
    at = run_page("patrols.py", tab="순찰 종류별")
    kinds = next(t.value for t in at.dataframe if "순찰 종류" in t.value.columns and "회당 적출(건)" in t.value.columns)
    rows = kinds.set_index("순찰 종류")
    assert rows.loc["기획순찰", "적출(건)"] == 330 and rows.loc["기획순찰", "순찰(회)"] == 7
    assert rows.loc["상시순찰", "적출(건)"] == 257
    assert rows.loc["동장·지구대장 순찰", "순찰(회)"] == 252


def test_a_single_quarter_by_url():
    at = run_page("patrols.py", {"from": "2025Q3", "to": "2025Q3"})
    assert "2025년 3분기" in page_text(at)
    assert "보고서와 일치" not in page_text(at)


def test_five_patrol_kinds_are_five_small_charts_each_titled_with_the_reports_total():
    import json

    from report_pages import numbers

    at = run_page("patrols.py")
    spec = next(s for s in (json.loads(c.proto.spec) for c in at.get("plotly_chart"))
                if s["layout"]["title"]["text"].startswith("월별 적출 건수(순찰 종류별)"))
    assert spec["layout"].get("barmode") != "stack"
    # One panel per kind, on its own scale, largest first: the report's 606, 330, 257, 67 and 21 findings.
    assert [t["name"] for t in spec["data"]] == ["동장·지구대장 순찰", "기획순찰", "상시순찰", "동네한바퀴", "야간합동순찰"]
    assert len({t.get("yaxis", "y") for t in spec["data"]}) == 5
    assert [sum(numbers(t["y"])) for t in spec["data"]] == [606, 330, 257, 67, 21]
    titles = [a["text"] for a in spec["layout"]["annotations"] if "(계 " in a["text"]]
    assert titles == ["동장·지구대장 순찰 (계 606건)", "기획순찰 (계 330건)", "상시순찰 (계 257건)", "동네한바퀴 (계 67건)",
                      "야간합동순찰 (계 21건)"]
    assert not spec["layout"].get("showlegend", True)  # the panels' titles name the kinds
    assert all(t["text"] and t["textposition"] == "outside" for t in spec["data"])  # nine months: values above the bars


def test_small_charts_of_ten_years_by_quarter_leave_the_values_to_the_hover_rather_than_overlap_them():
    import json

    at = run_page("patrols.py", {"from": "2016Q1", "to": "2025Q4"})
    spec = next(s for s in (json.loads(c.proto.spec) for c in at.get("plotly_chart"))
                if s["layout"]["title"]["text"].startswith("분기별 적출 건수(순찰 종류별)"))
    assert len({t.get("yaxis", "y") for t in spec["data"]}) == 5 and len(spec["data"][0]["x"]) == 40
    assert not any(t.get("text") for t in spec["data"])
    assert all("%{y" in t["hovertemplate"] for t in spec["data"])
