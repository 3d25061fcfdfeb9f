# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from stockops.execution.waves import CartLimits, MethodRules

_LIMITS, _RULES = CartLimits(), MethodRules()


class StockWarehouse(models.Model):
    """What a picking cart of this warehouse takes, and when an order is picked on its
    own, with others or zone by zone: the settings wave planning reads."""

    _inherit = "stock.warehouse"

    wms_cart_max_totes = fields.Integer(
        "Totes per Cart",
        default=_LIMITS.max_orders,
        help="Orders (or parts of a split order) a cart carries, one tote each.",
    )
    wms_cart_max_lines = fields.Integer("Lines per Cart", default=_LIMITS.max_lines)
    wms_cart_max_weight_kg = fields.Float(
        "Cart Load (kg)", digits=(10, 1), default=_LIMITS.max_weight_kg
    )
    wms_cart_max_volume_m3 = fields.Float(
        "Cart Volume (m³)", digits=(10, 3), default=_LIMITS.max_volume_m3
    )
    wms_batch_max_lines = fields.Integer(
        "Batch Orders Up To (lines)",
        default=_RULES.batch_max_lines,
        help="Orders with at most this many lines are batch-picked with other small orders.",
    )
    wms_discrete_min_lines = fields.Integer(
        "Discrete From (lines)",
        default=_RULES.discrete_min_lines,
        help="Orders with at least this many lines get a tour of their own; the orders in "
        "between are cluster-picked (several orders on one cart, one tote each).",
    )
    wms_zone_min_zones = fields.Integer(
        "Zone Picking From (zones)",
        default=_RULES.zone_min_zones,
        help="Orders whose lines span at least this many zones are picked zone by zone.",
    )

    @api.constrains(
        "wms_cart_max_totes",
        "wms_cart_max_lines",
        "wms_cart_max_weight_kg",
        "wms_cart_max_volume_m3",
        "wms_batch_max_lines",
        "wms_discrete_min_lines",
        "wms_zone_min_zones",
    )
    def _check_wave_settings(self):
        for wh in self:
            wh._wms_cart_limits()
            if wh.wms_batch_max_lines < 0 or wh.wms_discrete_min_lines < 1:
                raise ValidationError(
                    _("%(wh)s: pick-method thresholds must be positive line counts.", wh=wh.name)
                )
            if wh.wms_zone_min_zones < 1:
                raise ValidationError(
                    _("%(wh)s: zone picking needs at least 1 zone as threshold.", wh=wh.name)
                )

    def _wms_cart_limits(self, values=None):
        """The engine's cart limits from this warehouse (or ``values`` overriding them);
        ValidationError naming the limit that is not positive."""
        self.ensure_one()
        v = {
            "totes": self.wms_cart_max_totes,
            "lines": self.wms_cart_max_lines,
            "kg": self.wms_cart_max_weight_kg,
            "m3": self.wms_cart_max_volume_m3,
            **(values or {}),
        }
        labels = {"totes": _("totes"), "lines": _("lines"), "kg": _("kg"), "m3": _("m³")}
        for key, label in labels.items():
            if not v[key] or v[key] <= 0:
                raise ValidationError(
                    _(
                        "A cart must take more than 0 %(what)s (got %(value)s): set a positive "
                        "cart limit on %(wh)s (Layout tab) or in the wave planner.",
                        what=label,
                        value=v[key],
                        wh=self.name,
                    )
                )
        return CartLimits(int(v["totes"]), int(v["lines"]), float(v["kg"]), float(v["m3"]))

    def _wms_method_rules(self):
        self.ensure_one()
        return MethodRules(
            self.wms_batch_max_lines, self.wms_discrete_min_lines, self.wms_zone_min_zones
        )

    def _wms_wave_picking_type(self):
        """The operation that takes goods off the shelves: Pick in two or three steps,
        else Delivery."""
        self.ensure_one()
        if self.delivery_steps != "ship_only" and self.pick_type_id:
            return self.pick_type_id
        return self.out_type_id

    def _wms_depot(self):
        """Where pick tours start and end: the pack station."""
        self.ensure_one()
        if not self.wms_pack_location_id:
            raise UserError(
                _(
                    "%(wh)s has no pack station: set it on the warehouse's Layout tab, pick "
                    "tours start and end there.",
                    wh=self.name,
                )
            )
        return self.wms_pack_location_id._wms_point()
