/** @odoo-module **/
// The scorecard on one page: inventory policy and warehouse floor side by side, each
// figure coloured against its threshold with its trend, the period before and how it was
// reached; a click on a figure opens the records behind it. Below, what changed and why.
import { Component, onWillStart, useState } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { _t } from "@web/core/l10n/translation";

const SPARK_WIDTH = 140;
const SPARK_HEIGHT = 32;

/** SVG polyline points of a trend (missing periods are skipped). */
export function sparkPoints(values) {
    const known = values.map((v, i) => [i, v]).filter(([, v]) => v !== null);
    if (!known.length) {
        return "";
    }
    const ys = known.map(([, v]) => v);
    const low = Math.min(...ys);
    const span = Math.max(...ys) - low || 1;
    const step = values.length > 1 ? SPARK_WIDTH / (values.length - 1) : 0;
    return known
        .map(([i, v]) => {
            const y = SPARK_HEIGHT - 2 - ((v - low) / span) * (SPARK_HEIGHT - 4);
            return `${(i * step).toFixed(1)},${y.toFixed(1)}`;
        })
        .join(" ");
}

export class WmsScorecard extends Component {
    static template = "wms_execution.Scorecard";
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.notification = useService("notification");
        this.state = useState({ data: null, period: "week", warehouseId: false, busy: false });
        this.sides = [
            { key: "policy", title: _t("Inventory policy") },
            { key: "floor", title: _t("Warehouse floor") },
        ];
        this.periods = [
            { key: "day", title: _t("Day") },
            { key: "week", title: _t("Week") },
            { key: "month", title: _t("Month") },
        ];
        this.sparkWidth = SPARK_WIDTH;
        this.sparkHeight = SPARK_HEIGHT;
        onWillStart(() => this.load());
    }

    async load() {
        this.state.data = await this.orm.call("wms.kpi.value", "scorecard_data", [], {
            warehouse_id: this.state.warehouseId,
            period: this.state.period,
        });
        this.state.warehouseId = this.state.data.warehouse_id;
    }

    cards(side) {
        return this.state.data.cards.filter((card) => card.side === side);
    }

    points(card) {
        return sparkPoints(card.trend);
    }

    async onWarehouse(ev) {
        this.state.warehouseId = parseInt(ev.target.value);
        await this.load();
    }

    async onPeriod(period) {
        this.state.period = period;
        await this.load();
    }

    async compute() {
        this.state.busy = true;
        try {
            await this.orm.call("wms.kpi.value", "scorecard_compute", [], {
                warehouse_id: this.state.warehouseId,
            });
            await this.load();
            this.notification.add(_t("Scorecard computed"), { type: "success" });
        } finally {
            this.state.busy = false;
        }
    }

    async drill(card) {
        const action = await this.orm.call("wms.kpi.value", "scorecard_drill", [[card.id]]);
        await this.action.doAction(action);
    }

    async exportXlsx() {
        const action = await this.orm.call("wms.kpi.value", "scorecard_export", [], {
            warehouse_id: this.state.warehouseId,
            period: this.state.period,
        });
        await this.action.doAction(action);
    }

    async openChange(change) {
        const action = await this.orm.call("wms.kpi.change", "action_open_source", [[change.id]]);
        await this.action.doAction(action);
    }

    openFigures() {
        return this.action.doAction("wms_execution.action_wms_scorecard");
    }

    openChanges() {
        return this.action.doAction("wms_execution.action_wms_kpi_change");
    }
}

registry.category("actions").add("wms_scorecard", WmsScorecard);
