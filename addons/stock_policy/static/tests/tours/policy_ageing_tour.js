/** @odoo-module **/
// A planner computes the stock ageing from the menu and reads one product's buckets.
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("stock_policy_ageing", {
    steps: () => [
        {
            content: "Open the Policy menu",
            trigger: ".o_menu_sections .dropdown-toggle:contains('Policy')",
            run: "click",
        },
        {
            content: "Compute the ageing now",
            trigger: ".dropdown-item:contains('Compute Stock Ageing')",
            run: "click",
        },
        { content: "The ageing list is filled", trigger: ".o_list_view .o_data_row" },
        { content: "Look for the bolts", trigger: ".o_searchview_input", run: "edit Tour Hex Bolts" },
        { trigger: ".o_searchview_autocomplete .o_menu_item:first", run: "click" },
        {
            content: "Value of the remaining layers: 10 @ 5 + 5 @ 7",
            trigger: ".o_list_footer .o_list_number:contains('85.00')",
        },
        {
            content: "Over 180 days: the first receipt",
            trigger: ".o_list_footer .o_list_number:contains('50.00')",
        },
        {
            content: "Open the row",
            trigger: ".o_data_row .o_data_cell:contains('Tour Hex Bolts')",
            run: "click",
        },
        {
            content: "Its reason is shown",
            trigger: ".o_form_view .o_field_widget[name=reason]:not(:empty)",
        },
    ],
});
