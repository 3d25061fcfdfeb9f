/** @odoo-module **/
// An operator picks a line on the scan screen: a wrong bin is refused, then the right
// bin, the product and Enter (the asked quantity) post it.
import { registry } from "@web/core/registry";

function scan(code) {
    return function () {
        const input = document.querySelector(".o_wms_scan_input");
        input.value = code;
        input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    };
}

registry.category("web_tour.tours").add("wms_scan_pick", {
    steps: () => [
        { content: "Choose the order", trigger: ".o_wms_scan_picking:contains('TOUR/OUT')", run: "click" },
        { content: "The line shows its bin", trigger: ".o_wms_scan_where:contains('R01-01-1L')" },
        { content: "Scan the wrong bin", trigger: ".o_wms_scan_input", run: scan("R0112") },
        { content: "It is refused", trigger: ".o_wms_scan_error:contains('Wrong bin')" },
        { content: "Scan the right bin", trigger: ".o_wms_scan_input", run: scan("R0101") },
        { content: "Asked for the product", trigger: ".o_wms_scan_ok:contains('Scan')" },
        { content: "Scan the product", trigger: ".o_wms_scan_input", run: scan("0840000000026") },
        { content: "Asked how many", trigger: ".o_wms_scan_ok:contains('How many')" },
        { content: "Enter keeps the asked quantity", trigger: ".o_wms_scan_input", run: scan("") },
        { content: "Posted", trigger: ".o_wms_scan_ok:contains('Posted 3')" },
    ],
});
