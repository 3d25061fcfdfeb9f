/** @odoo-module **/
// Receive: choose the receipt or scan its reference, the purchase order or the vendor's
// delivery note number (ASN); scan each product, type the quantity counted and how many
// of them are damaged (Enter: none). Each count is written on the receipt at once;
// closing it posts the receipt (receiving rules route it; what was not counted waits
// in a backorder). Steps: work, product, qty, damaged.
// A receipt made from an advance ship notice is received pallet by pallet: scanning a
// pallet's SSCC (GS1 AI 00, or its 18 digits) receives it whole in one confirmation.
// "Damaged pallet" flags the next pallet scanned; "Count differs" asks for each product's
// label and count (steps counted, counted_qty), then the pallet's SSCC.
import { registry } from "@web/core/registry";
import { _t } from "@web/core/l10n/translation";
import { ScanFlow } from "./scan_flow";

export class ReceiveFlow extends ScanFlow {
    static key = "receive";
    static numericSteps = ["qty", "damaged", "counted_qty"];

    workPrompt() {
        return _t("Choose a receipt, or scan its reference or the delivery note");
    }

    async choose(picking) {
        this.data.receipt = await this.call("receive_lines", picking.id);
        Object.assign(this.data, { damaged: false, counted: null });
        const prompt = this.data.receipt.pallets.length ? _t("%s: scan a pallet's SSCC, or a product and count it", this.data.receipt.picking) : _t("%s: scan a product and count it", this.data.receipt.picking);
        this.go("product", prompt, "ok");
    }

    /** A pallet's SSCC as a scanner reads it: 18 digits, with or without AI 00. */
    isPallet(code) {
        return (this.data.receipt.pallets || []).length > 0 && /^(\(00\)|00)?\d{18}$/.test(code.trim());
    }

    toggleDamaged() {
        this.data.damaged = !this.data.damaged;
        this.go(this.step, this.data.damaged ? _t("Damaged: scan the pallet's SSCC") : _t("Not damaged: scan the pallet's SSCC"), "info");
    }

    countDiffers() {
        this.data.counted = [];
        this.go("counted", _t("Scan each product's label on the pallet and count it; then scan the pallet's SSCC"), "info");
    }

    on_counted(code) {
        if (this.isPallet(code)) {
            return this.receivePallet(code);
        }
        this.data.countCode = code;
        this.go("counted_qty", _t("How many of %s on the pallet?", code), "ok");
    }

    on_counted_qty(code) {
        const quantity = this.quantity(code);
        if (Number.isNaN(quantity) || quantity < 0) {
            this.fail(_t("Type the number counted, then Enter."));
            return;
        }
        this.data.counted.push({ code: this.data.countCode, quantity });
        this.go("counted", _t("%s counted. Next label, or scan the pallet's SSCC", quantity), "ok");
    }

    async receivePallet(code) {
        const data = this.data;
        data.pending = data.pending || this.newKey("pallet");
        const counted = data.counted || null;
        const result = await this.call("receive_pallet", data.receipt.id, code, !!data.damaged, counted, data.pending);
        data.pending = null;
        this.go("product", "");
        if (!result.ok) {
            this.fail(result.error);
            return;
        }
        Object.assign(data, { receipt: result, damaged: false, counted: null });
        if (result.exception) {
            this.fail(`${result.message}. ${_t("Next pallet, or close the receipt")}`);
        } else {
            this.go("product", `${result.message}. ${_t("Next pallet, or close the receipt")}`, "ok");
        }
    }

    async on_product(code) {
        if (this.isPallet(code)) {
            await this.receivePallet(code);
            return;
        }
        const what = await this.call("resolve", code);
        if (what.type === "package" && this.data.receipt.pallets.length) {
            await this.receivePallet(code); // a pallet's RFID tag (SSCC-96)
            return;
        }
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
