"""The store built from data/ reproduces the 2025 report's figures and totals."""
from audit_dashboard import store
from conftest import EDITION


def one(con, name, **params):
    return store.run_query(con, name, **params)


def test_budget_total_is_271988_with_242860_executed_and_89_percent(con):
    budget, executed = con.execute("SELECT sum(budget), sum(executed) FROM budget_programmes").fetchone()
    printed = con.execute("SELECT value FROM table_totals WHERE table_name = 'budget_programmes' "
                          "AND measure = 'execution_rate_printed'").fetchone()[0]
    assert (budget, executed, budget - executed) == (271988, 242860, 29128)
    assert round(executed / budget * 100) == printed == 89


def test_the_2025_channel_totals_add_up_to_1622(con):
    channels = dict(con.execute("SELECT channel, received FROM complaint_channels").fetchall())
    assert channels == {"구청장에게 바란다": 945, "전화·방문": 344, "응답소": 333}
    assert sum(channels.values()) == 1622


def test_joint_patrol_parts_add_up_to_694_findings_in_273_sessions(con):
    patrols = con.execute("SELECT * FROM patrol_results").df().set_index("patrol_kind")
    joint = patrols[patrols["patrol_group"] == "주민합동순찰"]
    assert joint["findings"].sum() == 694
    assert joint["sessions"].sum() == 273
    assert patrols.loc["기획순찰", ["findings", "sessions"]].tolist() == [330, 7]
    assert patrols.loc["상시순찰", "findings"] == 257


def test_every_printed_figure_is_in_the_store(con):
    figures = one(con, "report_figures", edition=EDITION).set_index("figure_key")["value"].to_dict()
    expected = {
        "self_audits_total": 10, "daily_audits": 476, "contract_reviews": 736, "cost_reviews": 165,
        "citizen_auditor_inspections": 33, "proactive_officials_selected": 8,
        "braille_business_cards": 112, "hr_guardians": 22, "hr_impact_reviews": 41,
        "hr_impact_recommendations": 9, "investigations_external_total": 15,
        "investigations_internal_total": 15, "case_sharing_posts": 18, "case_sharing_items": 332,
        "property_reviews": 392, "property_disclosure_refusals": 69, "ethics_committee_meetings": 2,
        "complaints_total": 1622, "expert_consultations": 4, "petition_council_meetings": 2,
        "local_tax_requests": 5, "public_interest_reports": 11, "field_complaints_handled": 66228,
        "field_inspections": 87, "local_guardian_reports": 2167, "integrity_pledges": 1602,
        "integrity_pledge_share": 94, "integrity_self_learning": 1100, "integrity_manager_training": 67,
        "integrity_concert": 287, "integrity_letters": 4475, "integrity_golden_bell": 60,
    }
    for key, value in expected.items():
        assert figures[key] == value, key


def test_budget_groupings_differ_only_where_the_source_does(con):
    rec = one(con, "budget_reconciliation", edition=EDITION)
    differences = rec[rec["difference"] != 0].set_index(["subject", "measure"])["difference"].to_dict()
    assert differences == {
        ("청렴하고 투명한 감사행정", "budget"): 1780,
        ("청렴하고 투명한 감사행정", "executed"): 1779,
        ("비위예방 강화 및 공직 투명성 확보", "budget"): -1780,
        ("비위예방 강화 및 공직 투명성 확보", "executed"): -1780,
        ("계(기본경비 포함)", "executed"): -1,
    }
    declared = one(con, "source_discrepancies", edition=EDITION, check_key="programme_vs_projects")
    assert len(declared) == 5
