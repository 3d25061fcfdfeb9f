# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .test_putaway import PutawayCase


@tagged("post_install", "-at_install")
class TestOverrideRights(PutawayCase):
    """Who accepted a bin the rules refuse is signed by the override itself: an operator
    neither writes the signature nor takes a supervisor's reason away."""

    def _overridden(self):
        line = self._receive(self.fast, 10)
        line.with_user(self.supervisor).wms_override_reason = "bin emptied by hand"
        self.assertEqual(line.wms_override_by, self.supervisor)
        return line

    def test_an_operator_cannot_forge_who_signed_an_override(self):
        line = self._receive(self.fast, 10)
        with self.assertRaisesRegex(AccessError, "not written by hand"):
            line.with_user(self.operator).write({"wms_override_by": self.supervisor.id})
        self.assertFalse(line.wms_override_by)
        signed = self._overridden()
        with self.assertRaises(AccessError):
            signed.with_user(self.operator).wms_override_by = self.operator
        self.assertEqual(signed.wms_override_by, self.supervisor)

    def test_an_operator_cannot_clear_a_supervisors_reason(self):
        line = self._overridden()
        with self.assertRaisesRegex(AccessError, "supervisor"):
            line.with_user(self.operator).wms_override_reason = False
        self.assertEqual(
            (line.wms_override_reason, line.wms_override_by),
            ("bin emptied by hand", self.supervisor),
        )

    def test_an_operator_cannot_forge_an_over_receipt_signature(self):
        receipt = self._receive(self.fast, 10).picking_id
        with self.assertRaises(AccessError):
            receipt.with_user(self.operator).wms_over_receipt_by = self.supervisor
        self.assertFalse(receipt.wms_over_receipt_by)

    def test_a_supervisor_still_withdraws_an_override_and_its_signature_goes(self):
        line = self._overridden()
        line.with_user(self.supervisor).wms_override_reason = False
        self.assertFalse(line.wms_override_by)
        line.with_user(self.operator).write({"wms_override_reason": False})  # nothing to clear
