/** @odoo-module **/
// An operator counts a bin blind on the scan screen.
import { registry } from "@web/core/registry";
import { scan } from "./scan_tour_tools";

registry.category("web_tour.tours").add("wms_scan_count", {
    steps: () => [
        { content: "Open the count flow", trigger: ".o_wms_scan_flow_count", run: "click" },
        { content: "Asked for a bin", trigger: ".o_wms_scan_message:contains('scan the bin')" },
        { content: "Scan the bin", trigger: ".o_wms_scan_input", run: scan("C0101") },
        { content: "Asked for a product", trigger: ".o_wms_scan_ok:contains('blind count')" },
        { content: "Scan the product", trigger: ".o_wms_scan_input", run: scan("0840000000033") },
        { content: "Asked how many", trigger: ".o_wms_scan_ok:contains('How many Pipe Tape')" },
        { content: "Type what is there", trigger: ".o_wms_scan_input", run: scan("7") },
        { content: "Counted", trigger: ".o_wms_scan_ok:contains('Counted 7')" },
        { content: "The bin is done", trigger: ".o_wms_scan_bin_done", run: "click" },
        { content: "Ready for the next bin", trigger: ".o_wms_scan_ok:contains('Bin counted')" },
    ],
});
