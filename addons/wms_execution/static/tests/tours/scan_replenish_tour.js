/** @odoo-module **/
// An operator tops up a forward slot: from the reserve bin, carried to the slot; a wrong
// slot is refused.
import { registry } from "@web/core/registry";
import { scan } from "./scan_tour_tools";

registry.category("web_tour.tours").add("wms_scan_replenish", {
    steps: () => [
        { content: "Open the replenish flow", trigger: ".o_wms_scan_flow_replenish", run: "click" },
        { content: "Choose the top-up", trigger: ".o_wms_scan_picking:contains('RPL/INT')", run: "click" },
        { content: "Go to the reserve bin", trigger: ".o_wms_scan_where:contains('R01-12-1L')" },
        { content: "Scan it", trigger: ".o_wms_scan_input", run: scan("R0112") },
        { content: "Asked for the product", trigger: ".o_wms_scan_ok:contains('Scan Shop Towels')" },
        { content: "Scan the product", trigger: ".o_wms_scan_input", run: scan("0840000000057") },
        { content: "Asked how many", trigger: ".o_wms_scan_ok:contains('How many')" },
        { content: "All of them", trigger: ".o_wms_scan_input", run: scan("") },
        { content: "Carry them", trigger: ".o_wms_scan_ok:contains('Carry 12 to F01-01')" },
        { content: "Scan the wrong slot", trigger: ".o_wms_scan_input", run: scan("R0112") },
        { content: "It is refused", trigger: ".o_wms_scan_error:contains('Wrong slot')" },
        { content: "Scan the slot", trigger: ".o_wms_scan_input", run: scan("F0101") },
        { content: "Posted", trigger: ".o_wms_scan_ok:contains('Posted 12')" },
    ],
});
