# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Carrier Dispatch",
    "summary": "Carrier services and daily cut-off times for the warehouse's shipping docks",
    "version": "18.0.1.0.0",
    "category": "Inventory/Delivery",
    "website": "https://github.com/stockops/stockops",
    "author": "stockops",
    "license": "LGPL-3",
    "application": False,
    "installable": True,
    "depends": ["stock_delivery", "wms_execution"],
    "external_dependencies": {"python": ["stockops"]},
    "data": ["views/delivery_carrier_views.xml"],
    "demo": ["demo/carrier_dispatch_demo.xml"],
}
