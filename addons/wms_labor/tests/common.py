# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.addons.wms_execution.tests.common import WmsCase
from odoo.tests import new_test_user


def ready_transfer(env, picking_type, source, dest, product, qty):
    """A confirmed, reserved one-line transfer (env's user creates it)."""
    picking = env["stock.picking"].create(
        {"picking_type_id": picking_type.id, "location_id": source.id,
         "location_dest_id": dest.id,
         "move_ids": [(0, 0, {"name": product.name, "product_id": product.id,
                              "product_uom_qty": qty, "location_id": source.id,
                              "location_dest_id": dest.id})]}
    )  # fmt: skip
    picking.action_confirm()
    picking.action_assign()
    return picking


class LaborCase(WmsCase):
    """The small test warehouse with a forklift driver based in the reserve and a picker
    based at packing, a product in two bins, and helpers for ready transfers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.product = env["product.product"].create(
            {"name": "Safety Cone 28 in", "is_storable": True, "weight": 1.5}
        )
        for location in (cls.bin_near, cls.bin_far):
            env["stock.quant"]._update_available_quantity(cls.product, location, 20)
        cls.forklift = env["wms.skill"].search([("code", "=", "FORKLIFT")]) or env[
            "wms.skill"
        ].create({"name": "Forklift licence", "code": "FORKLIFT"})
        cls.driver_user = new_test_user(
            env, login="wms_driver_t", groups="wms_execution.group_wms_operator"
        )
        cls.driver = env["wms.operator"].create(
            {"name": "Dan Driver", "user_id": cls.driver_user.id, "warehouse_id": cls.warehouse.id,
             "home_zone_id": cls.zone_res.id, "equipment": "forklift",
             "skill_ids": [(6, 0, cls.forklift.ids)]}
        )  # fmt: skip
        cls.picker = env["wms.operator"].create(
            {"name": "Pia Picker", "user_id": cls.operator.id, "warehouse_id": cls.warehouse.id,
             "home_zone_id": cls.zone_pack.id, "equipment": "cart"}
        )  # fmt: skip
        cls.tasks = env["wms.task"].with_user(cls.supervisor)
        # one transfer, one task: automatic batches are tested on their own
        cls.warehouse.in_type_id.auto_batch = cls.warehouse.out_type_id.auto_batch = False

    def _transfer(self, picking_type, source, dest, qty):
        return ready_transfer(self.env, picking_type, source, dest, self.product, qty)

    def _putaway(self):
        vendors = self.env.ref("stock.stock_location_suppliers")
        return self._transfer(self.warehouse.in_type_id, vendors, self.bin_far, 40)

    def _pick(self, source):
        customers = self.env.ref("stock.stock_location_customers")
        return self._transfer(self.warehouse.out_type_id, source, customers, 5)
