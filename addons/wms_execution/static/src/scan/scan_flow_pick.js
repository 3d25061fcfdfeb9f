/** @odoo-module **/
// Pick: choose (or scan) a pick transfer; for each line in route order go to its bin and
// scan it, scan the product (and the lot when the line takes one), give the quantity
// (Enter: all of it). Fewer than asked is a short pick (an empty bin: "Bin empty", no
// product to scan): confirmed on its own screen, it posts what was found and opens an
// exception. At the end of the trip (a batch's last
// transfer) the units still on the cart are put down where they go (the packing zone)
// and that place is scanned: the next step gets them then. Steps: work, bin, product,
// lot, qty, short, drop.
import { registry } from "@web/core/registry";
import { _t } from "@web/core/l10n/translation";
import { ScanFlow, short } from "./scan_flow";

export class PickFlow extends ScanFlow {
    static key = "pick";
    static numericSteps = ["qty"];
    /** its trips end at a drop-off (a replenishment ends at the forward slot) */
    static dropsOff = true;

    async start(task) {
        this.trip = []; // transfers whose units ride on the cart until the drop-off
        this.queue = [];
        // a trip left without its drop-off (the phone locked, the page reloaded): the
        // server knows what is on the operator's cart; those units go down first
        const cart = this.constructor.dropsOff && (await this.call("pick_cart"));
        if (cart) {
            this.trip = cart.picking_ids;
            this.resume = { task };
            this.askDrop(cart.drop, _t("Units of your last trip are still on the cart."));
            return;
        }
        await super.start(task);
    }

    async choose(picking) {
        this.data.picking = picking;
        await this.show(await this.call("take_line", picking.id));
    }

    async show(line, note = "") {
        if (!line || line.done) {
            const message = `${note}${line ? line.message : _t("Done.")}`;
            if (line && line.drop) {
                this.trip.push(this.data.picking.id);
                this.data.drop = line.drop;
            }
            if (this.trip.length && !(this.queue && this.queue.length)) {
                this.askDrop(this.data.drop, message);
                return;
            }
            await this.finished(message);
            return;
        }
        Object.assign(this.data, { line, bin: "", product: "", lot: "", qty: null, pending: null });
        this.go("bin", `${note}${_t("Go to %s and scan the bin", short(line.location))}`, note ? "ok" : "info");
    }

    async on_bin(code) {
        const line = this.data.line;
        if (code !== line.location_barcode) {
            const where = await this.call("resolve", code);
            if (where.type !== "location" || where.name !== line.location) {
                const got = short(where.name) || code;
                this.fail(_t("Wrong bin: scanned %s, expected %s. Go there and scan its label.", got, short(line.location)));
                return;
            }
        }
        this.data.bin = code;
        this.go("product", _t("Scan %s", line.product), "ok");
    }

    async on_product(code) {
        const line = this.data.line;
        const what = await this.call("resolve", code);
        if (what.type !== "product") {
            this.fail(_t("Unknown barcode %s: scan %s (its label or a packaging).", code, line.product));
            return;
        }
        if (what.id !== line.product_id) {
            this.fail(_t("Wrong product: scanned %s, expected %s. Put it back.", what.name, line.product));
            return;
        }
        this.data.product = code;
        if (line.lot && !what.lot) {
            this.go("lot", _t("Scan the lot: this line takes lot %s", line.lot), "ok");
            return;
        }
        if (line.lot && what.lot !== line.lot) {
            this.fail(_t("Lot %s not allowed: take lot %s and scan it.", what.lot, line.lot));
            return;
        }
        this.data.lot = what.lot || "";
        this.askQuantity();
    }

    async on_lot(code) {
        const line = this.data.line;
        const lot = await this.call("resolve", code);
        const name = lot.type === "lot" ? lot.name : lot.lot || code;
        if (name !== line.lot) {
            this.fail(_t("Lot %s not allowed: take lot %s (first out first) and scan it.", name, line.lot));
            return;
        }
        this.data.lot = name;
        this.askQuantity();
    }

    askQuantity() {
        const line = this.data.line;
        this.go("qty", _t("How many? (Enter: %s %s)", line.quantity, line.uom), "ok");
    }

    async on_qty(code) {
        const line = this.data.line;
        const qty = this.quantity(code, line.quantity);
        if (Number.isNaN(qty) || qty < 0) {
            this.fail(_t("Type the number of units taken, then Enter."));
            return;
        }
        if (qty > line.quantity) {
            this.fail(_t("Quantity over: %s scanned, %s asked. Put the extra back.", qty, line.quantity));
            return;
        }
        if (qty < line.quantity) {
            this.data.qty = qty;
            this.go("short", _t("Only %s of %s? Confirm the short pick or count again.", qty, line.quantity), "error");
            return;
        }
        await this.confirm(qty);
    }

    /** Nothing in the bin: the whole line is short, confirmed without a product scan. */
    binEmpty() {
        const line = this.data.line;
        Object.assign(this.data, { product: "", lot: "", qty: 0 });
        this.go("short", _t("Bin empty? Confirm the whole line short (%s %s), or scan the product.", line.quantity, line.uom), "error");
    }

    async confirmShort() {
        await this.confirm(this.data.qty);
    }

    recount() {
        this.askQuantity();
    }

    async confirm(qty) {
        const data = this.data;
        data.pending = data.pending || this.newKey(this.constructor.key);
        const result = await this.call(
            "confirm_line", data.line.line_id, data.bin, data.product, qty, data.pending, data.lot || null
        );
        await this.after(result);
    }

    askDrop(drop, message) {
        Object.assign(this.data, { drop, line: null, pending: null });
        const where = short(drop.location);
        const how = drop.barcode ? _t("scan it") : _t("confirm");
        this.go("drop", `${message} ${_t("Put the units down at %s and %s.", where, how)}`, "ok");
    }

    async on_drop(code) {
        const data = this.data;
        data.pending = data.pending || this.newKey("drop");
        const result = await this.call("pick_drop", this.trip, code, data.pending);
        data.pending = null;
        if (!result.ok) {
            this.fail(result.error);
            return;
        }
        if (result.drop) {
            this.askDrop(result.drop, result.message);
            return;
        }
        this.trip = [];
        const resume = this.resume;
        this.resume = null;
        if (resume) {
            // the cart is empty: now the work the screen was opened for
            await super.start(resume.task);
            this.screen.say(`${result.message} ${this.state.message}`, "ok");
            return;
        }
        await this.finished(result.message);
    }

    async after(result) {
        if (!result.ok) {
            this.data.pending = null;
            this.go("bin", "");
            this.fail(result.error);
            return;
        }
        const short = result.short ? _t(" (%s short: exception opened)", result.short) : "";
        await this.show(result.next, _t("Posted %s%s. ", result.posted, short));
    }
}

// Replenish: the same walk as a pick from the reserve bin, then carry the units to the
// forward slot and scan it; the top-up is posted then. Steps: work, bin, product, lot,
// qty, short, slot.
export class ReplenishFlow extends PickFlow {
    static key = "replenish";
    static dropsOff = false;

    async confirm(qty) {
        this.data.qty = qty;
        this.go("slot", _t("Carry %s to %s and scan the slot", qty, short(this.data.line.location_dest)), "ok");
    }

    async on_slot(code) {
        const data = this.data;
        data.pending = data.pending || this.newKey("replenish");
        const result = await this.call(
            "replenish_confirm", data.line.line_id, data.bin, data.product, data.qty, code,
            data.pending, data.lot || null
        );
        if (!result.ok && result.step === "slot") {
            data.pending = null;
            this.fail(result.error);
            return;
        }
        await this.after(result);
    }
}

registry.category("wms_scan_flows").add("pick", PickFlow).add("replenish", ReplenishFlow);
