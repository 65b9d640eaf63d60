"""Headless Chromium for tests: Playwright driving Debian's /usr/bin/chromium.

No `playwright install`: the wheel brings its driver, and the browser is the system's
(`.ci/run` installs chromium and fonts-noto-cjk). Screenshots go to the test's own
folder, never into git.
"""
from __future__ import annotations

import contextlib
import os
import pathlib
from collections.abc import Iterator

from playwright.sync_api import Browser, Page, sync_playwright
from pypdf import PdfReader

CHROMIUM = os.environ.get("DECKGEN_CHROMIUM", "/usr/bin/chromium")
# Playwright adds --headless and a fresh temporary --user-data-dir itself
# (passing --user-data-dir in args is rejected by launch()).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextlib.contextmanager
def open_page(browser: Browser, html: str | os.PathLike, width: int, height: int,
              dark: bool = False, night_mode: bool = False) -> Iterator[Page]:
    """Open a local HTML file at width x height CSS px.

    dark=True       -> prefers-color-scheme: dark
    night_mode=True -> add the classes Anki puts on <body> in night mode
    """
    ctx = browser.new_context(viewport={"width": width, "height": height},
                              device_scale_factor=1,
                              color_scheme="dark" if dark else "light")
    try:
        page = ctx.new_page()
        page.goto(pathlib.Path(html).resolve().as_uri(), wait_until="load")
        if night_mode:
            page.evaluate("() => document.body.classList.add('nightMode', 'night_mode')")
        page.evaluate("() => document.fonts.ready.then(() => true)")
        yield page
    finally:
        ctx.close()


def horizontal_overflow(page: Page) -> bool:
    return page.evaluate(
        "() => document.documentElement.scrollWidth > document.documentElement.clientWidth")


def computed_style(page: Page, selector: str, prop: str) -> str:
    return page.eval_on_selector(
        selector, "(el, p) => getComputedStyle(el).getPropertyValue(p)", prop)


def print_pdf(browser: Browser, html: str | os.PathLike, pdf_path: str | os.PathLike) -> int:
    """Print html to an A4 PDF; return the page count."""
    page = browser.new_page()
    try:
        page.goto(pathlib.Path(html).resolve().as_uri(), wait_until="load")
        page.evaluate("() => document.fonts.ready.then(() => true)")
        page.pdf(path=str(pdf_path), format="A4", print_background=True)
    finally:
        page.close()
    return len(PdfReader(str(pdf_path)).pages)
