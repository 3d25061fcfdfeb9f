/** @odoo-module **/
// An operator picks an order on the scan screen: a wrong bin is refused; the first line
// is taken whole; the second bin is short (1 of 2): confirmed short, the rest comes from
// another bin at once. At the end of the trip the units are put down at the packing
// zone; the page reloads there (a phone locked), and the pick flow opened again asks for
// that drop-off first: a wrong place is refused, the right one hands them to the pack step.
import { registry } from "@web/core/registry";
import { scan } from "./scan_tour_tools";

registry.category("web_tour.tours").add("wms_scan_pick", {
    steps: () => [
        { content: "Open the pick flow", trigger: ".o_wms_scan_flow_pick", run: "click" },
        { content: "Choose the order", trigger: ".o_wms_scan_picking:contains('TOUR/PICK')", run: "click" },
        { content: "The line shows its bin", trigger: ".o_wms_scan_where:contains('R01-01-1L')" },
        { content: "Scan the wrong bin", trigger: ".o_wms_scan_input", run: scan("R0112") },
        { content: "It is refused", trigger: ".o_wms_scan_error:contains('Wrong bin')" },
        { content: "Scan the right bin", trigger: ".o_wms_scan_input", run: scan("R0101") },
        { content: "Asked for the product", trigger: ".o_wms_scan_ok:contains('Scan Utility Knife')" },
        { content: "Scan the product", trigger: ".o_wms_scan_input", run: scan("0840000000026") },
        { content: "Asked how many", trigger: ".o_wms_scan_ok:contains('How many')" },
        { content: "Enter keeps the asked quantity", trigger: ".o_wms_scan_input", run: scan("") },
        { content: "Posted, next bin", trigger: ".o_wms_scan_ok:contains('Posted 3')" },
        { content: "The next line's bin", trigger: ".o_wms_scan_where:contains('R01-12-1L')" },
        { content: "Scan the bin", trigger: ".o_wms_scan_input", run: scan("R0112") },
        { content: "Asked for the tape", trigger: ".o_wms_scan_ok:contains('Scan Pipe Tape')" },
        { content: "Scan the tape", trigger: ".o_wms_scan_input", run: scan("0840000000033") },
        { content: "Asked how many", trigger: ".o_wms_scan_ok:contains('How many')" },
        { content: "Only one is there", trigger: ".o_wms_scan_input", run: scan("1") },
        { content: "Asked to confirm the short", trigger: ".o_wms_scan_error:contains('Only 1 of 2')" },
        { content: "Confirm the short pick", trigger: ".o_wms_scan_confirm_short", run: "click" },
        { content: "Posted short", trigger: ".o_wms_scan_ok:contains('1 short: exception opened')" },
        { content: "The rest comes from another bin", trigger: ".o_wms_scan_where:contains('R01-15-1L')" },
        { content: "Scan that bin", trigger: ".o_wms_scan_input", run: scan("R0115") },
        { content: "Asked for the tape", trigger: ".o_wms_scan_ok:contains('Scan Pipe Tape')" },
        { content: "Scan the tape", trigger: ".o_wms_scan_input", run: scan("0840000000033") },
        { content: "Asked how many", trigger: ".o_wms_scan_ok:contains('How many')" },
        { content: "Take the one asked", trigger: ".o_wms_scan_input", run: scan("") },
        { content: "The order is picked", trigger: ".o_wms_scan_ok:contains('Nothing left to do')" },
        { content: "Asked to drop off", trigger: ".o_wms_scan_drop .o_wms_scan_where:contains('Packing Zone')" },
        { content: "The phone reloads the page", trigger: ".o_wms_scan_drop", run: () => window.location.reload() },
        { content: "Open the pick flow again", trigger: ".o_wms_scan_flow_pick", run: "click" },
        { content: "The cart is remembered", trigger: ".o_wms_scan_ok:contains('still on the cart')" },
        { content: "Asked to drop off first", trigger: ".o_wms_scan_drop .o_wms_scan_where:contains('Packing Zone')" },
        { content: "Scan a bin instead", trigger: ".o_wms_scan_input", run: scan("R0101") },
        { content: "It is refused", trigger: ".o_wms_scan_error:contains('Wrong place')" },
        { content: "Scan the packing zone", trigger: ".o_wms_scan_input", run: scan("TOURPACK") },
        { content: "Handed on", trigger: ".o_wms_scan_ok:contains('Dropped off at')" },
    ],
});
