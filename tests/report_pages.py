"""Helpers for the report-only page tests: run a page, read what it shows as the reader sees it."""
from __future__ import annotations

import base64
import json

import numpy as np
import pandas as pd
import pyarrow as pa
from streamlit.testing.v1 import AppTest

from conftest import open_app
from rendered import visible

FILTER_NOTICE = "사이드바의 기간 선택과 관계없이 같습니다"


def run(page: str, **query) -> AppTest:
    at = open_app(page)
    at.query_params.update(query)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def text_of(at: AppTest) -> str:
    """Everything written on the page as the reader sees it (tests/rendered.py): Markdown (expanders
    included), captions, notices, tiles."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info]
    parts += [f"{m.label} {m.value}" for m in at.metric] + [e.label for e in at.expander]
    parts += [h.value for h in at.subheader]
    return "\n".join(visible(part) for part in parts)


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def shown(table) -> pd.DataFrame:
    """A table's cells as displayed (the Styler's formatted text), under its Korean headers; a static table's
    (st.table: every cell and header Markdown, escaped) as the browser renders them."""
    data = table.proto.arrow_data.styler.display_values
    frame = pa.ipc.open_stream(data).read_pandas() if data else table.value
    if table.type != "table":  # a grid (st.dataframe) shows its cells as text
        return frame
    return frame.rename(columns=visible).map(lambda cell: visible(cell) if isinstance(cell, str) else cell)


def tables(at: AppTest) -> list[pd.DataFrame]:
    return [shown(t) for t in [*at.dataframe, *at.table]]  # grids, and tables drawn whole (ui.table(whole=True))


def charts(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def numbers(array) -> list:
    """Plotly sends numeric arrays as {'dtype', 'bdata'}; plain lists pass through."""
    if isinstance(array, dict) and "bdata" in array:
        values = np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"])
        return values.reshape(array["shape"]).tolist() if "shape" in array else values.tolist()
    return list(array)


def chart_titled(at: AppTest, words: str) -> dict:
    for spec in charts(at):
        if words in spec["layout"]["title"]["text"]:
            return spec
    raise AssertionError(f"'{words}' 제목의 차트가 없습니다")


def table_with(at: AppTest, column: str) -> pd.DataFrame:
    for frame in tables(at):
        if column in frame.columns:
            return frame
    raise AssertionError(f"'{column}' 열이 있는 표가 없습니다")


def printed_lines(con, plan_year: int, project_no: int) -> list[str]:
    """Every printed line of one project of the shipped edition."""
    from audit_dashboard import store
    from conftest import EDITION

    return store.run_query(con, "report_project_items", edition=EDITION, plan_year=plan_year,
                           project_no=project_no)["text"].tolist()
