# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""API keys a partner's system polls or posts with (``Authorization: Bearer <key>``):
issued on a record, shown once, kept as a hash with the company it was issued in and
when. The record holds three fields named from a prefix: ``<prefix>_token_hash``,
``<prefix>_company_id`` and ``<prefix>_token_date``."""

from odoo import _, fields
from odoo.exceptions import AccessError

from stockops.tokens import new_token, token_hash


def issue_key(record, prefix, groups, refusal, title, message):
    """Issue ``record`` a new key (revoking the previous one) if the user is in one of
    ``groups`` (else AccessError ``refusal``), and the notification that shows it once:
    ``message`` is a translated text with ``%(token)s`` and ``%(company)s``."""
    record.ensure_one()
    user = record.env.user
    if not any(user.has_group(group) for group in groups):
        raise AccessError(refusal)
    token = new_token()
    company = record.env.company
    record.sudo().write({
        f"{prefix}_token_hash": token_hash(token),
        f"{prefix}_company_id": company.id,
        f"{prefix}_token_date": fields.Datetime.now(),
    })  # fmt: skip
    text = message % {"token": token, "company": company.name}
    return {
        "type": "ir.actions.client",
        "tag": "display_notification",
        "params": {"title": title or _("Key issued"), "message": text, "sticky": True},
    }


def key_holder(model, prefix, token):
    """The record of ``model`` whose key is ``token`` (an empty recordset if none)."""
    if not token:
        return model.browse()
    return model.sudo().search([(f"{prefix}_token_hash", "=", token_hash(token))], limit=1)
