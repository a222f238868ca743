"""Headless Chromium for the HTML tests: Debian's ``chromium`` driven by Playwright for Python.

Playwright never downloads a browser here (no ``playwright install``): it launches the system
binary. Missing Chromium or Playwright is a test failure, not a skip: CI installs both
(``.ci/apt-packages``, the ``test`` extra).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("RELBOT_CHROMIUM", "/usr/bin/chromium")
# no background traffic: this machine's network is closed, and tests stay on file:// and loopback
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--disable-extensions", "--no-default-browser-check",
        "--disable-domain-reliability", "--metrics-recording-only"]


@contextlib.contextmanager
def launch():
    """A Playwright ``Browser`` on the system Chromium, closed afterwards."""
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)", pytrace=False)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is not installed: pip install -e '.[test]'", pytrace=False)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True,
                                     env={**os.environ, "TZ": "UTC"})
        try:
            yield browser
        finally:
            browser.close()


class Watch:
    """Everything a page did that it must not: dialogs, script errors, loads off file://."""

    def __init__(self, page):
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.console: list[str] = []
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("request", lambda req: self.requests.append(req.url))
        page.on("console", lambda msg: self.console.append(f"{msg.type}: {msg.text}"))

    def _dialog(self, dialog):
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def csp_violations(self) -> list[str]:
        return [m for m in self.console if "Content Security Policy" in m]

    def clean(self) -> bool:
        """No dialog, no script error, no CSP violation, nothing loaded but the page itself."""
        return not (self.dialogs or self.errors or self.csp_violations() or self.foreign_requests())

    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(("file://", "blob:", "data:"))]


def platform_fonts(page, selector: str) -> dict[str, int]:
    """The fonts Chromium really drew the element's text with: family → glyph count (DevTools)."""
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        assert node, selector
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        return {f["familyName"]: f["glyphCount"] for f in fonts}
    finally:
        cdp.detach()
