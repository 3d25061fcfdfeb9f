/** @odoo-module **/
// An operator counts bin R0101 with a handheld RFID reader: drill 1001 is read twice, drill
// 1003 (on the books in another bin) once; drill 1002 is missing.
import { registry } from "@web/core/registry";
import { scan } from "./scan_tour_tools";

const DRILL_1001 = "303531EDE40C0E40000003E9";
const DRILL_1003 = "303531EDE40C0E40000003EB";

registry.category("web_tour.tours").add("wms_scan_count_rfid", {
    steps: () => [
        { content: "Open the count flow", trigger: ".o_wms_scan_flow_count", run: "click" },
        { content: "Scan the bin", trigger: ".o_wms_scan_input", run: scan("R0101") },
        { content: "Asked for a product", trigger: ".o_wms_scan_ok:contains('blind count')" },
        { content: "Read a tag", trigger: ".o_wms_scan_input", run: scan(DRILL_1001) },
        { content: "One tag", trigger: ".o_wms_scan_ok:contains('1 tags read')" },
        { content: "Read it again", trigger: ".o_wms_scan_input", run: scan(DRILL_1001) },
        { content: "Read another", trigger: ".o_wms_scan_input", run: scan(DRILL_1003) },
        { content: "Two tags", trigger: ".o_wms_scan_ok:contains('2 tags read')" },
        { content: "Count them", trigger: ".o_wms_scan_count_tags", run: "click" },
        {
            content: "Expected against read",
            trigger: ".o_wms_scan_message:contains('1 matched, 1 missing, 1 unexpected')",
        },
        { content: "The missing drill", trigger: ".o_wms_scan_tags li:contains('serial 1002')" },
        {
            content: "The drill of another bin, named with where the books hold it",
            trigger: ".o_wms_scan_tags li:contains('Cordless Drill serial 1003 — on the books in')",
        },
        {
            content: "The batch counted as a warehouse person says it",
            trigger: ".o_wms_scan_list li:contains('1 of 2 expected tags read')",
        },
        { content: "The bin is done", trigger: ".o_wms_scan_bin_done", run: "click" },
        { content: "Ready for the next bin", trigger: ".o_wms_scan_ok:contains('Bin counted')" },
    ],
});
