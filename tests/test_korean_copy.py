"""The interface writes Korean as the department does and shows text as written: particles chosen by
the final consonant, no 「(단위: -)」, no table names in sources, sample data marked once per page,
nothing struck through or read as LaTeX by Markdown. Pages are read as the browser renders them
(tests/rendered.py)."""
from __future__ import annotations

import re

import pytest

from audit_dashboard import chart_images, korean, labels, markdown
from audit_dashboard.navigation import PAGES
from conftest import metrics, page_text, run_page
from rendered import visible

PERIODS = [{"from": "2025Q1", "to": "2025Q3"}, {"from": "2025Q2", "to": "2025Q2"}, {"from": "2024Q3", "to": "2024Q4"},
           {"from": "2025Q9", "to": "2025Q3"}]  # the report's, one quarter, another year, a malformed URL
SAMPLE_PAGES = {"overview", "complaints", "patrols", "budget", "period_compare"}


@pytest.mark.parametrize("word, pair, expected", [
    ("고충민원 기록", "은/는", "고충민원 기록은"), ("집행 수치", "은/는", "집행 수치는"),
    ("월말 집행 추이(보고서 기준일 이전의 월말 수치)", "은/는", "월말 집행 추이(보고서 기준일 이전의 월말 수치)는"),
    ("순찰·현장민원 기록", "은/는", "순찰·현장민원 기록은"), ("1,622", "이/가", "1,622가"), ("1,780", "이/가", "1,780이"),
    ("242,861", "과/와", "242,861과"), ("3", "과/와", "3과"), ("2", "과/와", "2와"), ("10%", "은/는", "10%는"),
    ("'재산'", "이/가", "'재산'이"), ("'청렴'", "이/가", "'청렴'이"), ("/usr/bin/chromium", "이/가", "/usr/bin/chromium이"),
    ("서울", "으로/로", "서울로"), ("부산", "으로/로", "부산으로"), ("학교", "으로/로", "학교로"), ("민원", "을/를", "민원을"),
])
def test_particles_follow_the_final_consonant(word, pair, expected):
    assert korean.josa(word, pair) == expected


def test_our_markdown_keeps_bold_and_escapes_only_tildes_and_dollars():
    assert markdown.ours("**1~3분기** $5") == "**1\\~3분기** \\$5"
    assert markdown.ours(markdown.text("a~b")) == "a\\~b"  # already escaped text is left alone
    assert visible(markdown.ours("기본 기간(2025년 1~3분기) … 분기(Q1~Q4)")) == "기본 기간(2025년 1~3분기) … 분기(Q1~Q4)"


def test_plain_text_shows_every_markdown_mark_as_typed():
    typed = "*재산*_청렴_ [링크](x) $1$ 1~3 :red[빨강] 2025. 4. 25."
    assert visible(markdown.text(typed)) == typed
    assert visible("1~3분기 … Q1~Q4") == "1<del>3분기 … Q1</del>Q4"  # what happens unescaped


def shown_everywhere(at) -> str:
    """Every text element a reader sees, the sidebar included, plus widget labels and help texts."""
    parts = [e.value for kind in ("markdown", "caption", "warning", "info", "success", "error") for e in getattr(at, kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric] + [e.label for e in at.expander]
    parts += [b.proto.help for b in at.get("download_button")] + [b.proto.label for b in at.get("download_button")]
    return "\n".join(visible(part) for part in parts)


@pytest.mark.parametrize("page", PAGES, ids=[p.url_path for p in PAGES])
def test_no_page_strikes_text_through_or_writes_particles_with_parentheses(page):
    for query in PERIODS:
        text = shown_everywhere(run_page(page.file, query))
        assert "<del>" not in text and "<math>" not in text, (query, re.findall(r".{20}<del>.{20}", text))
        assert not re.search(r"\((은|는|이|가|을|를|과|와)\)", text), query
        assert "(단위: -)" not in text and "(단위: )" not in text
        assert "(complaints)" not in text and "(patrol_sessions)" not in text


@pytest.mark.parametrize("page", PAGES, ids=[p.url_path for p in PAGES])
def test_sample_data_is_marked_once_per_page_by_the_header_badge_and_one_banner(page):
    at = run_page(page.file, PERIODS[0])
    sources = [e.value for kind in ("markdown", "caption", "warning", "info") for e in getattr(at, kind)]
    badges = sum(source.count(f"-badge[:material/science: {labels.SAMPLE_BADGE}]") for source in sources)
    red = sum(source.count(f":red-badge[{labels.SAMPLE_BADGE}]") for source in sources)
    banners = [w.value for w in at.warning if "샘플 기록" in w.value]
    expected = 1 if page.url_path in SAMPLE_PAGES else 0
    assert (badges, len(banners), red) == (expected, expected, 0)
    if expected:  # each figure's own line still says so in words
        # (on a page drawn as tabs, in the tab holding the sample figures: each tab is drawn when opened)
        text = page_text(at) + "".join(page_text(run_page(page.file, PERIODS[0], tab=t.label)) for t in at.tabs)
        assert labels.SOURCE_KIND["sample"] in text


def test_the_staffing_gap_tile_says_0_people_rather_than_a_bare_dash():
    at = run_page("organisation.py")
    assert metrics(at)["과부족(현원 − 정원)"] == "0명"


def test_the_missing_chromium_message_picks_its_particle():
    assert f"{korean.josa(str(chart_images.CHROMIUM), '이/가')} 없습니다" in chart_images.MISSING
    assert "이(가)" not in chart_images.MISSING


def test_the_pack_options_sit_beside_its_button_and_change_what_it_makes():
    at = run_page("complaints.py", PERIODS[0])
    orientation = next(b for b in at.get("button_group") if b.key == "council_pack_orientation")
    assert orientation.key == "council_pack_orientation" and orientation.options == ["A4 세로", "A4 가로"]
    appendix = at.checkbox(key="council_pack_appendix")
    assert appendix.value is False  # the appendix is off unless asked for
    pack = next(b for b in at.get("download_button") if b.proto.id.endswith("council_pack") or "PDF" in b.proto.label)
    assert "A4 세로 PDF" in visible(pack.proto.help)
    orientation.set_value("landscape").run()
    pack = next(b for b in at.get("download_button") if "PDF" in b.proto.label)
    assert "A4 가로 PDF" in visible(pack.proto.help)
