"""Plotly figures to PNG with kaleido: one Chromium per process, reused, in the shipped font.

kaleido's own sync server blocks forever if its browser fails to start and hands results back
through one shared queue, so this keeps a kaleido instance on its own event-loop thread instead:
calls come from any thread (Streamlit's download threads), and errors and timeouts come back.

kaleido reloads its page (plotly.js, 4.6 MB) after every image: 0.33 s of the 0.49 s a chart
took here, so a council pack of 17 charts spent 6 s reloading. Its page already purges each
figure after drawing it (Plotly.purge), so the tab is reloaded only every RELOAD_EVERY images.
This overrides one method of kaleido's (`Kaleido._return_kaleido_tab`, kaleido 1.5.0 as pinned);
if a kaleido release drops it, every image is drawn as before (tests/test_export.py checks).
"""
from __future__ import annotations

import asyncio
import atexit
import os
import threading
from pathlib import Path

import plotly.graph_objects as go

from . import fonts
from .korean import josa

CHROMIUM = Path(os.environ.get("BROWSER_PATH", "/usr/bin/chromium"))
RELOAD_EVERY = 50
TABS = 2
START_TIMEOUT_S, RENDER_TIMEOUT_S = 60, 90
MISSING = f"그림(PNG)을 만들려면 Chromium이 필요합니다: {josa(str(CHROMIUM), '이/가')} 없습니다 (Debian: sudo apt-get install chromium)."


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

        # Two tabs: two charts drawn at once (the council pack asks for them two at a time). No MathJax:
        # it would come from a CDN.
        renderer = _kaleido_class(kaleido)(n=TABS, path=str(CHROMIUM), mathjax=False)
        await renderer.open()
        return renderer

    def _run(self, coroutine, timeout: float):
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout)

    def png(self, figure: go.Figure, width: int, height: int, scale: float) -> bytes:
        opts = dict(format="png", width=width, height=height, scale=scale)
        return self._run(self._kaleido.calc_fig(figure, opts=opts), RENDER_TIMEOUT_S)

    def close(self) -> None:
        try:
            self._run(self._kaleido.close(), 15)
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)


def _kaleido_class(kaleido):
    """kaleido.Kaleido, reloading its tab only every RELOAD_EVERY images (see the module's docstring)."""
    if not callable(getattr(kaleido.Kaleido, "_return_kaleido_tab", None)):
        return kaleido.Kaleido

    class Kaleido(kaleido.Kaleido):
        images = 0

        async def _return_kaleido_tab(self, tab) -> None:
            self.images += 1
            if self.images % RELOAD_EVERY == 0:
                await super()._return_kaleido_tab(tab)
            else:
                await self.tabs_ready.put(tab)

    return Kaleido


_renderer: _Renderer | None = None
_lock = threading.Lock()


def _shared() -> _Renderer:
    global _renderer
    with _lock:  # one browser, even when several downloads start at once
        if _renderer is None:
            _renderer = _Renderer()
            atexit.register(_renderer.close)
        return _renderer


# Starting Chromium with its two tabs takes 4–8 s here: the app starts it in the background when the
# first page is drawn (warm_up), so the first download does not wait for it. Tests turn this off.
WARM_UP = True
_warming = threading.Event()


def warm_up() -> None:
    """Start the shared renderer in the background, once per process, if Chromium is here."""
    if WARM_UP and available() and _renderer is None and not _warming.is_set():
        _warming.set()
        threading.Thread(target=_start_quietly, name="chart-images-warm-up", daemon=True).start()


def _start_quietly() -> None:
    try:
        _shared()
    except Exception:  # noqa: BLE001 - the download that needs it says why (ChartImageError)
        _warming.clear()


def png(figure: go.Figure, *, width: int, height: int, scale: float) -> bytes:
    """The figure as PNG bytes, `scale` times its size in CSS pixels."""
    return _shared().png(figure, width, height, scale)
