# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import hashlib
import secrets

from odoo import _, fields, models
from odoo.exceptions import AccessError


def token_hash(token):
    """How a notice token is stored: its SHA-256 (a token is 32 random bytes, so no salt
    is needed to make guessing it from the hash hopeless)."""
    return hashlib.sha256(token.encode()).hexdigest()


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
        self.ensure_one()
        if not self.env.user.has_group("wms_execution.group_wms_supervisor"):
            raise AccessError(_("Only a warehouse supervisor issues a vendor's notice token."))
        token = secrets.token_urlsafe(32)
        self.sudo().write({
            "wms_asn_token_hash": token_hash(token),
            "wms_asn_company_id": self.env.company.id,
            "wms_asn_token_date": fields.Datetime.now(),
        })  # fmt: skip
        message = _(
            "Notice token of %(vendor)s for %(company)s — copy it now, it is not shown "
            "again: %(token)s",
            vendor=self.display_name,
            company=self.env.company.name,
            token=token,
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {"title": _("Notice token issued"), "message": message, "sticky": True},
        }

    def _wms_asn_vendor(self, token):
        """The vendor whose notice token is ``token`` (an empty recordset if none)."""
        if not token:
            return self.browse()
        return self.sudo().search([("wms_asn_token_hash", "=", token_hash(token))], limit=1)
