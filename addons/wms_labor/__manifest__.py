# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "WMS Labor",
    "summary": "Warehouse tasks queued by zone, assigned with interleaving, timed against "
    "engineered standards; operators with skills, equipment, home zone and shift",
    "version": "18.0.1.0.0",
    "category": "Inventory/Inventory",
    "website": "https://github.com/stockops/stockops",
    "author": "stockops",
    "license": "LGPL-3",
    "application": False,
    "installable": True,
    "depends": ["wms_execution", "stock_policy", "resource"],
    "external_dependencies": {"python": ["stockops"]},
    "data": [
        "security/ir.model.access.csv",
        "security/wms_labor_security.xml",
        "data/ir_cron.xml",
        "views/wms_operator_views.xml",
        "views/wms_labor_planning_views.xml",
        "views/wms_task_views.xml",
        "views/wms_labor_menus.xml",
    ],
    "demo": ["demo/wms_labor_demo.xml", "demo/wms_labor_floor_demo.xml"],
}
