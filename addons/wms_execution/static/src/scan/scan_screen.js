/** @odoo-module **/
// The floor's scan-first screen: a home screen with "my next task" (when wms_labor hands
// out tasks) and the flows (receive, put away, pick, pack, replenish, count); each flow
// a short state machine in its own file (scan_flow_*.js). Codes come from a keyboard-
// wedge scanner (fast keys ending in Enter, into the input or anywhere on the page), the
// phone's camera where the browser allows it (Odoo's barcode video scanner: the
// BarcodeDetector API, else ZXing), or typing. Every scan is answered in colour and
// sound; the server (wms.scan) checks each one and posts each confirmation, once.
import { Component, onMounted, useRef, useState } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useBus, useService } from "@web/core/utils/hooks";
import { _t } from "@web/core/l10n/translation";
import { isMobileOS } from "@web/core/browser/feature_detection";
import { ConnectionLostError } from "@web/core/network/rpc";
import {
    BarcodeVideoScanner,
    isBarcodeScannerSupported,
} from "@web/core/barcode/barcode_video_scanner";
import { soundError, soundOk } from "./scan_feedback";
import { short } from "./scan_flow";
import "./scan_flow_count";
import "./scan_flow_pack";
import "./scan_flow_pick";
import "./scan_flow_putaway";
import "./scan_flow_receive";

const FLOWS = registry.category("wms_scan_flows");

/** Raised once a failed call has been said on screen: the current scan stops there. */
class ScanStopped extends Error {}

export class WmsScanScreen extends Component {
    static template = "wms_execution.ScanScreen";
    static components = { BarcodeVideoScanner };
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.input = useRef("scan");
        this.sessionId = Math.random().toString(36).slice(2, 10);
        this.cameraSupported = isBarcodeScannerSupported();
        this.mobile = isMobileOS();
        this.flow = null;
        this.short = short;
        this.queue = Promise.resolve();
        this.labels = {
            receive: _t("Receive"),
            putaway: _t("Put away"),
            pick: _t("Pick"),
            pack: _t("Pack"),
            replenish: _t("Replenish"),
            count: _t("Count"),
        };
        this.state = useState({
            screen: "home",
            step: "",
            data: {},
            message: _t("Choose your work"),
            kind: "info",
            flows: [],
            nextTask: false,
            task: null,
            camera: false,
            typing: false,
            busy: false,
        });
        const barcode = this.env.services.barcode;
        if (barcode) {
            // a wedge scan while no input has the focus (after a tap on a button)
            useBus(barcode.bus, "barcode_scanned", (ev) => this.onCode(ev.detail.barcode));
        }
        onMounted(() => this.enqueue(() => this.loadHome()));
    }

    // -- what the template reads ------------------------------------------------------

    get title() {
        if (this.state.screen === "task") {
            return _t("My next task");
        }
        return this.state.screen === "home" ? _t("Scan Screen") : this.labels[this.state.screen];
    }

    get inputMode() {
        const numeric = this.flow && this.flow.constructor.numericSteps.includes(this.state.step);
        if (numeric) {
            return "decimal";
        }
        // on a phone the camera or a wedge scans: no keyboard over the screen unless asked
        return this.mobile && !this.state.typing ? "none" : "text";
    }

    get placeholder() {
        const numeric = this.inputMode === "decimal";
        return numeric ? _t("Number, then Enter") : _t("Scan or type + Enter");
    }

    // -- feedback -----------------------------------------------------------------------

    say(message, kind = "info") {
        this.state.message = message;
        this.state.kind = kind;
        if (kind === "error") {
            soundError();
        } else if (kind === "ok") {
            soundOk();
        }
    }

    focus() {
        setTimeout(() => this.input.el && this.input.el.focus(), 0);
    }

    /** Call ``wms.scan.<method>``; a failure is said on screen and stops the scan. */
    async call(method, args = []) {
        this.state.busy = true;
        try {
            return await this.orm.call("wms.scan", method, args);
        } catch (error) {
            if (error instanceof ConnectionLostError) {
                this.say(_t("No connection: scan or tap again. A repeat is posted only once."), "error");
            } else {
                this.say((error.data && error.data.message) || error.message, "error");
            }
            throw new ScanStopped();
        } finally {
            this.state.busy = false;
        }
    }

    /** Run scans and taps one after the other, in the order they came. */
    enqueue(work) {
        const run = this.queue.then(work).finally(() => this.focus());
        this.queue = run.catch(() => {}); // the next scan runs whatever became of this one
        return run.catch((error) => {
            if (!(error instanceof ScanStopped)) {
                throw error;
            }
        });
    }

    act(work) {
        return this.enqueue(work);
    }

    // -- input ----------------------------------------------------------------------------

    onKeydown(ev) {
        if (ev.key !== "Enter") {
            return;
        }
        ev.preventDefault();
        const code = ev.target.value.trim();
        ev.target.value = "";
        this.onCode(code);
    }

    onCode(code) {
        return this.enqueue(async () => {
            if (!this.flow) {
                this.say(_t("Choose your work first."), "error");
                return;
            }
            await this.flow.scan(code);
        });
    }

    toggleCamera() {
        this.state.camera = !this.state.camera;
    }

    toggleTyping() {
        this.state.typing = !this.state.typing;
        this.focus();
    }

    onCameraResult(code) {
        this.onCode(code);
    }

    onCameraError(error) {
        this.state.camera = false;
        this.say(error.message, "error");
    }

    // -- home, flows and tasks -------------------------------------------------------------

    async loadHome() {
        const info = await this.call("screen_info");
        this.state.flows = info.flows.filter((key) => FLOWS.contains(key));
        this.state.nextTask = info.next_task;
    }

    async home() {
        Object.assign(this.state, { screen: "home", step: "", data: {}, task: null, camera: false });
        this.flow = null;
        this.say(_t("Choose your work"));
    }

    async open(key, task = null) {
        const Flow = FLOWS.get(key);
        this.flow = new Flow(this);
        Object.assign(this.state, { screen: key, step: "", data: {}, task });
        await this.flow.start(task);
    }

    async nextTask() {
        const task = await this.call("next_task");
        if (!task.ok) {
            this.say(task.error, "error");
            return;
        }
        if (!task.flow) {
            Object.assign(this.state, { task, screen: "task", step: "" });
            this.flow = null;
            this.say(_t("%s: do it in Odoo's transfer form, then tap Done. %s", task.name, task.reason), "ok");
            return;
        }
        await this.open(task.flow, task);
        this.say(`${task.name} — ${task.reason}. ${this.state.message}`, "ok");
    }

    /** The flow finished the task's work: close the task; returns what to say about it. */
    async taskFinished() {
        const task = this.state.task;
        if (!task) {
            return "";
        }
        this.state.task = null;
        const result = await this.call("finish_task", [task.task_id]);
        return result.ok ? result.message : "";
    }

    async finishTaskHere() {
        const note = await this.taskFinished();
        await this.home();
        this.say(note || _t("Done."), "ok");
    }
}

registry.category("actions").add("wms_scan_screen", WmsScanScreen);
