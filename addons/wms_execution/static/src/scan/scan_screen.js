/** @odoo-module **/
// The floor's scan-first screen: pick a transfer, then for each line in walking order
// scan the bin, scan the product, give the quantity (Enter keeps the asked quantity).
// Works with a keyboard-wedge scanner (fast typing ending in Enter) or by hand; every
// confirmation is checked and posted by the server (wms.scan), once.
import { Component, onMounted, useRef, useState } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { _t } from "@web/core/l10n/translation";

export class WmsScanScreen extends Component {
    static template = "wms_execution.ScanScreen";
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.input = useRef("scan");
        this.state = useState({
            step: "choose", pickings: [], picking: null, line: null,
            bin: "", product: "", message: _t("Choose a transfer"), error: false, pending: null,
        });
        onMounted(() => this.loadPickings());
    }

    async loadPickings() {
        this.state.pickings = await this.orm.searchRead(
            "stock.picking",
            [["picking_type_code", "=", "outgoing"], ["state", "=", "assigned"]],
            ["name", "partner_id", "scheduled_date"],
            { limit: 40, order: "priority desc, scheduled_date, id" }
        );
    }

    focus() {
        setTimeout(() => this.input.el && this.input.el.focus(), 0);
    }

    say(message, error = false) {
        this.state.message = message;
        this.state.error = error;
        if (error && window.navigator.vibrate) {
            window.navigator.vibrate(200);
        }
    }

    startCount() {
        Object.assign(this.state, { step: "count_bin", line: null, picking: null, bin: "" });
        this.say(_t("Count: scan the bin"));
        this.focus();
    }

    async onCountKeydown(code) {
        const state = this.state;
        if (state.step === "count_bin") {
            const where = await this.orm.call("wms.scan", "resolve", [code]);
            if (where.type !== "location") {
                this.say(_t("%s is not a bin: scan the bin", code), true);
                return;
            }
            Object.assign(state, { bin: code, binName: where.name, step: "count_product" });
            this.say(_t("%s: scan a product (blind count)", where.name));
        } else if (state.step === "count_product") {
            state.product = code;
            state.step = "count_qty";
            this.say(_t("How many %s are there?", code));
        } else if (state.step === "count_qty") {
            const qty = parseFloat(code);
            if (Number.isNaN(qty)) {
                this.say(_t("Type the number you counted"), true);
                return;
            }
            state.pending = state.pending || `count:${state.bin}:${state.product}:${Date.now()}`;
            const result = await this.orm.call("wms.scan", "count", [
                state.bin, state.product, qty, state.pending,
            ]);
            state.pending = null;
            state.step = "count_product";
            this.say(result.ok ? result.message : result.error, !result.ok || result.held);
        }
    }

    async choose(picking) {
        this.state.picking = picking;
        await this.showNext(await this.orm.call("wms.scan", "take_line", [picking.id]));
    }

    async showNext(line) {
        if (!line || line.done) {
            this.say(line ? line.message : _t("Done"));
            Object.assign(this.state, { step: "choose", picking: null, line: null });
            await this.loadPickings();
            return;
        }
        Object.assign(this.state, { line, step: "bin", bin: "", product: "", pending: null });
        this.say(_t("Go to %s and scan the bin", line.location));
        this.focus();
    }

    async onKeydown(ev) {
        if (ev.key !== "Enter") {
            return;
        }
        const code = ev.target.value.trim();
        ev.target.value = "";
        const state = this.state;
        if (state.step.startsWith("count")) {
            await this.onCountKeydown(code);
            this.focus();
            return;
        }
        if (state.step === "bin") {
            if (state.line.location_barcode && code !== state.line.location_barcode) {
                this.say(_t("Wrong bin: expected %s", state.line.location), true);
                return;
            }
            state.bin = code;
            state.step = "product";
            this.say(_t("Scan %s", state.line.product));
        } else if (state.step === "product") {
            const what = await this.orm.call("wms.scan", "resolve", [code]);
            if (what.type !== "product") {
                this.say(_t("Not a product we know: %s. Scan %s", code, state.line.product), true);
                return;
            }
            state.product = code;
            state.step = "quantity";
            this.say(_t("How many? (Enter: %s)", state.line.quantity));
        } else if (state.step === "quantity") {
            const qty = code === "" ? state.line.quantity : parseFloat(code);
            if (Number.isNaN(qty)) {
                this.say(_t("Type a number"), true);
                return;
            }
            await this.confirm(qty);
        }
        this.focus();
    }

    async confirm(qty) {
        const state = this.state;
        // the same key on a retry: the server answers it once
        state.pending = state.pending || `${state.line.line_id}:${Date.now()}:${Math.random()}`;
        const result = await this.orm.call("wms.scan", "confirm_line", [
            state.line.line_id, state.bin, state.product, qty, state.pending,
        ]);
        if (!result.ok) {
            state.pending = null;
            state.step = "bin";
            this.say(result.error, true);
            return;
        }
        const note = result.short ? _t(" (%s short: exception opened)", result.short) : "";
        await this.showNext(result.next);
        this.say(_t("Posted %s%s. ", result.posted, note) + this.state.message);
    }
}

registry.category("actions").add("wms_scan_screen", WmsScanScreen);
