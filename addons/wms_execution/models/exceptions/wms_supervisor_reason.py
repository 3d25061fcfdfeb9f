# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, models
from odoo.exceptions import AccessError

SUPERVISOR = "wms_execution.group_wms_supervisor"


class WmsSupervisorReason(models.AbstractModel):
    """A reason only a floor supervisor may give (an override of a rule), and who gave
    it: ``_wms_supervisor_reasons`` maps each reason field to its *by* field."""

    _name = "wms.supervisor.reason"
    _description = "Supervisor's reason for an override"
    _wms_supervisor_reasons = {}

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._wms_sign_reasons(vals)
        return super().create(vals_list)

    def write(self, vals):
        return super().write(self._wms_sign_reasons(dict(vals)))

    def _wms_sign_reasons(self, vals):
        """Refuse a reason, or clearing one, from anyone but a supervisor, and a *by* field
        written by hand: it is signed here only (in ``vals``) by who gives the reason."""
        supervisor = self.env.su or self.env.user.has_group(SUPERVISOR)
        for reason, by in self._wms_supervisor_reasons.items():
            if by in vals and not self.env.su:
                raise AccessError(
                    _("'%(by)s' is signed by the supervisor who gives '%(field)s'; it is "
                      "not written by hand.", by=self._fields[by].string,
                      field=self._fields[reason].string)
                )  # fmt: skip
            if reason not in vals:
                continue
            if not supervisor and (vals[reason] or any(self.mapped(reason))):
                raise AccessError(
                    _("Only a warehouse supervisor may give or clear '%(field)s'.",
                      field=self._fields[reason].string)
                )  # fmt: skip
            vals[by] = vals[reason] and self.env.uid
        return vals
