/** @odoo-module **/
// A receiver takes a truck pallet by pallet from its advance ship notice: a mixed pallet
// received whole and broken down, a pallet counted as noticed, the same pallet scanned
// again refused, a damaged pallet opening an exception; closing posts the receipt.
import { registry } from "@web/core/registry";
import { scan } from "./scan_tour_tools";

const SSCC_A = "106141412345678908";
const SSCC_B = "106141412345678915";
const SSCC_C = "106141412345678922";

registry.category("web_tour.tours").add("wms_scan_receive_pallets", {
    steps: () => [
        { content: "Open the receive flow", trigger: ".o_wms_scan_flow_receive", run: "click" },
        { content: "Scan the notice number", trigger: ".o_wms_scan_input", run: scan("ASN-T26") },
        { content: "The receipt asks for pallets", trigger: ".o_wms_scan_ok:contains('scan a pallet')" },
        { content: "Three pallets are expected", trigger: ".o_wms_scan_pallets tr:nth-child(3)" },
        { content: "Scan the mixed pallet's label", trigger: ".o_wms_scan_input", run: scan("00" + SSCC_A) },
        { content: "Received, broken down", trigger: ".o_wms_scan_ok:contains('broken down by product')" },
        { content: "The count differs?", trigger: ".o_wms_scan_pallet_count", run: "click" },
        { content: "Asked for the labels", trigger: ".o_wms_scan_message:contains('Scan each product')" },
        { content: "Scan the scanners' GTIN", trigger: ".o_wms_scan_input", run: scan("8712345000011") },
        { content: "Asked how many", trigger: ".o_wms_scan_ok:contains('How many')" },
        { content: "Two are there", trigger: ".o_wms_scan_input", run: scan("2") },
        { content: "Counted", trigger: ".o_wms_scan_ok:contains('2 counted')" },
        { content: "Scan the pallet", trigger: ".o_wms_scan_input", run: scan(SSCC_B) },
        { content: "As noticed: received whole", trigger: ".o_wms_scan_ok:contains('received whole')" },
        { content: "Scan it again", trigger: ".o_wms_scan_input", run: scan(SSCC_B) },
        { content: "Refused", trigger: ".o_wms_scan_error:contains('scanned twice')" },
        { content: "The last pallet is damaged", trigger: ".o_wms_scan_pallet_damaged", run: "click" },
        { content: "Flagged", trigger: ".o_wms_scan_pallet_damaged.btn-danger" },
        { content: "Scan the damaged pallet", trigger: ".o_wms_scan_input", run: scan(SSCC_C) },
        { content: "An exception is opened", trigger: ".o_wms_scan_error:contains('reported damaged')" },
        // rows in a tbody: Bootstrap colours a row's cells only through .table > tbody > tr > td
        { content: "Received pallets green", trigger: ".o_wms_scan_pallets > tbody > tr.table-success" },
        { content: "The exception pallet red", trigger: ".o_wms_scan_pallets > tbody > tr.table-danger" },
        { content: "Close the receipt", trigger: ".o_wms_scan_close_receipt", run: "click" },
        { content: "Posted", trigger: ".o_wms_scan_ok:contains('line(s) posted')" },
    ],
});
