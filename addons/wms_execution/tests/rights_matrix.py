# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The suite's declared rights: for every model the four addons define, what each role may
do with its records (r read, w write, c create, u delete; - nothing), and the protected
actions a model enforces beyond them. ``test_rights_matrix`` checks the live access rights
of a user of each role against it and fails on a suite model without a row; the table in
``readme/CONFIGURE.md`` is :func:`markdown` (``python3 rights_matrix.py`` prints it).

No import of Odoo here: the readme is made from this file alone."""

#: role: (its group's XML id, what the readme calls it)
ROLES = {
    "operator": ("wms_execution.group_wms_operator", "Operator"),
    "supervisor": ("wms_execution.group_wms_supervisor", "Supervisor"),
    "planner": ("stock_policy.group_inventory_planner", "Planner"),
    "stock_user": ("stock.group_stock_user", "Stock user"),
    "internal": ("base.group_user", "Internal user"),
    "portal": ("base.group_portal", "Portal"),
    "inventory_admin": ("stock.group_stock_manager", "Inventory admin"),
}

_READ = {"operator": "r", "supervisor": "r", "planner": "r", "stock_user": "r",
         "internal": "-", "portal": "-", "inventory_admin": "r"}  # fmt: skip


def _row(**changes):
    """Every stock role reads, nobody else does; ``changes`` give a role more."""
    return {**_READ, **changes}


#: a notice is taken whole (an import, a vendor's post) and then only read
_NOTICE = {"operator": "rc", "supervisor": "rc", "planner": "rc", "stock_user": "rc",
           "inventory_admin": "rwcu"}  # fmt: skip

#: model: {role: letters}
MATRIX = {
    # carrier_dispatch: the flows write parcels, scans, quotes and manifests
    "dispatch.carrier.service": _row(inventory_admin="rwcu"),
    "dispatch.dock": _row(inventory_admin="rwcu"),
    "dispatch.dock.appointment": _row(supervisor="rwcu", inventory_admin="rwcu"),
    "dispatch.manifest": _row(),
    "dispatch.parcel": _row(),
    "dispatch.quote": _row(),
    "dispatch.tracking.event": _row(),
    # stock_policy: the planner's settings and the policy runs' results
    "stock.policy.abc": _row(planner="rwcu", inventory_admin="rwcu"),
    "stock.policy.abc.change": _row(planner="rc", inventory_admin="rc"),
    "stock.policy.ageing": _row(planner="rwcu", inventory_admin="rwcu"),
    "stock.policy.channel.allocation": _row(planner="rwcu", inventory_admin="rwcu"),
    "stock.policy.channel.atp": _row(),
    "stock.policy.count.result": _row(),
    "stock.policy.exclusion": _row(planner="rwcu", inventory_admin="rwcu"),
    "stock.policy.expiry": _row(planner="rwcu", inventory_admin="rwcu"),
    "stock.policy.legacy.demand": _row(planner="rwcu", inventory_admin="rwcu"),
    "stock.policy.profile": _row(planner="rwcu", inventory_admin="rwcu"),
    "stock.policy.rebalance": _row(planner="rwcu"),
    "stock.policy.run": _row(planner="rwc", inventory_admin="rwcu"),
    # wms_execution: the layout is the supervisor's; the floor's records its flows'
    "wms.aisle": _row(supervisor="rwcu", inventory_admin="rwcu"),
    "wms.carton.suggestion": {**_row(), **dict.fromkeys(
        ("operator", "supervisor", "planner", "stock_user", "inventory_admin"), "rw")},
    "wms.carton.suggestion.line": _row(),
    "wms.cross.aisle": _row(supervisor="rwcu", inventory_admin="rwcu"),
    "wms.event": _row(),
    "wms.exception": _row(operator="rwc", supervisor="rwcu"),
    "wms.inbound.notice": _row(**_NOTICE),
    "wms.inbound.notice.line": _row(**_NOTICE),
    "wms.inbound.notice.pallet": _row(**_NOTICE),
    "wms.kpi.change": _row(),
    "wms.kpi.threshold": _row(supervisor="rwcu", inventory_admin="rwcu"),
    "wms.kpi.value": _row(supervisor="rwcu", planner="rwcu", inventory_admin="rwcu"),
    "wms.reslot": _row(supervisor="rwcu"),
    "wms.reslot.line": _row(supervisor="rwcu"),
    "wms.scan.request": {**dict.fromkeys(ROLES, "-"), "operator": "r", "supervisor": "r"},
    "wms.zone": _row(supervisor="rwcu", inventory_admin="rwcu"),
    # wms_labor: people and their work
    "wms.operator": _row(supervisor="rwcu", inventory_admin="rwcu"),
    "wms.skill": _row(supervisor="rwcu", inventory_admin="rwcu"),
    "wms.staffing.line": _row(supervisor="rwcu", inventory_admin="rwcu"),
    "wms.task": _row(operator="rw", supervisor="rwc", inventory_admin="rwcu"),
    "wms.zone.hour": _row(supervisor="rwcu", inventory_admin="rwcu"),
}  # fmt: skip

#: (model, protected action, who may, the test that proves a non-admin cannot)
PROTECTED = [
    ("stock.quant", "approve a count variance over the tolerance, apply it without a recount",
     "Supervisor (inventory admin)", "stock_policy.test_policy_count_rights"),
    ("stock.warehouse.orderpoint", "set a reorder rule's run figures (forecast, target, "
     "achieved, proposal)", "the policy run only", "stock_policy.test_policy_service"),
    ("stock.policy.rebalance", "make, change or approve a rebalancing proposal into a "
     "transfer", "Planner (the policy run makes them)", "stock_policy.test_policy_network"),
    ("crm.team", "issue a sales channel's availability key (shown once, kept hashed)",
     "Planner, inventory admin", "stock_policy.test_policy_channels"),
    ("wms.task", "give a task to someone, change its state or its times",
     "Supervisor, inventory admin (an operator: Next task / Done / Release)",
     "wms_labor.test_task_rights"),
    ("stock.move.line", "give or clear a put-away override; who signed it",
     "Supervisor; the signature is written by the override only",
     "wms_execution.test_override_rights"),
    ("stock.picking", "give or clear an over-receipt reason; who signed it",
     "Supervisor; the signature is written by the override only",
     "wms_execution.test_override_rights"),
    ("wms.carton.suggestion", "make, delete or rewrite a suggested carton",
     "cartonization and the pack flow (a packer chooses the carton of a manual item)",
     "wms_execution.test_carton_rights"),
    ("dispatch.parcel", "set a parcel's status, tracking number or manifest",
     "booking, the carrier's tracking, voiding and Close Day",
     "carrier_dispatch.test_dispatch_rights"),
    ("dispatch.dock.appointment", "book, move or cancel a dock slot",
     "Supervisor, inventory admin", "carrier_dispatch.test_dispatch_rights"),
]  # fmt: skip

LETTERS = {"r": "read", "w": "write", "c": "create", "u": "delete"}


def markdown():
    """The matrix and the protected actions as the readme's tables."""
    roles = list(ROLES)
    lines = [
        "| Records | " + " | ".join(ROLES[r][1] for r in roles) + " |",
        "|---" * (len(roles) + 1) + "|",
    ]
    for model, row in MATRIX.items():
        lines.append(f"| `{model}` | " + " | ".join(row[r] for r in roles) + " |")
    lines += ["", "| Records | Protected action | Who may | Proven by |", "|---|---|---|---|"]
    for model, action, who, test in PROTECTED:
        lines.append(f"| `{model}` | {action} | {who} | `{test}` |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    import sys

    sys.stdout.write(markdown())
