# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.addons.stock_policy.tests.test_company_rules import suite_models
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import WmsCase


@tagged("post_install", "-at_install")
class TestCompanyData(WmsCase):
    """A second company with its own warehouse and a user holding every suite role there:
    they find, read and change nothing of the first company, model by model (every suite
    model with a company holds at least one record of the first company here)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.company_a = cls.warehouse.company_id
        cls.company_b = env["res.company"].create({"name": "Harbour Supplies B"})
        cls.warehouse_b = (
            env["stock.warehouse"]
            .with_company(cls.company_b)
            .create({"name": "Harbour DC", "code": "HBR", "company_id": cls.company_b.id})
        )
        cls.boss_b = new_test_user(
            env,
            login="boss_company_b",
            groups="wms_execution.group_wms_supervisor,stock_policy.group_inventory_planner,"
            "stock.group_stock_manager",
            company_id=cls.company_b.id,
            company_ids=[(6, 0, cls.company_b.ids)],
        )
        # company A's floor as its supervisor makes it: an exception and a general threshold
        cls.exception_a = (
            env["wms.exception"]
            .with_user(cls.supervisor)
            .create({"name": "Torn label", "kind": "damage", "warehouse_id": cls.warehouse.id})
        )
        cls.threshold_a = (
            env["wms.kpi.threshold"]
            .with_user(cls.supervisor)
            .create({"kpi": "otif", "good": 0.30, "warn": 0.20})
        )
        cls._fill_company_a()

    @classmethod
    def _fill_company_a(cls):
        """One record of company A in each suite model the demo and the floor above left
        empty, set up as an administrator would (the rules, not the flows, are tested)."""
        env, wh = cls.env, cls.warehouse
        product = env["product.product"].create({"name": "Hose Clamp", "is_storable": True})
        lot = env["stock.lot"].create({"name": "HC-1", "product_id": product.id})
        customers = env.ref("stock.stock_location_customers")
        picking = env["stock.picking"].create(
            {"picking_type_id": wh.out_type_id.id, "location_id": wh.lot_stock_id.id,
             "location_dest_id": customers.id}
        )  # fmt: skip
        reslot = env["wms.reslot"].create({"warehouse_id": wh.id, "zone_id": cls.zone_res.id})
        team = env["crm.team"].create({"name": "Channel A", "company_id": cls.company_a.id})
        build = {
            "stock.policy.abc": {"product_id": product.id, "warehouse_id": wh.id,
                                 "value_class": "A", "lines_class": "A", "xyz_class": "X"},
            "stock.policy.abc.change": {"product_id": product.id, "warehouse_id": wh.id,
                                        "date": "2030-01-07 08:00:00"},
            "stock.policy.ageing": {"company_id": cls.company_a.id, "product_id": product.id},
            "stock.policy.channel.allocation": {"team_id": team.id, "product_id": product.id,
                                                "warehouse_id": wh.id, "units": 1},
            "stock.policy.channel.atp": {"team_id": team.id, "product_id": product.id,
                                         "warehouse_id": wh.id, "date": "2030-01-07",
                                         "company_id": cls.company_a.id},
            "stock.policy.count.result": {"date": "2030-01-07 08:00:00",
                                          "product_id": product.id,
                                          "location_id": cls.bin_near.id,
                                          "company_id": cls.company_a.id},
            "stock.policy.exclusion": {"product_id": product.id, "date_from": "2030-01-01",
                                       "date_to": "2030-01-02"},
            "stock.policy.expiry": {"company_id": cls.company_a.id, "product_id": product.id,
                                    "lot_id": lot.id},
            "stock.policy.run": {},
            "stock.policy.rebalance": {"product_id": product.id, "source_warehouse_id": wh.id,
                                       "dest_warehouse_id": wh.id, "units": 1,
                                       "company_id": cls.company_a.id},
            "wms.kpi.value": {"warehouse_id": wh.id, "date_start": "2030-01-07",
                              "kpi": "otif"},
            "wms.reslot.line": {"reslot_id": reslot.id, "product_id": product.id,
                                "location_id": cls.bin_far.id,
                                "location_dest_id": cls.bin_near.id},
            "wms.scan.request": {"key": "company-a-key", "result": "{}"},
            # its pallet and line come with it
            "wms.inbound.notice": {"name": "ASN-A", "warehouse_id": wh.id, "source": "csv",
                                   "partner_id": env["res.partner"].create({"name": "V A"}).id,
                                   "pallet_ids": [(0, 0, {"sscc": "106141412345678939",
                                                          "line_ids": [(0, 0, {
                                                              "product_id": product.id,
                                                              "quantity": 1})]})]},
            "wms.carton.suggestion": {"picking_id": picking.id, "line_ids": [
                (0, 0, {"product_id": product.id, "quantity": 1})]},
            "wms.staffing.line": {"date": "2030-01-07", "warehouse_id": wh.id,
                                  "zone_id": cls.zone_res.id},
            "wms.zone.hour": {"zone_id": cls.zone_res.id, "hour": "2030-01-07 08:00:00"},
        }  # fmt: skip
        if "dispatch.parcel" in env:  # carrier_dispatch installed
            carrier = env["delivery.carrier"].create(
                {"name": "Company A Freight", "company_id": cls.company_a.id,
                 "product_id": env["product.product"].create(
                     {"name": "Freight", "type": "service"}).id}
            )  # fmt: skip
            parcel = env["dispatch.parcel"].create(
                {"picking_id": picking.id, "carrier_id": carrier.id, "tracking_number": "A1"}
            )
            build.update({
                "dispatch.carrier.service": {"carrier_id": carrier.id, "code": "STD",
                                             "name": "Standard"},
                "dispatch.manifest": {"name": "M-A", "carrier_id": carrier.id,
                                      "warehouse_id": wh.id, "day": "2030-01-07",
                                      "closed_at": "2030-01-07 18:00:00"},
                "dispatch.quote": {"picking_id": picking.id, "carrier_id": carrier.id,
                                   "service_code": "STD",
                                   "currency_id": cls.company_a.currency_id.id},
                "dispatch.tracking.event": {"parcel_id": parcel.id,
                                            "date": "2030-01-07 09:00:00",
                                            "status": "in_transit"},
                "dispatch.dock": {"name": "Door A", "warehouse_id": wh.id},
            })  # fmt: skip
        for name, vals in build.items():
            if not env[name].search_count([("company_id", "=", cls.company_a.id)], limit=1):
                env[name].create(vals)

    def test_new_floor_records_take_their_company(self):
        self.assertEqual(self.exception_a.company_id, self.company_a)
        self.assertEqual(self.threshold_a.company_id, self.company_a, "the creator's company")
        self.assertEqual(self.aisle_1.company_id, self.company_a)
        reported = (
            self.env["wms.exception"]
            .with_user(self.boss_b)
            .create({"name": "Wet carton", "kind": "damage"})
        )
        self.assertEqual(reported.company_id, self.company_b, "no warehouse: the reporter's")

    def test_a_general_threshold_colours_only_its_own_company(self):
        kpis = self.env["wms.kpi.value"]
        self.assertEqual(kpis._thresholds(self.warehouse)["otif"], (0.30, 0.20))
        default = kpis._kpi_specs()["otif"]
        self.assertEqual(kpis._thresholds(self.warehouse_b)["otif"], (default.good, default.warn))

    def test_a_user_of_company_b_reads_and_writes_nothing_of_company_a(self):
        checked, leaks = [], []
        for name in sorted(suite_models(self.env)):
            field = self.env[name]._fields.get("company_id")
            if not (field and field.store):
                continue  # shared by every company, with its reason (test_company_rules)
            theirs = self.env[name].sudo().search([("company_id", "=", self.company_a.id)])
            if not theirs:
                continue
            checked.append(name)
            mine = self.env[name].with_user(self.boss_b)
            if mine.has_access("read") and mine.search([("id", "in", theirs.ids)]):
                leaks.append(f"{name}: found")
            for operation in ("read", "write", "unlink"):
                if not mine.has_access(operation):
                    continue  # not even the role may
                try:
                    mine.browse(theirs.ids).check_access(operation)
                except AccessError:
                    continue
                leaks.append(f"{name}: {operation}")
        models = [
            name
            for name, model in suite_models(self.env).items()
            if "company_id" in model._fields and model._fields["company_id"].store
        ]
        self.assertEqual(sorted(set(models) - set(checked)), [], "models left empty in A")
        self.assertEqual(leaks, [], "company A's records a company B user reached")
        with self.assertRaises(AccessError):
            self.exception_a.with_user(self.boss_b).write({"name": "changed from B"})
