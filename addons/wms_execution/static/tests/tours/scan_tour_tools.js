/** @odoo-module **/
// What the scan screen's tours share: a scan as a keyboard-wedge scanner sends it (the
// code, then Enter, into the scan input), and a scan of what the screen shows.

export function scan(code) {
    return function () {
        const input = document.querySelector(".o_wms_scan_input");
        input.value = code;
        input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    };
}

/** Scan the text of ``selector``'s last path part ("WH/Stock/R01-01-1L" -> "R01-01-1L"). */
export function scanShown(selector) {
    return function () {
        const text = document.querySelector(selector).textContent.trim();
        scan(text.split("/").pop().trim())();
    };
}
