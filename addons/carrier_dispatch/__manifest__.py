# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Carrier Dispatch",
    "summary": "REST and SOAP carrier connectors, rate shopping, per-parcel labels and "
    "tracking, retry queue, dock doors, loading lists and cut-offs",
    "version": "18.0.1.1.0",
    "category": "Inventory/Delivery",
    "website": "https://github.com/stockops/stockops",
    "author": "stockops",
    "license": "LGPL-3",
    "application": False,
    "installable": True,
    "depends": ["stock_delivery", "sale_stock", "wms_execution"],
    "external_dependencies": {"python": ["stockops", "zeep", "requests"]},
    "data": [
        "security/ir.model.access.csv",
        "data/ir_cron.xml",
        "views/delivery_carrier_views.xml",
        "views/dispatch_parcel_views.xml",
        "views/dispatch_dock_views.xml",
        "views/stock_picking_views.xml",
        "views/stock_quant_package_views.xml",
        "views/stock_warehouse_views.xml",
        "views/res_partner_views.xml",
        "views/carrier_dispatch_menus.xml",
    ],
    "demo": ["demo/carrier_dispatch_demo.xml"],
}
