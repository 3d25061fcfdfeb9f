/** @odoo-module **/
// A supervisor opens the scorecard from Inventory ▸ Reporting, picks a warehouse, sees
// both sides coloured, and clicks the fill rate to land on the delivery lines behind it.
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("wms_execution_scorecard", {
    url: "/odoo/action-stock.stock_picking_type_action",
    steps: () => [
        {
            content: "Open Inventory ▸ Reporting",
            trigger: "[data-menu-xmlid='stock.menu_warehouse_report']",
            run: "click",
        },
        {
            content: "Open the scorecard",
            trigger: "[data-menu-xmlid='wms_execution.menu_wms_scorecard']",
            run: "click",
        },
        {
            content: "Choose the warehouse",
            trigger: "select.o_wms_scorecard_warehouse",
            run: "selectByLabel Scorecard Tour DC",
        },
        {
            content: "Look at the months",
            trigger: ".o_wms_scorecard_period[data-period='month']",
            run: "click",
        },
        {
            content: "The month to date is shown",
            trigger: ".o_wms_scorecard_period.btn-primary[data-period='month']",
        },
        {
            content: "Back to the weeks",
            trigger: ".o_wms_scorecard_period[data-period='week']",
            run: "click",
        },
        {
            content: "The floor side shows on time in full, off target",
            trigger:
                ".o_wms_scorecard_side[data-side='floor'] .o_wms_scorecard_card.o_wms_status_bad[data-kpi='otif'] .o_wms_scorecard_figure:contains('50.0 %')",
        },
        {
            content: "The policy side shows the fill rate, off target, and click it",
            trigger:
                ".o_wms_scorecard_side[data-side='policy'] .o_wms_scorecard_card.o_wms_status_bad[data-kpi='fill_rate'] .o_wms_scorecard_figure:contains('90.0 %')",
            run: "click",
        },
        {
            content: "The records behind the fill rate: the delivery lines of the week",
            trigger: ".o_breadcrumb:contains('Fill rate')",
        },
        {
            content: "Both deliveries are there, the one shipped short too",
            trigger: ".o_list_view .o_data_row:contains('STOUR/OUT/00002')",
        },
        {
            content: "Two lines: 10 of 10 shipped, 8 of 10 shipped",
            trigger: ".o_list_view:has(.o_data_row:nth-child(2)):not(:has(.o_data_row:nth-child(3)))",
        },
    ],
});
