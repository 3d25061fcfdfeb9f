"""pytest-odoo set-up shared by the suite's Odoo tests (``make test`` runs them)."""

import pytest

#: seconds a tour's browser may take to start; Odoo waits 10 s, which a loaded two-core
#: machine can exceed, and Odoo then skips the tour instead of running it
BROWSER_START_S = 60
#: skip reasons that mean the browser, not the test, decided: failures, not skips
BROWSER_SKIPS = ("chrome", "browser", "devtools", "websocket-client")


def pytest_sessionstart(session):
    """Map every add-on's static folder once, before a tour's browser asks for assets,
    and give the browser time to start.

    Odoo builds that map lazily at the first asset request, parsing each add-on's
    manifest, and a browser sends several requests at once. On Python 3.11, parsing in
    several threads at once can fail ("AST constructor recursion depth mismatch", CPython
    gh-106905): the asset answers 500, the page stays blank and the tour never starts."""
    try:
        from odoo import http
        from odoo.tests import common
    except ImportError:  # the engine tests run without Odoo
        return
    _ = http.root.statics
    common.CHECK_BROWSER_ITERATIONS = int(BROWSER_START_S / common.CHECK_BROWSER_SLEEP)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A tour the browser could not run fails: a skipped tour would pass unseen."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and call.excinfo is not None:
        reason = str(call.excinfo.value).lower()
        if any(word in reason for word in BROWSER_SKIPS):
            report.outcome = "failed"
            report.longrepr = f"the tour did not run: {call.excinfo.value}"
