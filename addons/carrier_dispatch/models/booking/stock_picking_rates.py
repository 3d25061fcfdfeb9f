# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
from decimal import Decimal

from markupsafe import Markup

from odoo import _, fields, models
from odoo.exceptions import UserError

from stockops.dispatch.carrier import DispatchError
from stockops.dispatch.rates import RULES, shop_rates

from ..carriers.delivery_carrier_connector import DISPATCH_TYPES

_logger = logging.getLogger(__name__)


class StockPicking(models.Model):
    """Rate shopping at pack time: every carrier connector quotes the real cartons, the
    warehouse's rule chooses, the quotes are kept with the reason."""

    _inherit = "stock.picking"

    def _dispatch_deliver_by(self):
        # the packer needs the promise, not access to the sale order
        promised = self.sudo().sale_id.commitment_date or self.date_deadline
        return fields.Datetime.context_timestamp(self, promised).date() if promised else None

    def action_dispatch_shop_rates(self):
        """Ask every eligible carrier for the transfer's real parcels and choose by rule."""
        for picking in self:
            picking._dispatch_shop_rates()
        return True

    def _dispatch_shop_rates(self):
        self.ensure_one()
        if self.state in ("done", "cancel"):
            raise UserError(_("Shop rates before the transfer is done."))
        carriers = self.env["delivery.carrier"].search(
            [
                ("delivery_type", "in", DISPATCH_TYPES),
                ("company_id", "in", (False, self.company_id.id)),
            ]
        )
        if not carriers:
            raise UserError(_("No carrier connector is configured for %s.", self.company_id.name))
        reference = self.carrier_id if self.carrier_id in carriers else carriers[0]
        try:
            shipment, _packages = self._dispatch_shipment(reference)
            clients = [carrier._dispatch_client() for carrier in carriers]
        except DispatchError as exc:
            raise UserError(
                _("Cannot shop rates for %(picking)s: %(msg)s", picking=self.name, msg=exc.message)
            ) from exc
        rule = self.picking_type_id.warehouse_id.dispatch_rate_rule or "cheapest_on_time"
        if rule not in RULES:
            rule = "cheapest_on_time"
        try:
            decision = shop_rates(
                shipment,
                clients,
                rule=rule,
                deliver_by=self._dispatch_deliver_by(),
                timeout_s=max(carriers.mapped("dispatch_timeout_s") or [15.0]) * 2,
                currency=self.company_id.currency_id.name,
                fx=self._dispatch_fx(),
            )
        except DispatchError as exc:
            raise UserError(
                _("Cannot shop rates for %(picking)s: %(msg)s", picking=self.name, msg=exc.message)
            ) from exc
        self._dispatch_store_quotes(carriers, decision)
        return decision

    def _dispatch_fx(self):
        """Units of the company currency per unit of each active currency (Decimal)."""
        company = self.company_id
        currencies = self.env["res.currency"].search([])
        rates = currencies._get_rates(company, fields.Date.context_today(self))
        base = rates.get(company.currency_id.id) or 1.0
        return {c.name: _decimal(base / rates[c.id]) for c in currencies if rates.get(c.id)}

    def _dispatch_store_quotes(self, carriers, decision):
        # quotes are the rate shop's answer: replaced by this flow only
        self.check_access("write")
        self.dispatch_quote_ids.sudo().unlink()
        company_currency = self.company_id.currency_id
        currencies = {
            c.name: c
            for c in self.env["res.currency"]
            .with_context(active_test=False)
            .search([("name", "in", list({q.currency for q in decision.quotes}))])
        }
        fx = self._dispatch_fx()
        chosen_carrier = self.env["delivery.carrier"]
        vals = []
        for carrier, answer in zip(carriers, decision.answers, strict=True):
            for quote in answer.quotes:
                chosen = quote == decision.chosen
                if chosen:
                    chosen_carrier = carrier
                rate = fx.get(quote.currency)
                vals.append(
                    {
                        "picking_id": self.id,
                        "carrier_id": carrier.id,
                        "service_code": quote.service,
                        "service_name": quote.service_name,
                        "price": float(quote.price),
                        "currency_id": currencies.get(quote.currency, company_currency).id,
                        "price_company": float(quote.price * rate) if rate else 0.0,
                        "transit_days": quote.transit_days,
                        "delivery_date": quote.delivery_date,
                        "chosen": chosen,
                        "on_time": bool(decision.on_time) if chosen else False,
                        "reason": decision.reason if chosen else "",
                    }
                )
        self.env["dispatch.quote"].sudo().create(vals)
        values = {"dispatch_rate_reason": "\n".join([decision.reason, *decision.lines()])}
        if decision.chosen:
            values.update(
                carrier_id=chosen_carrier.id, dispatch_service_code=decision.chosen.service
            )
        self.write(values)
        self.message_post(body=Markup("<p>%s</p>") % decision.reason, message_type="notification")

    # -- pack time ------------------------------------------------------------------------------
    def _dispatch_shop_when_packed(self):
        """Shop rates for these deliveries now that they are packed; a failure is noted in
        the chatter and never stops the packing. Only deliveries already on a carrier
        connector are shopped: one on a fixed-price method the customer chose keeps it,
        one without a method waits for Shop Rates."""
        to_shop = self.filtered(
            lambda p: (
                p.picking_type_code == "outgoing"
                and p.state not in ("draft", "done", "cancel")
                and p.dispatch_state != "shipped"
                and p.picking_type_id.warehouse_id.dispatch_shop_when_packed
                and p.carrier_id.delivery_type in DISPATCH_TYPES
            )
        )
        for picking in to_shop:
            try:
                with self.env.cr.savepoint():
                    picking._dispatch_shop_rates()
            except UserError as exc:
                note = _("Rates not shopped at packing: %s", exc.args[0])
                picking.message_post(body=note, message_type="notification")
                _logger.info("%s: %s", picking.name, note)

    def _dispatch_fully_packed(self):
        lines = self.move_line_ids.filtered(lambda ml: ml.quantity)
        return bool(lines) and all(ml.result_package_id for ml in lines)

    def _post_put_in_pack_hook(self, package_id):
        """The last carton of a delivery is closed (type and weight set): shop its rates."""
        if (
            len(self) == 1
            and self.picking_type_code == "outgoing"
            and self._dispatch_fully_packed()
        ):
            self._dispatch_shop_when_packed()
        return super()._post_put_in_pack_hook(package_id)

    def _action_done(self):
        """A pack step done: its cartons are on the deliveries that follow; shop them."""
        result = super()._action_done()
        packed = self.filtered(
            lambda p: (
                p.state == "done"
                and p.picking_type_id == p.picking_type_id.warehouse_id.pack_type_id
            )
        )
        if packed:
            deliveries = packed.move_ids.move_dest_ids.picking_id
            deliveries._dispatch_shop_when_packed()
        return result


def _decimal(value):
    return Decimal(str(round(value, 10)))
