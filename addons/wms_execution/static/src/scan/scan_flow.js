/** @odoo-module **/
// A flow of the scan screen is a short state machine with one state (step) per screen,
// as in OCA shopfloor. A scan — keyboard wedge, phone camera, or typed then Enter — goes
// to the method named for the current step, `on_<step>(code)`; buttons call the flow's
// other methods. The flow only guides: the server checks every scan and posts.
import { _t } from "@web/core/l10n/translation";

/** A location's own name, readable at arm's length: "WH/Stock/Reserve/R01-07-4L" -> "R01-07-4L". */
export function short(path) {
    return String(path || "").split("/").pop().trim();
}

export class ScanFlow {
    /** the flow's key in `wms.scan` (open work, find transfer) */
    static key = "";
    /** steps where the input asks for a number (numeric keypad on phones) */
    static numericSteps = [];

    constructor(screen) {
        this.screen = screen;
    }

    get state() {
        return this.screen.state;
    }

    get data() {
        return this.screen.state.data;
    }

    get step() {
        return this.state.step;
    }

    /** Enter the step ``step``, saying ``message`` (kind: "info", "ok" or "error"). */
    go(step, message, kind = "info") {
        this.state.step = step;
        if (message) {
            this.screen.say(message, kind);
        }
    }

    fail(message) {
        this.screen.say(message, "error");
    }

    call(method, ...args) {
        return this.screen.call(method, args);
    }

    /** A key for one confirmation, kept until it succeeds so a retry is posted once. */
    newKey(prefix) {
        const random = Math.random().toString(36).slice(2, 10);
        return `${prefix}:${this.screen.sessionId}:${Date.now()}:${random}`;
    }

    /** The first screen: the task's transfer (a batch's first) when a task opened the
     * flow, else the work list. */
    async start(task) {
        this.queue = task && task.picking_ids ? [...task.picking_ids] : [];
        if (this.queue.length) {
            await this.choose({ id: this.queue.shift(), name: task.picking });
            return;
        }
        await this.showWork(this.workPrompt());
    }

    workPrompt() {
        return _t("Choose a transfer, or scan its reference");
    }

    async scan(code) {
        const handler = this[`on_${this.step}`];
        if (!handler) {
            this.fail(_t("Nothing to scan on this screen: use the buttons."));
            return;
        }
        await handler.call(this, code);
    }

    /** A quantity typed or scanned; Enter alone keeps ``fallback``. NaN when not a number. */
    quantity(code, fallback) {
        if (code === "" && fallback !== undefined) {
            return fallback;
        }
        const value = Number(String(code).replace(",", "."));
        return code === "" || Number.isNaN(value) ? NaN : value;
    }

    // -- the open work of a flow (its first screen when it works transfers) ------------

    async showWork(message, kind = "info") {
        this.data.work = await this.call("open_work", this.constructor.key);
        this.go("work", message || this.workPrompt(), kind);
    }

    async on_work(code) {
        const found = await this.call("find_transfer", this.constructor.key, code);
        if (!found.ok) {
            this.fail(found.error);
            return;
        }
        await this.choose({ id: found.id, name: found.name });
    }

    async choose() {}

    /** The transfer is finished: on to the batch's next one, else close the operator's
     * task if it came from one. */
    async finished(message) {
        if (this.queue && this.queue.length) {
            await this.choose({ id: this.queue.shift(), name: "" });
            this.screen.say(`${message} ${this.state.message}`, "ok");
            return;
        }
        const note = await this.screen.taskFinished();
        await this.showWork(note ? `${message} ${note}` : message, "ok");
    }
}
