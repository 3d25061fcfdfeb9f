/** @odoo-module **/
// An operator puts away a receipt line on the scan screen: four units into another bin
// than the suggested one (with a reason), the other six into the suggested bin.
import { registry } from "@web/core/registry";
import { scan, scanShown } from "./scan_tour_tools";

function scanTheOtherBin() {
    const suggested = document.querySelector(".o_wms_scan_where").textContent;
    scan(suggested.includes("R01-01-1L") ? "R01-12-1L" : "R01-01-1L")();
}

registry.category("web_tour.tours").add("wms_scan_putaway", {
    steps: () => [
        { content: "Open the put-away flow", trigger: ".o_wms_scan_flow_putaway", run: "click" },
        { content: "Asked for a unit", trigger: ".o_wms_scan_message:contains('Scan a unit')" },
        { content: "Scan a unit at the dock", trigger: ".o_wms_scan_input", run: scan("0840000000040") },
        { content: "Told where to go", trigger: ".o_wms_scan_ok:contains('Go to')" },
        { content: "And why", trigger: ".o_wms_scan_reason:contains('Directed put-away')" },
        { content: "Scan another bin", trigger: ".o_wms_scan_input", run: scanTheOtherBin },
        { content: "Asked why", trigger: ".o_wms_scan_error:contains('is not the suggested bin')" },
        { content: "The suggested bin is full", trigger: ".o_wms_scan_reason_full", run: "click" },
        { content: "Asked how many", trigger: ".o_wms_scan_ok:contains('How many into')" },
        { content: "Four fit", trigger: ".o_wms_scan_input", run: scan("4") },
        { content: "Posted", trigger: ".o_wms_scan_ok:contains('Put away 4')" },
        { content: "Scan the next unit", trigger: ".o_wms_scan_input", run: scan("0840000000040") },
        { content: "Told where to go", trigger: ".o_wms_scan_ok:contains('Go to')" },
        { content: "The rest", trigger: ".o_wms_scan_qty:contains('6')" },
        { content: "Scan the suggested bin", trigger: ".o_wms_scan_input", run: scanShown(".o_wms_scan_where") },
        { content: "Asked how many", trigger: ".o_wms_scan_ok:contains('How many into')" },
        { content: "All of them", trigger: ".o_wms_scan_all", run: "click" },
        { content: "Posted", trigger: ".o_wms_scan_ok:contains('Put away 6')" },
    ],
});
