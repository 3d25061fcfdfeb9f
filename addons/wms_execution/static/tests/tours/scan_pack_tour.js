/** @odoo-module **/
// A packer packs an order on the scan screen: three units into a carton, the carton
// closed by its ID and weighed; 8 kg against 6.5 kg expected stops it, 6.6 kg passes
// and posts it.
import { registry } from "@web/core/registry";
import { scan, scanShown } from "./scan_tour_tools";

registry.category("web_tour.tours").add("wms_scan_pack", {
    steps: () => [
        { content: "Open the pack flow", trigger: ".o_wms_scan_flow_pack", run: "click" },
        { content: "Choose the order", trigger: ".o_wms_scan_picking:contains('PKT/OUT')", run: "click" },
        { content: "Asked for a carton", trigger: ".o_wms_scan_message:contains('Take a carton')" },
        { content: "Scan the carton type", trigger: ".o_wms_scan_input", run: scan("CTN-T1") },
        { content: "Label it", trigger: ".o_wms_scan_ok:contains('Label the carton')" },
        { content: "Scan a unit", trigger: ".o_wms_scan_input", run: scan("0840000000033") },
        { content: "Two left", trigger: ".o_wms_scan_ok:contains('2 left to pack')" },
        { content: "Scan a unit", trigger: ".o_wms_scan_input", run: scan("0840000000033") },
        { content: "One left", trigger: ".o_wms_scan_ok:contains('1 left to pack')" },
        { content: "Scan a unit", trigger: ".o_wms_scan_input", run: scan("0840000000033") },
        { content: "All packed", trigger: ".o_wms_scan_ok:contains('All packed')" },
        { content: "Close the carton", trigger: ".o_wms_scan_close_carton", run: "click" },
        { content: "Asked for its ID", trigger: ".o_wms_scan_message:contains('scan its ID label')" },
        { content: "Scan the carton's ID", trigger: ".o_wms_scan_carton_name", run: scanShown(".o_wms_scan_carton_name") },
        { content: "Asked to weigh it", trigger: ".o_wms_scan_ok:contains('expected 6.50 kg')" },
        { content: "The scale reads 8 kg", trigger: ".o_wms_scan_input", run: scan("8") },
        { content: "Stopped", trigger: ".o_wms_scan_error:contains('Stopped')" },
        { content: "Checked, weighed again", trigger: ".o_wms_scan_input", run: scan("6.6") },
        { content: "Verified and posted", trigger: ".o_wms_scan_ok:contains('verified')" },
    ],
});
