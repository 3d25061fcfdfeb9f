"""Behaviour of the demo/benchmark scenario generator (stockops.scenario)."""

from __future__ import annotations

import datetime
import math
import re
import statistics
import time
from collections import Counter, defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stockops.scenario import (
    DEMAND_PATTERNS,
    FORWARD_RACK,
    GOLDEN_ZONE_LEVELS,
    MIDDLE_CROSS_AISLE_WIDTH_M,
    OPEN_FLOOR_DEPTH_M,
    RESERVE_RACK,
    SIZES,
    Scenario,
    ScenarioSize,
    generate,
    gs1_check_digit,
    is_valid_ean13,
    products_by_pattern,
)

TODAY = datetime.date(2025, 6, 30)
# fmt: off
US_STATES = {
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
    "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
    "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
    "VA", "WA", "WV", "WI", "WY", "DC",
}
# fmt: on


@pytest.fixture(scope="module")
def default() -> Scenario:
    return generate("default", seed=7, today=TODAY)


@pytest.fixture(scope="module")
def small() -> Scenario:
    return generate("small", seed=3, today=TODAY)


# ---------------------------------------------------------------- helpers


def _rack_bins(sc: Scenario):
    return [b for b in sc.bins if b.aisle_name is not None]


def _received(sc: Scenario) -> Counter:
    total: Counter = Counter()
    for po in sc.purchase_orders:
        if po.receipt_date is not None:
            for line in po.lines:
                total[line.product_code] += line.qty
    return total


def _shipped(sc: Scenario) -> Counter:
    total: Counter = Counter()
    for d in sc.deliveries:
        for line in d.lines:
            total[line.product_code] += line.shipped_qty
    return total


def _on_hand(sc: Scenario) -> Counter:
    total: Counter = Counter()
    for q in sc.quants:
        total[q.product_code] += q.qty
    return total


def _lowest_running_stock(sc: Scenario) -> int:
    """Replays the history day by day (receipts before shipments) and returns the lowest
    on-hand any product ever had."""
    moves: dict[datetime.date, list[tuple[int, str, int]]] = defaultdict(list)
    for po in sc.purchase_orders:
        if po.receipt_date is not None:
            moves[po.receipt_date] += [(0, line.product_code, line.qty) for line in po.lines]
    for d in sc.deliveries:
        moves[d.date] += [(1, line.product_code, -line.shipped_qty) for line in d.lines]
    stock: Counter = Counter()
    lowest = 0
    for date in sorted(moves):
        for _, code, qty in sorted(moves[date]):
            stock[code] += qty
            lowest = min(lowest, stock[code])
    return lowest


def _daily_demand(sc: Scenario, code: str) -> list[int]:
    days = (sc.today - sc.history_start).days
    demand = [0] * days
    for d in sc.deliveries:
        for line in d.lines:
            if line.product_code == code:
                demand[(d.date - sc.history_start).days] += line.ordered_qty
    return demand


# ---------------------------------------------------------------- sizes and identity


def test_default_has_at_least_2000_rack_bins_and_200_products(default):
    assert len(_rack_bins(default)) >= 2000
    assert len(default.products) >= 200
    assert 100 <= len(default.sale_orders) <= 200


def test_default_history_covers_26_weeks_ending_yesterday(default):
    assert default.today - default.history_start == datetime.timedelta(days=182)
    dates = [d.date for d in default.deliveries]
    assert min(dates) >= default.history_start
    assert max(dates) == TODAY - datetime.timedelta(days=1)


def test_small_size_is_small(small):
    assert 150 <= len(_rack_bins(small)) <= 250
    assert 20 <= len(small.products) <= 40
    assert (small.today - small.history_start).days == 42
    assert len(small.sale_orders) == 20


def test_bin_barcodes_are_unique_and_equal_the_name_without_dashes(default):
    assert len({b.name for b in default.bins}) == len(default.bins)
    assert len({b.barcode for b in default.bins}) == len(default.bins)
    assert all(b.barcode == b.name.replace("-", "") for b in default.bins)
    assert any(re.fullmatch(r"R\d\d-\d\d-[1-5][LR]", b.name) for b in default.bins)
    assert any(re.fullmatch(r"F\d\d-\d\d-[1-4][LR]", b.name) for b in default.bins)


def test_product_barcodes_are_unique_valid_ean13_and_packagings_do_not_clash(default):
    barcodes = [p.barcode for p in default.products]
    assert len(set(barcodes)) == len(barcodes)
    assert all(is_valid_ean13(code) for code in barcodes)
    packs = [pk.barcode for p in default.products for pk in p.packagings]
    assert len(set(packs)) == len(packs)
    assert not set(packs) & set(barcodes)
    assert all(len(c) == 14 and gs1_check_digit(c[:13]) == c[13] for c in packs)


def test_gs1_check_digit_matches_a_known_barcode():
    # EAN-13 4006381333931 is the textbook example of the check digit
    assert gs1_check_digit("400638133393") == "1"
    assert is_valid_ean13("4006381333931")
    assert not is_valid_ean13("4006381333932")


def test_same_seed_gives_identical_scenario_and_another_seed_differs():
    first = generate("small", seed=11, today=TODAY)
    again = generate("small", seed=11, today=TODAY)
    other = generate("small", seed=12, today=TODAY)
    assert first == again
    assert first != other
    assert [p.name for p in first.products] != [p.name for p in other.products]


def test_unknown_size_is_rejected_with_the_known_ones_named():
    with pytest.raises(ValueError, match="default"):
        generate("huge")


def test_inconsistent_size_definition_is_rejected():
    with pytest.raises(ValueError, match="equally long"):
        ScenarioSize("bad", 1, 25, 1, 20, 1, 10, 1, 1, 10, 10, 1, 1.0)


def test_small_size_generates_in_well_under_a_second():
    timings = []
    for _ in range(3):  # best of three: a busy machine should not fail the test
        start = time.perf_counter()
        generate("small", seed=5, today=TODAY)
        timings.append(time.perf_counter() - start)
    assert min(timings) < 0.5


def test_large_size_has_benchmark_counts():
    start = time.perf_counter()
    large = generate("large", seed=1, today=TODAY)
    elapsed = time.perf_counter() - start
    assert len(_rack_bins(large)) == 20_000
    assert len(large.products) == 10_000
    assert len({p.name for p in large.products}) == 10_000
    assert len({p.barcode for p in large.products}) == 10_000
    lines = sum(len(d.lines) for d in large.deliveries)
    assert 90_000 <= lines <= 110_000
    assert len(large.sale_orders) == 2_000
    assert elapsed < 60


# ---------------------------------------------------------------- geometry


def test_rack_bins_lie_on_their_aisle_side_within_the_aisle(default):
    aisles = {a.name: a for a in default.aisles}
    for b in _rack_bins(default):
        aisle = aisles[b.aisle_name]
        offset = aisle.width_m / 2 + aisle.rack_depth_m / 2
        expected_x = aisle.x_m - offset if b.side == "L" else aisle.x_m + offset
        assert b.side in ("L", "R")
        assert math.isclose(b.x_m, expected_x, abs_tol=1e-6), b
        assert aisle.y_start_m < b.y_m < aisle.y_end_m, b
        assert b.zone_code == aisle.zone_code


def test_bays_never_overlap_a_middle_cross_aisle(default):
    middles = default.cross_aisles_y_m[1:-1]
    assert len(middles) == 1
    for b in _rack_bins(default):
        half_bay = (FORWARD_RACK if b.zone_code == "FWD" else RESERVE_RACK).bay_width_m / 2
        for c in middles:
            gap = abs(b.y_m - c) - half_bay - MIDDLE_CROSS_AISLE_WIDTH_M / 2
            assert gap >= -1e-6, b


def test_cross_aisles_start_at_the_open_floor_edge(default, small):
    assert default.cross_aisles_y_m[0] == OPEN_FLOOR_DEPTH_M == 12.0
    assert len(default.cross_aisles_y_m) == 3
    assert len(small.cross_aisles_y_m) == 2
    for sc in (default, small):
        assert all(a.y_start_m == sc.cross_aisles_y_m[0] for a in sc.aisles)
        assert all(a.y_end_m == sc.cross_aisles_y_m[-1] for a in sc.aisles)
        assert sc.building_depth_m > sc.cross_aisles_y_m[-1]


def test_rack_levels_and_widths_follow_the_rack_type(default):
    for a in default.aisles:
        rack = FORWARD_RACK if a.name.startswith("F") else RESERVE_RACK
        assert (a.width_m, a.rack_depth_m) == (rack.aisle_width_m, rack.rack_depth_m)
    for b in _rack_bins(default):
        rack = FORWARD_RACK if b.zone_code == "FWD" else RESERVE_RACK
        assert b.z_m == rack.level_z_m[b.level - 1]


def test_forward_aisles_are_nearest_the_pack_stations(default):
    forward = [a.x_m for a in default.aisles if a.zone_code == "FWD"]
    reserve = [a.x_m for a in default.aisles if a.zone_code == "RES"]
    assert max(forward) < min(reserve)
    packs = [b for b in default.bins if b.zone_code == "PACK"]
    assert [b.name for b in packs] == ["P1", "P2", "P3", "P4"]
    assert all(abs(b.x_m - min(forward, key=lambda x: abs(x - b.x_m))) < 6 for b in packs)


def test_area_locations_sit_on_the_open_floor(default):
    areas = [b for b in default.bins if b.aisle_name is None]
    kinds = {z.code: z.kind for z in default.zones}
    assert {kinds[b.zone_code] for b in areas} == {
        "receiving", "qc", "hold", "returns", "crossdock", "pack", "shipping"
    }  # fmt: skip
    for b in areas:
        assert 0 <= b.y_m < OPEN_FLOOR_DEPTH_M and 0 <= b.x_m <= default.building_width_m
        assert (b.bay, b.level, b.side) == (0, 0, "")
    assert {b.name for b in areas if b.zone_code == "SHIP"} == {"D1", "D2", "D3", "D4"}


def test_aisles_form_a_walkable_layout_for_the_layout_engine(default):
    layout = pytest.importorskip("stockops.layout")
    net = layout.Layout(
        aisles=tuple(layout.Aisle(a.name, a.x_m, a.y_start_m, a.y_end_m) for a in default.aisles),
        cross_aisles_y_m=default.cross_aisles_y_m,
    )
    bins = {b.name: b for b in default.bins}
    pack, far = bins["P1"], _rack_bins(default)[-1]
    trip = layout.travel_distance_m(
        net,
        layout.Point(pack.x_m, pack.y_m),
        layout.Point(far.x_m, far.y_m, aisle=far.aisle_name),
    )
    assert trip > 0


# ---------------------------------------------------------------- stock and storage


def test_stock_never_goes_negative_through_the_history(default):
    assert _lowest_running_stock(default) >= 0
    lines = [line for d in default.deliveries for line in d.lines]
    assert all(0 <= line.shipped_qty <= line.ordered_qty for line in lines)


def test_final_quants_equal_receipts_minus_shipments_per_product(default):
    received, shipped, on_hand = _received(default), _shipped(default), _on_hand(default)
    for p in default.products:
        code = p.default_code
        assert on_hand[code] == received[code] - shipped[code], code


@settings(max_examples=6, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_any_seed_keeps_the_stock_ledger_consistent(seed):
    sc = generate("small", seed=seed, today=TODAY)
    assert _lowest_running_stock(sc) >= 0
    received, shipped = _received(sc), _shipped(sc)
    assert (
        _on_hand(sc)
        == Counter(
            {
                p.default_code: received[p.default_code] - shipped[p.default_code]
                for p in sc.products
            }
        )
        - Counter()
    )
    assert {p.demand_pattern for p in sc.products} == set(DEMAND_PATTERNS)


def test_no_quant_exceeds_its_bin_storage_category_limits(default):
    categories = {c.code: c for c in default.storage_categories}
    bins = {b.name: b for b in default.bins}
    products = {p.default_code: p for p in default.products}
    assert all(q.qty > 0 for q in default.quants)
    for q in default.quants:
        code = bins[q.bin_name].storage_category_code
        if code is None:
            continue
        limit, p = categories[code], products[q.product_code]
        assert q.qty * p.weight_kg <= limit.max_weight_kg, q
        assert q.qty * p.volume_m3 <= limit.max_volume_m3 + 1e-9, q
        longest = max(p.length_m, p.width_m, p.height_m)
        assert not limit.max_length_m or longest <= limit.max_length_m, (q, longest)


def test_each_rack_bin_holds_one_product_and_hazmat_stays_in_the_cage(default):
    bins = {b.name: b for b in default.bins}
    products = {p.default_code: p for p in default.products}
    per_bin = Counter(q.bin_name for q in default.quants if bins[q.bin_name].aisle_name)
    assert max(per_bin.values()) == 1
    for q in default.quants:
        hazardous = products[q.product_code].hazard_class is not None
        assert (bins[q.bin_name].storage_category_code == "HAZ") == hazardous, q


def test_reserve_is_realistically_but_not_fully_occupied(default):
    used = {q.bin_name for q in default.quants}
    reserve = [b for b in default.bins if b.zone_code == "RES"]
    occupancy = sum(b.name in used for b in reserve) / len(reserve)
    assert 0.55 <= occupancy <= 0.8


def test_forward_bins_hold_fast_movers_one_bin_each_golden_zone_first(default):
    bins = {b.name: b for b in default.bins}
    products = {p.default_code: p for p in default.products}
    forward = [q for q in default.quants if bins[q.bin_name].zone_code == "FWD"]
    assert forward
    assert len({q.product_code for q in forward}) == len(forward)
    assert all(products[q.product_code].velocity_hint in ("A", "B") for q in forward)
    assert any(products[q.product_code].velocity_hint == "A" for q in forward)
    levels = Counter(bins[q.bin_name].level in GOLDEN_ZONE_LEVELS for q in forward)
    assert levels[True] >= levels[False]


# ---------------------------------------------------------------- demand


@pytest.mark.parametrize("size", ["small", "default"])
def test_every_demand_pattern_is_present(size, small, default):
    sc = small if size == "small" else default
    for pattern in DEMAND_PATTERNS:
        assert products_by_pattern(sc, pattern), pattern


def test_products_by_pattern_rejects_an_unknown_pattern(small):
    with pytest.raises(ValueError, match="seasonal"):
        products_by_pattern(small, "weekly")


def test_seasonal_demand_is_higher_in_the_quarter_nearer_its_peak(default):
    days = (default.today - default.history_start).days
    halves = [(0, days // 2), (days // 2, days)]
    judged = agreeing = 0
    ratios = []
    for p in products_by_pattern(default, "seasonal"):
        demand = _daily_demand(default, p.default_code)
        if sum(demand) < 20:
            continue
        peak_doy = p.seasonal_peak_week * 7 - 3
        closeness = []
        for lo, hi in halves:
            mid = default.history_start + datetime.timedelta(days=(lo + hi) // 2)
            angle = 2 * math.pi * (mid.timetuple().tm_yday - peak_doy) / 365.25
            closeness.append(math.cos(angle))
        if abs(closeness[0] - closeness[1]) < 0.3:
            continue
        peak, off = (0, 1) if closeness[0] > closeness[1] else (1, 0)
        units = [sum(demand[lo:hi]) for lo, hi in halves]
        judged += 1
        agreeing += units[peak] > units[off]
        ratios.append(units[peak] / max(units[off], 1))
    assert judged >= 3
    assert agreeing / judged >= 0.8
    assert max(ratios) >= 2.0


def test_intermittent_products_have_mostly_zero_demand_days(default):
    days = (default.today - default.history_start).days
    for p in products_by_pattern(default, "intermittent"):
        demand = _daily_demand(default, p.default_code)
        assert demand.count(0) / days >= 0.7, p.name


def test_lumpy_products_have_more_variable_order_sizes_than_smooth_ones(default):
    def median_cv(pattern: str) -> float:
        cvs = []
        for p in products_by_pattern(default, pattern):
            sizes = [x for x in _daily_demand(default, p.default_code) if x]
            if len(sizes) >= 5:
                cvs.append(statistics.pstdev(sizes) / statistics.mean(sizes))
        return statistics.median(cvs)

    assert median_cv("lumpy") > median_cv("smooth")


def test_new_products_launched_in_the_last_four_weeks_and_sell_only_since(default):
    for p in products_by_pattern(default, "new"):
        assert p.launch_date is not None
        assert TODAY - datetime.timedelta(days=28) <= p.launch_date < TODAY
        demand = _daily_demand(default, p.default_code)
        launch_day = (p.launch_date - default.history_start).days
        assert sum(demand[:launch_day]) == 0


def test_sales_are_pareto_like(default):
    units: Counter = Counter()
    for d in default.deliveries:
        for line in d.lines:
            units[line.product_code] += line.ordered_qty
    ranked = sorted(units.values(), reverse=True)
    top = ranked[: len(default.products) // 5]
    assert 0.65 <= sum(top) / sum(ranked) <= 0.95
    share_a = sum(p.velocity_hint == "A" for p in default.products) / len(default.products)
    assert 0.1 <= share_a <= 0.35


def test_stockouts_show_in_the_history_but_service_stays_high(default):
    lines = [line for d in default.deliveries for line in d.lines]
    short = sum(line.shipped_qty < line.ordered_qty for line in lines)
    assert short > 0
    fill = sum(line.shipped_qty for line in lines) / sum(line.ordered_qty for line in lines)
    assert fill >= 0.9


def test_deliveries_have_one_to_five_lines_one_order_per_customer_per_day(default):
    customers = {c.code for c in default.customers}
    assert all(1 <= len(d.lines) <= 5 for d in default.deliveries)
    per_day = Counter((d.customer_code, d.date) for d in default.deliveries)
    assert max(per_day.values()) == 1
    assert all(d.customer_code in customers for d in default.deliveries)
    for d in default.deliveries:
        codes = [line.product_code for line in d.lines]
        assert len(set(codes)) == len(codes)


# ---------------------------------------------------------------- purchasing


def test_receipt_lead_times_match_each_vendors_actual_mean(default):
    lead: dict[str, list[int]] = defaultdict(list)
    for po in default.purchase_orders:
        if po.receipt_date is not None:
            lead[po.vendor_code].append((po.receipt_date - po.order_date).days)
    checked = 0
    for v in default.vendors:
        if len(lead[v.code]) >= 10:
            checked += 1
            mean = statistics.mean(lead[v.code])
            tolerance = max(1.0, 0.15 * v.actual_lead_time_mean_days)
            assert abs(mean - v.actual_lead_time_mean_days) <= tolerance, v.name
            assert min(lead[v.code]) >= 1
    assert checked >= 5


def test_purchase_orders_are_one_per_vendor_per_day_for_its_own_products(default):
    products = {p.default_code: p for p in default.products}
    keys = Counter((po.vendor_code, po.order_date) for po in default.purchase_orders)
    assert max(keys.values()) == 1
    for po in default.purchase_orders:
        assert po.promised_date >= po.order_date
        assert all(products[line.product_code].vendor_code == po.vendor_code for line in po.lines)
        assert all(line.qty > 0 and line.price > 0 for line in po.lines)
    open_pos = [po for po in default.purchase_orders if po.receipt_date is None]
    assert open_pos and all(po.order_date < TODAY for po in open_pos)


def test_vendors_have_real_sounding_names_and_plausible_lead_times(default):
    assert 6 <= len(default.vendors) <= 10
    for v in default.vendors:
        assert not re.search(r"vendor \d", v.name, re.IGNORECASE)
        assert v.promised_lead_time_days >= 1
        assert v.actual_lead_time_mean_days >= v.promised_lead_time_days * 0.9
        assert v.actual_lead_time_sd_days > 0
        assert v.min_order_qty >= 1


# ---------------------------------------------------------------- open orders and partners


def test_open_sale_orders_reference_existing_products_customers_and_carriers(default):
    products = {p.default_code for p in default.products}
    customers = {c.code for c in default.customers}
    carriers = {c.code: c for c in default.carriers}
    for so in default.sale_orders:
        assert so.customer_code in customers
        assert so.carrier_code in carriers
        assert so.carrier_service in carriers[so.carrier_code].services
        assert so.priority in ("0", "1")
        assert so.date_order <= TODAY <= so.commitment_date
        assert 1 <= len(so.lines) <= 5
        assert all(line.product_code in products and line.qty > 0 for line in so.lines)
    assert len({so.ref for so in default.sale_orders}) == len(default.sale_orders)


def test_open_sale_orders_are_mostly_but_not_entirely_covered_by_stock(default):
    stock = _on_hand(default)
    lines = covered = 0
    for so in default.sale_orders:
        for line in so.lines:
            lines += 1
            if stock[line.product_code] >= line.qty:
                covered += 1
                stock[line.product_code] -= line.qty
    assert 0.75 <= covered / lines < 1.0


def test_two_carriers_one_soap_one_rest(default):
    assert sorted(c.protocol for c in default.carriers) == ["rest", "soap"]
    for c in default.carriers:
        assert {"GROUND", "EXPRESS", "NEXT_DAY"} <= set(c.services)
        assert 0 <= c.cutoff_hour <= 23


def test_customers_have_complete_valid_us_addresses(default):
    assert len({c.code for c in default.customers}) == len(default.customers) == 40
    assert len({c.name for c in default.customers}) == len(default.customers)
    for c in default.customers:
        assert c.country_code == "US" and c.state_code in US_STATES
        assert re.fullmatch(r"\d{5}", c.zip)
        assert re.fullmatch(r"\d+ [A-Z][a-z]+ [A-Z][a-z]+", c.street)
        assert re.fullmatch(r"\+1 \d{3}-555-01\d\d", c.phone)
        assert re.fullmatch(r"[a-z]+@[a-z0-9-]+\.example\.com", c.email)


def test_products_are_realistic_and_physically_plausible(default):
    names = [p.name for p in default.products]
    assert len(set(names)) == len(names)
    assert len({p.default_code for p in default.products}) == len(names)
    vendors = {v.code for v in default.vendors}
    assert any(p.hazard_class == "2.1" and "Aerosol" in p.name for p in default.products)
    assert any(p.fragile for p in default.products)
    for p in default.products:
        assert p.uom == "Units" and p.velocity_hint in ("A", "B", "C")
        assert min(p.length_m, p.width_m, p.height_m) > 0 and p.weight_kg > 0
        assert 0 < p.vendor_price < p.cost < p.list_price
        assert p.vendor_code in vendors
        assert p.reorder_qty > 0 and p.reorder_point_qty >= 0
        assert p.packagings and all(pk.qty >= 1 for pk in p.packagings)
        assert (p.seasonal_peak_week is not None) == (p.demand_pattern == "seasonal")


def test_size_table_matches_what_is_generated(default, small):
    assert SIZES["default"].rack_bins == len(_rack_bins(default))
    assert SIZES["small"].rack_bins == len(_rack_bins(small))
    assert SIZES["large"].rack_bins == 20_000


@pytest.mark.parametrize("today", [TODAY, datetime.date(2026, 11, 22)])  # Monday, Sunday
def test_legacy_export_fills_the_weeks_before_the_history(today):
    sc = generate("default", today=today)
    weeks = sorted({w.week_start for w in sc.legacy_demand})
    assert len(weeks) == SIZES["default"].legacy_weeks
    assert all(day.weekday() == 0 for day in weeks)
    assert weeks[-1] < sc.history_start <= weeks[-1] + datetime.timedelta(days=7)
    assert all(w.qty > 0 for w in sc.legacy_demand)
    launched = {p.default_code for p in sc.products if p.launch_date}
    assert launched.isdisjoint(w.product_code for w in sc.legacy_demand)


def test_legacy_export_peaks_in_each_seasonal_products_season():
    sc = generate("default", today=TODAY)
    by_product = defaultdict(Counter)
    for w in sc.legacy_demand:
        by_product[w.product_code][w.week_start.isocalendar().week] += w.qty
    for product in products_by_pattern(sc, "seasonal"):
        weekly = by_product[product.default_code]
        in_season = sum(weekly[(product.seasonal_peak_week + d - 1) % 52 + 1] for d in range(-6, 7))
        off_season = sum(
            weekly[(product.seasonal_peak_week + 26 + d - 1) % 52 + 1] for d in range(-6, 7)
        )
        assert in_season > 2 * off_season, product.default_code


def test_small_scenario_has_no_legacy_export():
    assert generate("small", today=TODAY).legacy_demand == ()


def test_every_product_ships_in_some_carton_type(default):
    def fits(product, carton):
        item = sorted((product.length_m, product.width_m, product.height_m))
        box = sorted((carton.length_m, carton.width_m, carton.height_m))
        return all(i <= b for i, b in zip(item, box, strict=True)) and (
            product.weight_kg + carton.tare_kg <= carton.max_gross_kg
        )

    assert default.carton_types
    assert all(any(fits(p, c) for c in default.carton_types) for p in default.products)
    assert len({c.code for c in default.carton_types}) == len(default.carton_types)
