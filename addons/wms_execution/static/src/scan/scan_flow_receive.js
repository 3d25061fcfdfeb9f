/** @odoo-module **/
// Receive: choose the receipt or scan its reference, the purchase order or the vendor's
// delivery note number (ASN); scan each product, type the quantity counted and how many
// of them are damaged (Enter: none). Each count is written on the receipt at once;
// closing it posts the receipt (receiving rules route it; what was not counted waits
// in a backorder). Steps: work, product, qty, damaged.
import { registry } from "@web/core/registry";
import { _t } from "@web/core/l10n/translation";
import { ScanFlow } from "./scan_flow";

export class ReceiveFlow extends ScanFlow {
    static key = "receive";
    static numericSteps = ["qty", "damaged"];

    workPrompt() {
        return _t("Choose a receipt, or scan its reference or the delivery note");
    }

    async choose(picking) {
        this.data.receipt = await this.call("receive_lines", picking.id);
        this.go("product", _t("%s: scan a product and count it", this.data.receipt.picking), "ok");
    }

    async on_product(code) {
        const what = await this.call("resolve", code);
        if (what.type !== "product") {
            this.fail(_t("Unknown barcode %s: scan the product's label or a packaging.", code));
            return;
        }
        const line = this.data.receipt.lines.find((l) => l.product_id === what.id);
        if (!line) {
            this.fail(_t("Wrong product: %s is not on %s. Put it aside for the supervisor.", what.name, this.data.receipt.picking));
            return;
        }
        Object.assign(this.data, { product: code, line, qty: null, pending: null });
        const given = what.qty && what.qty !== 1 ? _t(" (label says %s)", what.qty) : "";
        this.data.labelQty = what.qty && what.qty !== 1 ? what.qty : null;
        this.go("qty", _t("How many %s? %s expected%s", line.product, line.expected, given), "ok");
    }

    on_qty(code) {
        const qty = this.quantity(code, this.data.labelQty === null ? undefined : this.data.labelQty);
        if (Number.isNaN(qty) || qty < 0) {
            this.fail(_t("Type the number counted, then Enter."));
            return;
        }
        if (qty > this.data.line.expected) {
            this.fail(_t("Quantity over: %s counted, %s expected. Count again; put the extra aside.", qty, this.data.line.expected));
            return;
        }
        this.data.qty = qty;
        this.go("damaged", _t("How many of the %s are damaged? (Enter: none)", qty), "ok");
    }

    async on_damaged(code) {
        const damaged = this.quantity(code, 0);
        if (Number.isNaN(damaged) || damaged < 0 || damaged > this.data.qty) {
            this.fail(_t("Type how many are damaged (0 to %s), then Enter.", this.data.qty));
            return;
        }
        const data = this.data;
        data.pending = data.pending || this.newKey("receive");
        const result = await this.call("receive_count", data.receipt.id, data.product, data.qty, damaged, data.pending);
        data.pending = null;
        if (!result.ok) {
            this.go("product", "");
            this.fail(result.error);
            return;
        }
        data.receipt = result;
        this.go("product", `${result.message}. ${_t("Next product, or close the receipt")}`, "ok");
    }

    async close() {
        const data = this.data;
        data.pending = data.pending || this.newKey("receive-close");
        const result = await this.call("receive_close", data.receipt.id, data.pending);
        data.pending = null;
        if (!result.ok) {
            this.fail(result.error);
            return;
        }
        await this.finished(result.message);
    }
}

registry.category("wms_scan_flows").add("receive", ReceiveFlow);
