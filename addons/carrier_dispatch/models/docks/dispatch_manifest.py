# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from stockops.dispatch.carrier import CarrierUnavailable, DispatchError
from stockops.dispatch.manifest import ManifestLine, plan_manifest

from ..carriers.delivery_carrier_connector import DISPATCH_TYPES


class DispatchManifest(models.Model):
    """A carrier's end-of-day manifest at one warehouse: the parcels handed to its driver.
    Made by *Close Day* (any stock user may close the day), then read-only for everyone."""

    _name = "dispatch.manifest"
    _description = "Carrier Manifest"
    _order = "closed_at desc, id desc"

    name = fields.Char("Carrier Manifest", required=True, readonly=True)
    carrier_id = fields.Many2one("delivery.carrier", required=True, readonly=True, index=True)
    warehouse_id = fields.Many2one("stock.warehouse", required=True, readonly=True, index=True)
    company_id = fields.Many2one(related="warehouse_id.company_id", store=True)
    day = fields.Date(required=True, readonly=True)
    closed_at = fields.Datetime(required=True, readonly=True)
    user_id = fields.Many2one("res.users", "Closed By", readonly=True)
    parcel_ids = fields.One2many(
        "dispatch.parcel", "manifest_id", "Parcels Handed Over", readonly=True
    )
    parcel_count = fields.Integer("Parcels", readonly=True)
    shipment_count = fields.Integer("Shipments", readonly=True)
    weight_kg = fields.Float("Weight (kg)", digits=(16, 2), readonly=True)
    document_id = fields.Many2one("ir.attachment", "Manifest Document", readonly=True)
    reason = fields.Text(readonly=True)

    def action_open_document(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self.document_id.id}?download=true",
            "target": "new",
        }

    @api.model
    def _close_day(self, warehouse, carriers, day):
        """Close ``day`` for ``carriers`` at ``warehouse``: one manifest per carrier.

        Every labelled parcel of the warehouse not yet on a manifest goes on it (one read
        of them all); the carrier gets them in one call. Returns ``(manifests, failures)``
        where ``failures`` lists a line per carrier that could not close.
        """
        carriers = carriers.filtered(lambda c: c.delivery_type in DISPATCH_TYPES)
        parcels = self.env["dispatch.parcel"].search(
            [
                ("warehouse_id", "=", warehouse.id),
                ("carrier_id", "in", carriers.ids),
                ("manifest_id", "=", False),
                ("status", "!=", "cancelled"),
            ],
            order="picking_id, id",
        )
        manifests, failures = self.browse(), []
        for carrier in carriers:
            mine = parcels.filtered(lambda p, c=carrier: p.carrier_id == c)
            plan = plan_manifest(
                [ManifestLine(p.tracking_number, p.picking_id.name, p.status) for p in mine]
            )
            if not plan.shipments:
                failures.append(_("%(carrier)s: nothing to hand over.", carrier=carrier.name))
                continue
            try:
                answer = carrier._dispatch_client().manifest(day, plan.shipments)
            except CarrierUnavailable as exc:
                failures.append(
                    _(
                        "%(carrier)s is unavailable, try again later: %(msg)s",
                        carrier=carrier.name,
                        msg=exc.message,
                    )
                )
                continue
            except DispatchError as exc:
                failures.append(
                    _("%(carrier)s refused: %(msg)s", carrier=carrier.name, msg=exc.message)
                )
                continue
            handed = mine.filtered(lambda p, n=set(answer.tracking_numbers): p.tracking_number in n)
            manifests |= self._record(warehouse, carrier, day, answer, plan, handed)
        return manifests, failures

    def _record(self, warehouse, carrier, day, answer, plan, parcels):
        document = self.env["ir.attachment"].create(
            {
                "name": f"Manifest-{carrier.name}-{answer.manifest_id}.pdf",
                "raw": answer.document,
                "mimetype": "application/pdf",
            }
        )
        # a manifest is what the carrier accepted: recorded by this flow only
        manifest = self.sudo().create(
            {
                "name": answer.manifest_id,
                "carrier_id": carrier.id,
                "warehouse_id": warehouse.id,
                "day": day,
                "closed_at": fields.Datetime.now(),
                "user_id": self.env.uid,
                "parcel_count": len(parcels),
                "shipment_count": len(parcels.picking_id),
                "weight_kg": sum(parcels.mapped("weight_kg")),
                "document_id": document.id,
                "reason": f"{answer.reason} ({plan.reason})",
            }
        )
        document.sudo().write({"res_model": self._name, "res_id": manifest.id})
        parcels.sudo().write({"manifest_id": manifest.id})
        return manifest.sudo(False)


class DispatchManifestClose(models.TransientModel):
    """Close the day: hand each carrier's labelled parcels over on one manifest."""

    _name = "dispatch.manifest.close"
    _description = "Close Day and Manifest"

    warehouse_id = fields.Many2one(
        "stock.warehouse",
        required=True,
        default=lambda self: self.env["stock.warehouse"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        ),
    )
    carrier_ids = fields.Many2many(
        "delivery.carrier",
        string="Carriers",
        domain=[("delivery_type", "in", DISPATCH_TYPES)],
        compute="_compute_carrier_ids",
        store=True,
        readonly=False,
        help="Carriers whose day is closed; by default those with parcels not yet manifested.",
    )
    day = fields.Date(
        required=True,
        compute="_compute_day",
        store=True,
        precompute=True,
        readonly=False,
        help="The site's day (the warehouse's clock), whoever closes it.",
    )
    waiting_count = fields.Integer("Parcels to Hand Over", compute="_compute_waiting_count")

    def _waiting(self):
        """{carrier: parcels not yet on a manifest} at the wizard's warehouse."""
        groups = self.env["dispatch.parcel"]._read_group(
            [
                ("warehouse_id", "=", self.warehouse_id.id),
                ("manifest_id", "=", False),
                ("status", "!=", "cancelled"),
                ("carrier_id.delivery_type", "in", DISPATCH_TYPES),
            ],
            ["carrier_id"],
            ["__count"],
        )
        return dict(groups)

    @api.depends("warehouse_id")
    def _compute_day(self):
        for wizard in self:
            wizard.day = (wizard.warehouse_id or wizard.env.company)._site_today()

    @api.depends("warehouse_id")
    def _compute_carrier_ids(self):
        for wizard in self:
            wizard.carrier_ids = [carrier.id for carrier in wizard._waiting()]

    @api.depends("warehouse_id", "carrier_ids")
    def _compute_waiting_count(self):
        for wizard in self:
            waiting = wizard._waiting()
            wizard.waiting_count = sum(waiting.get(c, 0) for c in wizard.carrier_ids._origin)

    def action_close(self):
        self.ensure_one()
        if not self.carrier_ids:
            raise UserError(
                _(
                    "No carrier has parcels waiting for a manifest at %s. Book shipments "
                    "first, or pick the carriers to close.",
                    self.warehouse_id.name,
                )
            )
        manifests, failures = self.env["dispatch.manifest"]._close_day(
            self.warehouse_id, self.carrier_ids, self.day
        )
        if not manifests:
            raise UserError(_("No manifest was made:\n%s", "\n".join(failures)))
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "carrier_dispatch.action_dispatch_manifest"
        )
        action["domain"] = [("id", "in", manifests.ids)]
        if not failures:
            return action
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": _("Some carriers were not closed"),
                "message": "\n".join(failures),
                "type": "warning",
                "sticky": True,
                "next": action,
            },
        }
