# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Stock Policy",
    "summary": "Inventory policy for planners: profiles for service level, review "
    "period and forecast horizon that drive reorder rules",
    "version": "18.0.1.0.0",
    "category": "Inventory/Inventory",
    "website": "https://github.com/stockops/stockops",
    "author": "stockops",
    "license": "LGPL-3",
    "application": False,
    "installable": True,
    "depends": ["stock_account", "purchase_stock", "resource"],
    "external_dependencies": {"python": ["stockops", "numpy", "xlsxwriter"]},
    "data": [
        "security/stock_policy_security.xml",
        "security/ir.model.access.csv",
        "data/ir_cron.xml",
        "views/stock_policy_profile_views.xml",
        "views/stock_warehouse_orderpoint_views.xml",
        "views/stock_policy_run_views.xml",
        "views/stock_policy_exclusion_views.xml",
        "views/stock_policy_legacy_demand_views.xml",
        "views/stock_policy_abc_views.xml",
        "views/stock_quant_views.xml",
        "views/product_template_views.xml",
        "views/stock_policy_ageing_views.xml",
        "views/stock_policy_menus.xml",
    ],
    "demo": ["demo/stock_policy_demo.xml"],
    "assets": {
        "web.assets_tests": ["stock_policy/static/tests/tours/*.js"],
    },
}
