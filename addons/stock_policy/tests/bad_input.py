# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The bad-input catalogue's runner, shared by the suite's addons: each row is what a
careless or hostile user sends, how it must be answered and the sentence they read back:

- ``refused``: an error the screen shows as a message (UserError, ValidationError,
  AccessError), never a traceback;
- ``message``: a scan answer {"ok": False, "error": ...};
- ``handled``: a normal answer (an unknown barcode is "unknown").

And every row changes nothing: ``state()`` reads the same before and after it."""

import json

from odoo.exceptions import UserError
from odoo.tests import TransactionCase

REFUSED, MESSAGE, HANDLED = "refused", "message", "handled"


class BadInputCase(TransactionCase):
    def check_catalogue(self, rows, state):
        """Run ``rows`` ((name, outcome, sentence fragment, call) each) and check each
        one's outcome, its sentence, and that ``state()`` did not change."""
        self.assertEqual(len({row[0] for row in rows}), len(rows), "one name per row")
        for name, outcome, expected, call in rows:
            with self.subTest(name):
                self.env.invalidate_all()
                before = state()
                got, text = self._answer(call)
                self.assertEqual(got, outcome, f"{name}: answered {text}")
                self.assertIn(expected, text, name)
                self.assertNotIn("Traceback", text, name)
                self.env.invalidate_all()
                self.assertEqual(state(), before, f"{name} changed something")

    def _answer(self, call):
        try:
            with self.env.cr.savepoint():
                answer = call()
        except UserError as error:  # AccessError and ValidationError too
            return REFUSED, str(error.args[0] if error.args else error)
        if isinstance(answer, dict) and answer.get("ok") is False:
            return MESSAGE, answer["error"]
        return HANDLED, json.dumps(answer, default=str)
