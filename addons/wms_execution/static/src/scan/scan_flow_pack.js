/** @odoo-module **/
// Pack: choose the order's pack transfer or scan it; take the suggested carton (scan its
// type's barcode on the shelf, or an empty package's ID); scan the units into it; close
// it by scanning its ID; weigh it. Within tolerance the carton is posted; off it, the
// carton is stopped and weighed again after checking. Steps: work, carton, units, close,
// weigh.
import { registry } from "@web/core/registry";
import { _t } from "@web/core/l10n/translation";
import { ScanFlow } from "./scan_flow";

export class PackFlow extends ScanFlow {
    static key = "pack";
    static numericSteps = ["weigh"];

    workPrompt() {
        return _t("Choose an order to pack, or scan its reference");
    }

    async choose(picking) {
        this.data.order = await this.call("pack_open", picking.id);
        const open = this.data.order.cartons.find((c) => c.open);
        if (open) {
            this.data.carton = { package_id: open.id, package: open.name, type: open.type };
            this.go("units", _t("Carton %s is open: scan the units into it", open.name), "ok");
            return;
        }
        this.askCarton("");
    }

    askCarton(note) {
        const suggestion = this.data.order.suggestion;
        this.data.carton = null;
        const what = suggestion ? _t("Take carton %s and scan it", suggestion.type) : _t("Take a carton and scan it");
        this.go("carton", `${note}${what}`, note ? "ok" : "info");
    }

    async on_carton(code) {
        const result = await this.call("pack_carton", this.data.order.id, code, this.newKey("carton"));
        if (!result.ok) {
            this.fail(result.error);
            return;
        }
        this.data.carton = result;
        this.go("units", result.message, "ok");
    }

    async on_units(code) {
        const data = this.data;
        const result = await this.call(
            "pack_add", data.order.id, data.carton.package_id, code, null, this.newKey("pack")
        );
        if (!result.ok) {
            this.fail(result.error);
            return;
        }
        data.order = result;
        const left = result.lines.reduce((sum, l) => sum + l.left, 0);
        const next = left ? _t("%s left to pack", left) : _t("All packed: close the carton");
        this.screen.say(`${result.message}. ${next}`, "ok");
    }

    closeCarton() {
        this.go("close", _t("Close carton %s: scan its ID label", this.data.carton.package));
    }

    async on_close(code) {
        const result = await this.call("pack_close", this.data.carton.package_id, code);
        if (!result.ok) {
            this.fail(result.error);
            return;
        }
        this.data.expected = result.expected;
        this.go("weigh", _t("%s Type or scan the scale's reading (kg)", result.message), "ok");
    }

    async on_weigh(code) {
        const weight = this.quantity(code);
        if (Number.isNaN(weight) || weight <= 0) {
            this.fail(_t("Type the scale's reading in kg, then Enter."));
            return;
        }
        const data = this.data;
        data.pending = data.pending || this.newKey("weigh");
        const result = await this.call("pack_weigh", data.carton.package_id, weight, data.pending);
        data.pending = null;
        if (!result.ok) {
            this.fail(result.error); // stopped: check the carton, weigh again
            return;
        }
        data.order = result;
        if (result.done) {
            await this.finished(result.message);
            return;
        }
        this.askCarton(`${result.message} `);
    }
}

registry.category("wms_scan_flows").add("pack", PackFlow);
