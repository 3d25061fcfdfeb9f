# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import LaborCase

MONDAY_7AM = datetime(2025, 3, 3, 7, 0)


def shift(env, name, hour_from, hour_to):
    return env["resource.calendar"].create(
        {"name": name, "tz": "UTC", "attendance_ids": [(5, 0, 0)] + [
            (0, 0, {"name": name, "dayofweek": str(day), "hour_from": hour_from,
                    "hour_to": hour_to, "day_period": "morning"})
            for day in range(5)
        ]}
    )  # fmt: skip


@tagged("post_install", "-at_install")
class TestCapacity(LaborCase):
    """Backlog against the capacity of the operators on shift, per zone and hour; plan
    against actual per shift; tomorrow's staffing from today's actuals."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.supervisor.tz = "UTC"
        cls.early = shift(env, "Early 06-14", 6, 14)
        cls.late = shift(env, "Late 14-22", 14, 22)
        cls.driver.resource_calendar_id = cls.early  # based in RES
        cls.picker.resource_calendar_id = cls.late  # based at PACK
        cls.helper = env["wms.operator"].create(
            {"name": "Hal Helper", "warehouse_id": cls.warehouse.id,
             "home_zone_id": cls.zone_pack.id, "resource_calendar_id": cls.early.id}
        )  # fmt: skip

    def _task(self, zone, due, standard_s, **vals):
        task = self.env["wms.task"].create(
            {"kind": "replenish", "warehouse_id": self.warehouse.id, "zone_id": zone.id,
             "location_id": self.bin_near.id, "location_dest_id": self.bin_far.id,
             "due_date": due, **vals}
        )  # fmt: skip
        task.standard_s = standard_s
        return task

    def _monday_backlog(self):
        for _i in range(3):  # 3 h of reserve work due at 08:30
            self._task(self.zone_res, datetime(2025, 3, 3, 8, 30), 3600.0)
        self._task(self.zone_pack, datetime(2025, 3, 3, 23, 30), 600.0)  # after the late shift

    @freeze_time(MONDAY_7AM)
    def test_the_board_flags_the_hour_a_zone_falls_behind_and_who_can_lend(self):
        self._monday_backlog()
        res, pack = (self.zone_res | self.zone_pack).with_user(self.supervisor)
        # one driver from 06:00 at 85 %: 2 x 0.85 = 1.7 h by 09:00 against 3 h due
        self.assertEqual((res.on_shift_count, pack.on_shift_count), (1, 1))
        self.assertAlmostEqual(res.due_hours, 3.0)
        self.assertAlmostEqual(res.capacity_hours, 8 * 0.85, 2)  # 07-14 today, 06-07 tomorrow
        self.assertEqual(
            res.board_flag,
            "08:00: peak: 78 min of work due by 09:00 beyond the 1 operator on shift: "
            "1.3 operator-hours short",
        )
        self.assertEqual(res.peak_at, datetime(2025, 3, 3, 8, 0))
        self.assertEqual(
            res.lend_advice,
            "lend 1.3 operator-hours from PACK to RES before 09:00 (PACK has 1.7 h spare)",
        )
        # packing has no one from 22:00: the work due at 23:30 is done ahead, but flagged
        self.assertEqual(
            pack.board_flag,
            "23:00: no one on shift: 10 min of work due by 00:00, done ahead by the hours before",
        )
        self.assertFalse(pack.lend_advice)

    @freeze_time(MONDAY_7AM)
    def test_hourly_load_rows_chart_backlog_against_capacity(self):
        self._monday_backlog()
        action = self.zone_res.with_user(self.supervisor).action_hourly_load()
        rows = self.env["wms.zone.hour"].search(action["domain"])
        self.assertEqual(len(rows), 24)
        eight = rows.filtered(lambda r: r.hour == datetime(2025, 3, 3, 8, 0))
        self.assertEqual(
            (eight.backlog_min, eight.capacity_min, eight.operators, eight.flag),
            (180.0, 51.0, 1, "peak"),
        )
        self.assertAlmostEqual(eight.short_min, 78.0)
        # caught up by 10:00; after the early shift no one is based here and nothing is due
        ten = rows.filtered(lambda r: r.hour == datetime(2025, 3, 3, 10, 0))
        self.assertEqual((ten.short_min, ten.flag), (0.0, False))
        late = rows.filtered(lambda r: r.hour == datetime(2025, 3, 3, 15, 0))
        self.assertEqual((late.operators, late.capacity_min, late.flag), (0, 0.0, False))

    def test_plan_against_actual_of_a_group_is_its_standard_over_its_actual_time(self):
        for standard, actual in ((100.0, 200.0), (300.0, 100.0)):
            task = self._task(self.zone_res, MONDAY_7AM, standard)
            task.write({"state": "done", "actual_s": actual, "shift_id": self.early.id,
                        "operator_id": self.driver.id})  # fmt: skip
        [(shift_, performance, standard, actual)] = (
            self.env["wms.task"]
            .with_user(self.supervisor)
            ._read_group(
                [("shift_id", "=", self.early.id)],
                ["shift_id"],
                ["performance:avg", "standard_s:sum", "actual_s:sum"],
            )
        )
        self.assertEqual((shift_, standard, actual), (self.early, 400.0, 300.0))
        self.assertAlmostEqual(performance, 400.0 / 300.0 * 100.0, 2)  # not (50 + 300) / 2

    def test_a_done_task_is_booked_to_its_operators_shift(self):
        with freeze_time(MONDAY_7AM):
            task = self._task(self.zone_res, MONDAY_7AM, 600.0)
            given, _why = self.env["wms.task"].with_user(self.driver_user)._assign_next(self.driver)
            self.assertEqual(given, task)
            given.action_done()
        self.assertEqual((task.shift_id, task.shift_date), (self.early, date(2025, 3, 3)))

    @freeze_time(datetime(2025, 3, 3, 17, 0))
    def test_tomorrows_staffing_uses_todays_actuals(self):
        for _i in range(2):  # 6 standard hours done today in 7.5 actual hours: 80 %
            self._task(self.zone_res, MONDAY_7AM, 10800.0).write(
                {"state": "done", "actual_s": 13500.0, "shift_id": self.early.id,
                 "shift_date": date(2025, 3, 3), "operator_id": self.driver.id}
            )  # fmt: skip
        self._task(self.zone_res, datetime(2025, 3, 4, 10, 0), 3600.0)  # due tomorrow
        self._task(self.zone_pack, datetime(2025, 3, 4, 23, 30), 1800.0)  # after the late one
        action = self.env["wms.staffing.line"].with_user(self.supervisor).action_plan_tomorrow()
        mine = [("warehouse_id", "=", self.warehouse.id)]
        lines = self.env["wms.staffing.line"].search(action["domain"] + mine)
        by_key = {(line.zone_id, line.shift_id): line for line in lines}
        self.assertEqual(
            set(by_key),
            {(self.zone_res, self.early), (self.zone_pack, self.early),
             (self.zone_pack, self.late)},
        )  # fmt: skip
        res = by_key[self.zone_res, self.early]
        self.assertEqual(res.date, date(2025, 3, 4))
        self.assertEqual((res.performance, res.workload_h, res.needed_h), (80.0, 6.0, 7.5))
        # 7.5 h against 8 h x 85 % = 6.8 h each: 2 operators where 1 is rostered
        self.assertEqual((res.suggested, res.rostered, res.gap), (2, 1, 1))
        self.assertEqual(
            res.reason,
            "6.0 standard h (today's again) at today's 80% = 7.5 h; 8 h shift x 85% = 6.8 h each",
        )
        late = by_key[self.zone_pack, self.late]
        self.assertEqual((late.due_h, late.suggested, late.rostered), (0.5, 1, 1))
        idle = by_key[self.zone_pack, self.early]
        self.assertEqual((idle.suggested, idle.gap), (0, -1))
        again = self.env["wms.staffing.line"].with_user(self.supervisor).action_plan_tomorrow()
        self.assertEqual(self.env["wms.staffing.line"].search_count(again["domain"] + mine), 3)
        self.assertFalse(lines.exists(), "a new plan replaces the day's old one")
