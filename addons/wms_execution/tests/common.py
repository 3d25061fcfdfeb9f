# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


def reserved_order(env, picking_type, lines, dest=None):
    """A confirmed, reserved transfer of ``picking_type`` to ``dest`` (the customers by
    default), one move per (product, source location, quantity) of ``lines``."""
    customers = dest or env.ref("stock.stock_location_customers")
    order = env["stock.picking"].create(
        {"picking_type_id": picking_type.id,
         "location_id": picking_type.warehouse_id.lot_stock_id.id,
         "location_dest_id": customers.id,
         "move_ids": [(0, 0, {"name": product.name, "product_id": product.id,
                              "product_uom_qty": qty, "location_id": source.id,
                              "location_dest_id": customers.id})
                      for product, source, qty in lines]}
    )  # fmt: skip
    order.action_confirm()
    order.action_assign()
    return order


class WmsCase(TransactionCase):
    """A small warehouse of our own: two aisles between a front and a back cross aisle,
    a pack station on the open floor, a few bins; behaviour is exercised as a floor
    supervisor or operator, never as admin."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supervisor = new_test_user(
            cls.env, login="wms_sup_t", groups="wms_execution.group_wms_supervisor"
        )
        cls.operator = new_test_user(
            cls.env, login="wms_op_t", groups="wms_execution.group_wms_operator"
        )
        # the building is set up by an administrator; the tests then act as floor staff
        env = cls.env
        cls.warehouse = env["stock.warehouse"].create({"name": "Test DC", "code": "TDC"})
        stock = cls.warehouse.lot_stock_id
        cls.zone_res = env["wms.zone"].create(
            {"name": "Reserve", "code": "RES", "kind": "reserve", "warehouse_id": cls.warehouse.id,
             "location_id": stock.id}
        )  # fmt: skip
        cls.zone_pack = env["wms.zone"].create(
            {"name": "Packing", "code": "PACK", "kind": "pack", "warehouse_id": cls.warehouse.id}
        )
        cls.aisle_1, cls.aisle_2 = env["wms.aisle"].create(
            [
                {"name": name, "warehouse_id": cls.warehouse.id, "zone_id": cls.zone_res.id,
                 "x_m": x, "y_start_m": 12.0, "y_end_m": 52.0}
                for name, x in (("R01", 4.0), ("R02", 10.0))
            ]
        )  # fmt: skip
        env["wms.cross.aisle"].create(
            [
                {"name": "Front", "y_m": 12.0, "warehouse_id": cls.warehouse.id},
                {"name": "Back", "y_m": 52.0, "warehouse_id": cls.warehouse.id},
            ]
        )
        cls.bin_near, cls.bin_far, cls.bin_other_aisle = cls.make_bins(
            [("R01-01-1L", cls.aisle_1, 2.4, 14.0), ("R01-12-1L", cls.aisle_1, 2.4, 48.0),
             ("R02-12-1R", cls.aisle_2, 11.6, 48.0)]
        )  # fmt: skip
        cls.pack_station = env["stock.location"].create(
            {"name": "P1", "location_id": stock.id, "usage": "internal",
             "wms_zone_id": cls.zone_pack.id, "wms_has_coordinates": True,
             "wms_x_m": 4.0, "wms_y_m": 6.0}
        )  # fmt: skip
        cls.warehouse.wms_pack_location_id = cls.pack_station

    @classmethod
    def make_bins(cls, rows):
        return cls.env["stock.location"].create(
            [
                {"name": name, "location_id": cls.warehouse.lot_stock_id.id, "usage": "internal",
                 "wms_zone_id": cls.zone_res.id, "wms_aisle_id": aisle.id,
                 "wms_has_coordinates": True, "wms_x_m": x, "wms_y_m": y}
                for name, aisle, x, y in rows
            ]
        )  # fmt: skip


class ScanCase(WmsCase):
    """An order of 12 Hex Key Sets (``ITEM``) reserved from two bins: 4 in ``BIN``
    (R01-01-1L), the rest in R0112 (R01-12-1L); the operator scans."""

    BIN, ITEM = "R0101", "0840000000019"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env, wh = cls.env, cls.warehouse
        (cls.bin_near | cls.bin_far).write({"barcode": False})
        cls.bin_near.barcode, cls.bin_far.barcode = cls.BIN, "R0112"
        cls.product = env["product.product"].create(
            {"name": "Hex Key Set", "is_storable": True, "barcode": cls.ITEM}
        )
        env["stock.quant"]._update_available_quantity(cls.product, cls.bin_near, 4)
        env["stock.quant"]._update_available_quantity(cls.product, cls.bin_far, 10)
        wh.out_type_id.auto_batch = False
        cls.order = reserved_order(env, wh.out_type_id, [(cls.product, wh.lot_stock_id, 12)])
        cls.scan = env["wms.scan"].with_user(cls.operator)
