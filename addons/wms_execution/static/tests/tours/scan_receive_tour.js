/** @odoo-module **/
// A receiver counts a receipt found by the vendor's delivery note: a product not on it and
// a count over what is expected are refused; one line short; closing posts the receipt.
import { registry } from "@web/core/registry";
import { scan } from "./scan_tour_tools";

registry.category("web_tour.tours").add("wms_scan_receive", {
    steps: () => [
        { content: "Open the receive flow", trigger: ".o_wms_scan_flow_receive", run: "click" },
        { content: "Scan the delivery note", trigger: ".o_wms_scan_input", run: scan("ASN-T1") },
        { content: "The receipt is open", trigger: ".o_wms_scan_ok:contains('scan a product and count it')" },
        { content: "Scan a product not on it", trigger: ".o_wms_scan_input", run: scan("0840000000057") },
        { content: "It is refused", trigger: ".o_wms_scan_error:contains('Wrong product')" },
        { content: "Scan the gloves", trigger: ".o_wms_scan_input", run: scan("0840000000019") },
        { content: "Asked how many", trigger: ".o_wms_scan_ok:contains('How many Nitrile Gloves')" },
        { content: "Count one too many", trigger: ".o_wms_scan_input", run: scan("6") },
        { content: "It is refused", trigger: ".o_wms_scan_error:contains('Quantity over')" },
        { content: "Count again", trigger: ".o_wms_scan_input", run: scan("5") },
        { content: "Asked for damage", trigger: ".o_wms_scan_ok:contains('damaged')" },
        { content: "None damaged", trigger: ".o_wms_scan_input", run: scan("") },
        { content: "Counted", trigger: ".o_wms_scan_ok:contains('Counted 5')" },
        { content: "Scan the tape", trigger: ".o_wms_scan_input", run: scan("0840000000026") },
        { content: "Asked how many", trigger: ".o_wms_scan_ok:contains('How many Duct Tape')" },
        { content: "Three are there", trigger: ".o_wms_scan_input", run: scan("3") },
        { content: "Asked for damage", trigger: ".o_wms_scan_ok:contains('damaged')" },
        { content: "None damaged", trigger: ".o_wms_scan_input", run: scan("") },
        { content: "Counted short", trigger: ".o_wms_scan_ok:contains('short')" },
        { content: "Close the receipt", trigger: ".o_wms_scan_close_receipt", run: "click" },
        { content: "Posted", trigger: ".o_wms_scan_ok:contains('2 line(s) posted')" },
    ],
});
