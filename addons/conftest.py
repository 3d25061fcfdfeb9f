"""pytest-odoo set-up shared by the suite's Odoo tests (``make test`` runs them)."""


def pytest_sessionstart(session):
    """Map every add-on's static folder once, before a tour's browser asks for assets.

    Odoo builds that map lazily at the first asset request, parsing each add-on's
    manifest, and a browser sends several requests at once. On Python 3.11, parsing in
    several threads at once can fail ("AST constructor recursion depth mismatch", CPython
    gh-106905): the asset answers 500, the page stays blank and the tour never starts."""
    try:
        from odoo import http
    except ImportError:  # the engine tests run without Odoo
        return
    _ = http.root.statics
