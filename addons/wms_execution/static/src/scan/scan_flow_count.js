/** @odoo-module **/
// Count: scan the bin, then each product found there and the number counted. Blind: the
// screen never shows what the system expects. Each count goes through the variance
// workflow (held for a recount or an approval when off tolerance). Steps: bin, product, qty.
// An RFID tag read at the product step starts a tag batch (step tags): every tag read is
// kept (repeats too, the server counts a tag once) until "Count these tags" counts the bin
// by serial: missing and unexpected tags listed.
import { registry } from "@web/core/registry";
import { _t } from "@web/core/l10n/translation";
import { ScanFlow, short } from "./scan_flow";

/** Whether a scan is an RFID tag (24 hex digits, SGTIN-96/SSCC-96 header or a hex letter). */
export function isEpc(code) {
    const text = String(code).replace(/\s/g, "");
    return /^[0-9A-Fa-f]{24}$/.test(text) && (/^3[01]/.test(text) || /[A-Fa-f]/.test(text));
}

export class CountFlow extends ScanFlow {
    static key = "count";
    static numericSteps = ["qty"];

    async start(task) {
        this.data.counted = [];
        if (task && task.location_barcode) {
            await this.on_bin(task.location_barcode);
            return;
        }
        this.go("bin", _t("Count: scan the bin"));
    }

    async on_bin(code) {
        const where = await this.call("resolve", code);
        if (where.type !== "location") {
            this.fail(_t("%s is not a bin: scan the bin's label.", code));
            return;
        }
        Object.assign(this.data, {
            bin: code,
            binName: short(where.name),
            counted: [],
            tagsResult: null,
        });
        this.go("product", _t("%s: scan a product (blind count)", short(where.name)), "ok");
    }

    async on_product(code) {
        if (isEpc(code)) {
            Object.assign(this.data, { tags: [], tagsResult: null, pending: null });
            this.on_tags(code);
            return;
        }
        const what = await this.call("resolve", code);
        if (what.type !== "product") {
            this.fail(what.note || _t("Unknown barcode %s: scan the product's label.", code));
            return;
        }
        Object.assign(this.data, { product: code, productName: what.name, pending: null });
        this.go("qty", _t("How many %s are there?", what.name), "ok");
    }

    async on_qty(code) {
        const qty = this.quantity(code);
        if (Number.isNaN(qty) || qty < 0) {
            this.fail(_t("Type the number you counted, then Enter."));
            return;
        }
        const data = this.data;
        data.pending = data.pending || this.newKey("count");
        const result = await this.call("count", data.bin, data.product, qty, data.pending);
        data.pending = null;
        if (!result.ok) {
            this.fail(result.error);
            return;
        }
        data.counted.push({ product: data.productName, qty, held: result.held });
        this.go("product", result.message, result.held ? "error" : "ok");
    }

    on_tags(code) {
        const tags = this.data.tags;
        for (const tag of String(code).split(/[\s,;]+/).filter(Boolean)) {
            tags.push(tag);
        }
        const distinct = new Set(tags.map((t) => t.toUpperCase())).size;
        this.go("tags", _t("%s tags read: read on, or count them", distinct), "ok");
    }

    async countTags() {
        const data = this.data;
        data.pending = data.pending || this.newKey("count_tags");
        const result = await this.call("count_tags", data.bin, data.tags, data.pending);
        data.pending = null;
        if (!result.ok) {
            this.fail(result.error);
            return;
        }
        data.tags = [];
        data.tagsResult = result;
        // one line for the batch, as a warehouse person says it: "3 of 4 expected tags read"
        const read = _t("%s of %s expected tags read", result.matched, result.expected);
        data.counted.push({ label: read, held: result.held });
        this.go("product", result.message, result.held || result.missing.length ? "error" : "ok");
    }

    async binDone() {
        const note = await this.screen.taskFinished();
        Object.assign(this.data, { counted: [], tags: [], tagsResult: null });
        this.go("bin", `${_t("Bin counted.")} ${note || ""} ${_t("Scan the next bin")}`, "ok");
    }
}

registry.category("wms_scan_flows").add("count", CountFlow);
