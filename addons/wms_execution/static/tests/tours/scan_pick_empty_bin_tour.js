/** @odoo-module **/
// The bin is empty: the picker has no unit to scan. "Bin empty" confirms the whole line
// short on the scan screen; the line is then asked from the other bin that holds it.
import { registry } from "@web/core/registry";
import { scan } from "./scan_tour_tools";

registry.category("web_tour.tours").add("wms_scan_pick_empty_bin", {
    steps: () => [
        { content: "Open the pick flow", trigger: ".o_wms_scan_flow_pick", run: "click" },
        { content: "Choose the order", trigger: ".o_wms_scan_picking:contains('EMPTY/PICK')", run: "click" },
        { content: "The line shows its bin", trigger: ".o_wms_scan_where:contains('E01-01-1L')" },
        { content: "Scan the bin", trigger: ".o_wms_scan_input", run: scan("E0101") },
        { content: "Asked for the product", trigger: ".o_wms_scan_ok:contains('Scan Drain Plug')" },
        { content: "Nothing is there", trigger: ".o_wms_scan_bin_empty", run: "click" },
        { content: "Asked to confirm the short", trigger: ".o_wms_scan_error:contains('Bin empty?')" },
        { content: "Confirm the short pick", trigger: ".o_wms_scan_confirm_short", run: "click" },
        { content: "Nothing posted, all short", trigger: ".o_wms_scan_ok:contains('Posted 0 (2 short: exception opened)')" },
        { content: "The line comes from the other bin", trigger: ".o_wms_scan_where:contains('E01-02-1L')" },
    ],
});
