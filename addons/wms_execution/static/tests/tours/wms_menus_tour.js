/** @odoo-module **/
// A floor supervisor opens the warehouse floor menus and sees placed bins, zones,
// aisles and the hand-off ledger.
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("wms_execution_floor_menus", {
    url: "/odoo/action-stock.stock_picking_type_action",
    steps: () => [
        {
            content: "Open the Warehouse Floor menu",
            trigger: "[data-menu-xmlid='wms_execution.menu_wms_floor']",
            run: "click",
        },
        {
            content: "Open the bins placed on the layout",
            trigger: "[data-menu-xmlid='wms_execution.menu_wms_bins']",
            run: "click",
        },
        {
            content: "Bins are grouped by zone: open the forward pick zone",
            trigger: ".o_group_header:contains('Forward Pick')",
            run: "click",
        },
        {
            content: "A forward bin shows its coordinates",
            trigger: ".o_data_row td[name='wms_y_m']:not(:empty)",
        },
        {
            content: "Back to the floor menu",
            trigger: "[data-menu-xmlid='wms_execution.menu_wms_floor']",
            run: "click",
        },
        {
            content: "Open the zones",
            trigger: "[data-menu-xmlid='wms_execution.menu_wms_zone']",
            run: "click",
        },
        {
            content: "The reserve zone is listed",
            trigger: ".o_data_row td[name='code']:contains('RES')",
        },
        {
            content: "Back to the floor menu",
            trigger: "[data-menu-xmlid='wms_execution.menu_wms_floor']",
            run: "click",
        },
        {
            content: "Open the aisles",
            trigger: "[data-menu-xmlid='wms_execution.menu_wms_aisle']",
            run: "click",
        },
        {
            content: "Reserve aisle R01 is listed",
            trigger: ".o_data_row td[name='name']:contains('R01')",
        },
        {
            content: "Back to the floor menu",
            trigger: "[data-menu-xmlid='wms_execution.menu_wms_floor']",
            run: "click",
        },
        {
            content: "Open the hand-off ledger",
            trigger: "[data-menu-xmlid='wms_execution.menu_wms_event']",
            run: "click",
        },
        {
            content: "The ledger lists confirmed hand-offs",
            trigger: ".o_data_row td[name='event_type']:contains('confirmed')",
        },
    ],
});
