"""Plotly figures to PNG with kaleido: one Chromium per process, reused, in the shipped font.

kaleido's own sync server blocks forever if its browser fails to start and hands results back
through one shared queue, so this keeps a kaleido instance on its own event-loop thread instead:
calls come from any thread (Streamlit's download threads), and errors and timeouts come back.
"""
from __future__ import annotations

import asyncio
import atexit
import os
import threading
from pathlib import Path

import plotly.graph_objects as go

from . import fonts

CHROMIUM = Path(os.environ.get("BROWSER_PATH", "/usr/bin/chromium"))
START_TIMEOUT_S, RENDER_TIMEOUT_S = 60, 90
MISSING = f"그림(PNG)을 만들려면 Chromium이 필요합니다: {CHROMIUM}이(가) 없습니다 (Debian: sudo apt-get install chromium)."


def available() -> bool:
    """Whether charts can be drawn as images here (the download buttons say so when not)."""
    return CHROMIUM.exists()


class ChartImageError(RuntimeError):
    """A chart could not be drawn as an image; the message is Korean."""


class _Renderer:
    def __init__(self) -> None:
        if not available():
            raise ChartImageError(MISSING)
        # Chromium takes its fonts from fontconfig: the shipped font first (see fonts.py).
        os.environ["FONTCONFIG_FILE"] = str(fonts.fontconfig_file())
        self._loop = asyncio.new_event_loop()
        threading.Thread(target=self._loop.run_forever, name="chart-images", daemon=True).start()
        try:
            self._kaleido = self._run(self._open(), START_TIMEOUT_S)
        except BaseException:
            self._loop.call_soon_threadsafe(self._loop.stop)
            raise

    async def _open(self):
        import kaleido  # imported late: only exports need it

        renderer = kaleido.Kaleido(path=str(CHROMIUM), mathjax=False)  # no MathJax: it would come from a CDN
        await renderer.open()
        return renderer

    def _run(self, coroutine, timeout: float):
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout)

    def png(self, figure: go.Figure, width: int, height: int, scale: int) -> bytes:
        opts = dict(format="png", width=width, height=height, scale=scale)
        return self._run(self._kaleido.calc_fig(figure, opts=opts), RENDER_TIMEOUT_S)

    def close(self) -> None:
        try:
            self._run(self._kaleido.close(), 15)
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)


_renderer: _Renderer | None = None
_lock = threading.Lock()


def _shared() -> _Renderer:
    global _renderer
    with _lock:  # one browser, even when several downloads start at once
        if _renderer is None:
            _renderer = _Renderer()
            atexit.register(_renderer.close)
        return _renderer


def png(figure: go.Figure, *, width: int, height: int, scale: int) -> bytes:
    """The figure as PNG bytes, `scale` times its size in CSS pixels."""
    return _shared().png(figure, width, height, scale)
