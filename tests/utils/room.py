"""What the room's browser tests measure: that a projector step fits its screen (no scrolling, no block cut off,
no two chart labels on top of each other, type large enough), and that a phone's targets fit a thumb."""

from __future__ import annotations

import time

from playwright.sync_api import Page

from tests.conftest import SCREENSHOTS

SCREENS = [{"width": 1920, "height": 1080}, {"width": 1366, "height": 768}, {"width": 1024, "height": 768}]
BODY_TYPE, CHART_TYPE = 24, 18  # px at 1920×1080, scaled with the screen

# Measured in the page: whether the step is all drawn (the script run over, every chart plotted), the canvas's
# scale, whether the page scrolls, blocks reaching past the screen's edges, pairs of plotly labels whose boxes
# overlap, and the smallest body and chart type (in screen pixels).
LAYOUT = """() => {
  const running = document.querySelector("[data-testid='stApp']")?.getAttribute('data-test-script-state') !== 'notRunning';
  const undrawn = document.querySelectorAll('[data-testid="stSkeleton"]').length + [...document.querySelectorAll(
    '[data-testid="stPlotlyChart"]')].filter(e => !e.querySelector('.js-plotly-plot .main-svg')).length;
  const main = document.querySelector('[data-testid="stMain"]');
  const scale = parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--screen-scale')) || 1;
  const unseen = e => e.closest('.st-key-chart-tables, .st-key-presenter-keys');
  const blocks = [...document.querySelectorAll('.st-key-canvas [data-testid="stElementContainer"]')]
    .filter(e => !unseen(e) && e.getBoundingClientRect().height > 0);
  const cut = blocks.filter(e => { const r = e.getBoundingClientRect();
    return r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5 || r.top < -0.5 || r.left < -0.5; })
    .map(e => e.innerText.slice(0, 60));
  const labels = [...document.querySelectorAll('.js-plotly-plot svg text')]
    .filter(t => t.textContent.trim() && t.getBoundingClientRect().width > 0 && getComputedStyle(t).opacity !== '0');
  const boxes = labels.map(t => [t.getBoundingClientRect(), t.textContent]);
  const overlapping = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [a, an] = boxes[i], [b, bn] = boxes[j];
    if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
      overlapping.push(an + ' / ' + bn);
  }
  const words = [...document.querySelectorAll('.st-key-canvas p, .st-key-canvas li, .st-key-canvas td, .st-key-canvas th, .st-key-canvas span')]
    .filter(e => !unseen(e) && e.innerText && e.innerText.trim() && e.getBoundingClientRect().height > 0);
  const size = e => parseFloat(getComputedStyle(e).fontSize) * scale;
  return {running, undrawn, scale, scrolls: main.scrollHeight > main.clientHeight + 1 || main.scrollWidth > main.clientWidth + 1,
          cut, overlapping, body: Math.min(...words.map(size)), chart: Math.min(Infinity, ...labels.map(size)),
          charts: document.querySelectorAll('.js-plotly-plot').length};
}"""

NEXT_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def projector_fits(page: Page, name: str, *, screens: list[dict[str, int]] = SCREENS) -> None:
    """At each screen size: no scrolling, nothing cut off, no chart labels overlapping, body type at least 24 px
    and chart type at least 18 px at 1920×1080 (scaled with the screen); a screenshot of each. Measured once every
    chart is plotted and the script run is over (or, on a machine so busy that one refresh runs into the next,
    after a second); the projector refreshes by itself, so a measurement taken as it redraws is taken again, for
    up to five seconds."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for size in screens:
        page.set_viewport_size(size)
        page.evaluate(NEXT_FRAMES)  # the resize handled, as the scale check below confirms
        wanted = size["width"] / 1920 if size["width"] / size["height"] < 16 / 9 else size["height"] / 1080
        started = time.monotonic()
        while True:
            seen = page.evaluate(LAYOUT)
            drawn = not seen["undrawn"] and (not seen["running"] or time.monotonic() - started > 1)
            if (drawn and abs(seen["scale"] - wanted) < 0.01 and not seen["scrolls"] and not seen["cut"]
                    and not seen["overlapping"] and seen["body"] >= BODY_TYPE * wanted - 0.5
                    and seen["chart"] >= CHART_TYPE * wanted - 0.5):
                break
            if time.monotonic() - started > 5:
                raise AssertionError(f"{name} at {size['width']}×{size['height']}: {seen}")
            page.wait_for_timeout(100)
        page.screenshot(path=SCREENSHOTS / f"room-{name}-{size['width']}x{size['height']}.png")
    page.set_viewport_size(screens[0])


def thumb_sized(page: Page) -> None:
    """Every answer option and every button a phone shows is at least 44 px tall."""
    heights = page.evaluate("""() => [...document.querySelectorAll(
        '[data-testid="stRadioOption"], [data-testid="stMain"] button')]
        .filter(e => e.getBoundingClientRect().height > 0)
        .map(e => [Math.round(e.getBoundingClientRect().height * 10) / 10, e.innerText.slice(0, 30)])""")
    assert heights and all(height >= 44 for height, _ in heights), heights


def progress_stays_in_view(page: Page) -> None:
    """Scrolled to the bottom of a screen, the progress and saved state are still in view at the top."""
    page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollTo(0, 100000)")
    page.wait_for_timeout(200)
    top = page.evaluate("""document.querySelector('[class*="st-key-phone-progress"]').getBoundingClientRect().top""")
    page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollTo(0, 0)")
    assert 0 <= top <= 100, top
