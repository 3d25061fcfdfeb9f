# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "WMS Execution",
    "summary": "Warehouse geometry, travel distances through the aisles and the ledger "
    "of confirmed floor hand-offs",
    "version": "18.0.1.0.0",
    "category": "Inventory/Inventory",
    "website": "https://github.com/stockops/stockops",
    "author": "stockops",
    "license": "LGPL-3",
    "application": False,
    "installable": True,
    "depends": [
        "stock_policy",
        "stock_picking_batch",
        "sale_stock",
        "barcodes",
        "product_dimension",
    ],
    "external_dependencies": {"python": ["stockops", "numpy"]},
    "data": [
        "security/wms_execution_security.xml",
        "security/ir.model.access.csv",
        "views/product_views.xml",
        "views/wms_zone_views.xml",
        "views/wms_aisle_views.xml",
        "views/stock_location_views.xml",
        "views/stock_warehouse_views.xml",
        "views/wms_event_views.xml",
        "views/wms_reslot_views.xml",
        "views/stock_receiving_views.xml",
        "views/wms_exception_views.xml",
        "views/wms_execution_menus.xml",
    ],
    "demo": ["demo/wms_execution_demo.xml"],
    "assets": {
        "web.assets_tests": ["wms_execution/static/tests/tours/*.js"],
    },
}
