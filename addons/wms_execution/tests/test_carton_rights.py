# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from . import test_cartonization as cartonization
from .common import WmsCase


@tagged("post_install", "-at_install")
class TestCartonRights(WmsCase):
    """Suggested cartons are cartonization's: a packer reads them and chooses the carton
    of an item no carton takes, but neither rewrites, adds nor deletes a suggestion."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.demo_types = cls.env["stock.package.type"].search([("wms_cartonize", "=", True)])
        cls.customers = cls.env.ref("stock.stock_location_customers")
        cls.mm = cls.env.ref("uom.product_uom_millimeter")

    # the cartonization tests' own builders: cartons, a product, a reserved delivery
    _own_cartons = cartonization.TestCartonization._own_cartons
    _product = cartonization.TestCartonization._product
    _delivery = cartonization.TestCartonization._delivery

    def _suggested(self):
        self._own_cartons()
        mug = self._product("Mug", (100, 100, 100), 0.4)
        picking = self._delivery((mug, 3)).with_user(self.operator)
        picking.action_wms_suggest_cartons()
        rows = picking.wms_carton_suggestion_ids
        self.assertTrue(rows, "the packer's button suggested cartons")
        return picking, rows

    def test_a_packer_cannot_delete_or_add_suggested_cartons(self):
        picking, rows = self._suggested()
        with self.assertRaises(AccessError):
            rows.unlink()
        with self.assertRaises(AccessError):
            rows.create({"picking_id": picking.id, "sequence": 9})
        with self.assertRaises(AccessError):
            rows.line_ids.unlink()
        self.assertTrue(rows.exists())

    def test_a_packer_cannot_rewrite_a_suggested_carton(self):
        picking, rows = self._suggested()
        package = self.env["stock.quant.package"].create({})
        with self.assertRaisesRegex(AccessError, "Suggest Cartons"):
            rows.package_id = package  # marks it packed without packing it
        with self.assertRaises(AccessError):
            rows.package_type_id = self.box_m  # not a manual carton
        with self.assertRaises(AccessError):
            rows.line_ids.quantity = 99
        self.assertFalse(rows.package_id)
        packages = picking._wms_pack_suggested()  # the pack flow still marks them packed
        self.assertEqual(rows.package_id, packages)
