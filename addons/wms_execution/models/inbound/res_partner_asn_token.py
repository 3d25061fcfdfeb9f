# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, fields, models
from odoo.addons.stock_policy.tools import api_keys


class ResPartner(models.Model):
    """A vendor's notice token: the vendor's system posts its advance ship notices with
    it (``Authorization: Bearer <token>``); only its hash is kept."""

    _inherit = "res.partner"

    wms_asn_token_hash = fields.Char(copy=False, groups="base.group_system", index=True)
    wms_asn_company_id = fields.Many2one(
        "res.company",
        "Notice Company",
        copy=False,
        readonly=True,
        help="The company whose warehouse the vendor's posted notices go to: the one the "
        "token was issued in (res.partner.action_wms_issue_asn_token).",
    )
    wms_asn_token_date = fields.Datetime(
        "Notice Token Issued", copy=False, readonly=True,
        help="When the current token was issued; issuing again revokes the previous one.",
    )  # fmt: skip

    def action_wms_issue_asn_token(self):
        """Issue the vendor a new notice token (revoking the previous one) and show it
        once: only its hash is stored. Supervisors only."""
        return api_keys.issue_key(
            self, "wms_asn", ["wms_execution.group_wms_supervisor"],
            _("Only a warehouse supervisor issues a vendor's notice token."),
            _("Notice token issued"),
            _("Notice token of %(vendor)s for %%(company)s — copy it now, it is not shown "
              "again: %%(token)s", vendor=self.display_name),
        )  # fmt: skip

    def _wms_asn_vendor(self, token):
        """The vendor whose notice token is ``token`` (an empty recordset if none)."""
        return api_keys.key_holder(self, "wms_asn", token)
