# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import Form, tagged

from .common import WmsCase


@tagged("post_install", "-at_install")
class TestExceptionCounts(WmsCase):
    """A problem reported in a bin asks for its count today; other bins are left alone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.wrench, cls.pliers, cls.gloves = cls.env["product.product"].create(
            [{"name": name, "is_storable": True} for name in
             ("Pipe Wrench 14 in", "Slip Joint Pliers", "Nitrile Gloves L")]
        )  # fmt: skip
        quants = cls.env["stock.quant"]
        quants._update_available_quantity(cls.wrench, cls.bin_near, 6)
        quants._update_available_quantity(cls.pliers, cls.bin_near, 12)
        quants._update_available_quantity(cls.wrench, cls.bin_far, 4)

    def _quant(self, product, location):
        return self.env["stock.quant"].search(
            [("product_id", "=", product.id), ("location_id", "=", location.id)]
        )

    def _report(self, **defaults):
        """As the operator, through the *Report a Problem* form of the bin."""
        context = {f"default_{key}": value for key, value in defaults.items()}
        exceptions = self.env["wms.exception"].with_user(self.operator).with_context(**context)
        with Form(exceptions, view="wms_execution.wms_exception_view_form_report") as form:
            form.name = "Label torn, mixed stock inside"
        return form.record

    def test_a_location_problem_asks_for_a_count_of_everything_in_the_bin(self):
        self._report(location_id=self.bin_near.id, kind="location")
        today = self.bin_near.warehouse_id._site_today()
        for product in (self.wrench, self.pliers):
            quant = self._quant(product, self.bin_near)
            self.assertEqual(quant.inventory_date, today)
            self.assertEqual(quant.policy_count_trigger, "Label torn, mixed stock inside")
        far = self._quant(self.wrench, self.bin_far)
        self.assertFalse(far.policy_count_trigger, "another bin is not counted")

    def test_damage_of_a_named_product_counts_only_that_product(self):
        self._report(location_id=self.bin_near.id, kind="damage", product_id=self.pliers.id)
        self.assertTrue(self._quant(self.pliers, self.bin_near).policy_count_trigger)
        self.assertFalse(self._quant(self.wrench, self.bin_near).policy_count_trigger)

    def test_a_product_said_to_be_in_a_bin_without_record_gets_a_quant_to_count(self):
        self._report(location_id=self.bin_far.id, kind="unknown_barcode",
                     product_id=self.gloves.id)  # fmt: skip
        quant = self._quant(self.gloves, self.bin_far)
        self.assertEqual((quant.quantity, bool(quant.user_id)), (0.0, True))
        self.assertEqual(quant.policy_count_trigger, "Label torn, mixed stock inside")
        # the empty quant survives Odoo's clean-up of zero quants until it is counted
        self.env["stock.quant"]._quant_tasks()
        self.assertTrue(quant.exists())

    def test_a_weight_mismatch_or_a_bin_outside_storage_asks_for_no_count(self):
        self._report(location_id=self.bin_near.id, kind="weight_mismatch")
        self.assertFalse(self._quant(self.wrench, self.bin_near).policy_count_trigger)
        self._report(location_id=self.warehouse.wh_output_stock_loc_id.id, kind="location",
                     product_id=self.wrench.id)  # fmt: skip
        self.assertFalse(self._quant(self.wrench, self.warehouse.wh_output_stock_loc_id))
