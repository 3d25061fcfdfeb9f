/** @odoo-module **/
// An operator counts a bin blind on the scan screen.
import { registry } from "@web/core/registry";

function scan(code) {
    return function () {
        const input = document.querySelector(".o_wms_scan_input");
        input.value = code;
        input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    };
}

registry.category("web_tour.tours").add("wms_scan_count", {
    steps: () => [
        { content: "Start a count", trigger: ".o_wms_scan_count", run: "click" },
        { content: "Scan the bin", trigger: ".o_wms_scan_input", run: scan("C0101") },
        { content: "Asked for a product", trigger: ".o_wms_scan_ok:contains('blind count')" },
        { content: "Scan the product", trigger: ".o_wms_scan_input", run: scan("0840000000033") },
        { content: "Type what is there", trigger: ".o_wms_scan_input", run: scan("7") },
        { content: "Counted", trigger: ".o_wms_scan_ok:contains('Counted 7')" },
    ],
});
