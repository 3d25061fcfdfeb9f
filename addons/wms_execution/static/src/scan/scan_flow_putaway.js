/** @odoo-module **/
// Put-away: scan a unit (or a package's ID) waiting at the dock; go to the bin directed
// put-away suggests (the screen says why) and scan it; give the quantity (Enter: all).
// Another bin of the same storage area is allowed with a reason. Each confirmation posts
// at once. Steps: unit, bin, reason, qty.
import { registry } from "@web/core/registry";
import { _t } from "@web/core/l10n/translation";
import { ScanFlow, short } from "./scan_flow";

export class PutawayFlow extends ScanFlow {
    static key = "putaway";
    static numericSteps = ["qty"];

    async start(task) {
        const where = task && task.picking ? _t(" of %s", task.picking) : "";
        this.go("unit", _t("Scan a unit or a package%s waiting to be put away", where));
    }

    async on_unit(code) {
        const result = await this.call("putaway_take", code);
        if (!result.ok) {
            this.fail(result.error);
            return;
        }
        Object.assign(this.data, { job: result, bin: "", binName: "", reason: "", pending: null });
        this.go("bin", _t("Go to %s and scan the bin", short(result.bin)), "ok");
    }

    async on_bin(code) {
        const job = this.data.job;
        const result = await this.call("putaway_check_bin", job.line_ids, code);
        if (!result.ok) {
            this.fail(result.error);
            return;
        }
        Object.assign(this.data, { bin: code, binName: short(result.bin), reason: "" });
        if (!result.suggested) {
            this.go("reason", _t("%s is not the suggested bin %s: why this one?", short(result.bin), short(job.bin)), "error");
            return;
        }
        await this.askQuantity();
    }

    async chooseReason(reason) {
        this.data.reason = reason;
        await this.askQuantity();
    }

    backToSuggested() {
        this.data.bin = "";
        this.go("bin", _t("Go to %s and scan the bin", short(this.data.job.bin)));
    }

    async askQuantity() {
        const job = this.data.job;
        if (job.line_ids.length > 1) {
            await this.confirm(job.quantity); // a whole package goes as it is
            return;
        }
        this.go("qty", _t("How many into %s? (Enter: %s %s)", this.data.binName, job.quantity, job.uom), "ok");
    }

    async on_qty(code) {
        const job = this.data.job;
        const qty = this.quantity(code, job.quantity);
        if (Number.isNaN(qty) || qty <= 0) {
            this.fail(_t("Type the number of units put into the bin, then Enter."));
            return;
        }
        if (qty > job.quantity) {
            this.fail(_t("Quantity over: %s scanned, %s to put away. Count again.", qty, job.quantity));
            return;
        }
        await this.confirm(qty);
    }

    async confirm(qty) {
        const data = this.data;
        data.pending = data.pending || this.newKey("putaway");
        const result = await this.call(
            "putaway_confirm", data.job.line_ids, data.bin, qty, data.reason || null, data.pending
        );
        data.pending = null;
        if (!result.ok) {
            this.go(result.need_reason ? "reason" : "bin", "");
            this.fail(result.error);
            return;
        }
        this.data.job = null;
        this.go("unit", `${result.message} ${_t("Scan the next unit")}`, "ok");
    }
}

registry.category("wms_scan_flows").add("putaway", PutawayFlow);
