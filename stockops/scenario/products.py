"""The final Product records: the catalogue's arrays, case and pallet packagings, and the
(s, Q) policy the history used."""

from __future__ import annotations

import datetime

import numpy as np

from stockops.scenario.barcodes import gs1_check_digit
from stockops.scenario.building import pallet_capacity
from stockops.scenario.catalogue import Catalogue
from stockops.scenario.history import Policy
from stockops.scenario.records import Packaging, Product, Vendor


def build_products(
    cat: Catalogue, policy: Policy, vendors: tuple[Vendor, ...], start: datetime.date
) -> tuple[Product, ...]:
    """The Product records, in catalogue order: a case packaging (GTIN-14 indicator 1)
    when the case holds more than one unit, a pallet packaging (indicator 3) of whole
    cases, and the (s, Q) policy the history used."""
    pallet_qty = np.maximum(pallet_capacity(cat.volume, cat.weight, "PALLET"), 1)
    products = []
    for i, code in enumerate(cat.codes):
        t = cat.templates[i]
        case = int(cat.case_qty[i])
        ean = cat.barcodes[i]
        packs = []
        if case > 1:
            body = "1" + ean[:12]
            packs.append(Packaging(f"Case of {case}", case, body + gs1_check_digit(body)))
        per_pallet = max(case, int(pallet_qty[i]) // case * case)
        body = "3" + ean[:12]
        packs.append(Packaging(f"Pallet of {per_pallet}", per_pallet, body + gs1_check_digit(body)))
        launch = (
            start + datetime.timedelta(days=int(cat.active_from[i]))
            if cat.pattern[i] == "new"
            else None
        )
        length, width, height = (float(x) for x in cat.dims[i])
        products.append(
            Product(
                default_code=code,
                name=cat.names[i],
                barcode=ean,
                category=t.category,
                uom="Units",
                length_m=length,
                width_m=width,
                height_m=height,
                weight_kg=float(cat.weight[i]),
                cost=float(cat.cost[i]),
                list_price=float(cat.list_price[i]),
                vendor_code=vendors[int(cat.vendor_idx[i])].code,
                vendor_price=round(float(cat.cost[i]) / 1.04, 2),
                packagings=tuple(packs),
                demand_pattern=cat.pattern[i],
                velocity_hint=cat.velocity[i],
                hazard_class=t.hazard_class,
                fragile=t.fragile,
                this_side_up=t.this_side_up,
                reorder_point_qty=int(policy.s[i]),
                reorder_qty=int(policy.q[i]),
                launch_date=launch,
                seasonal_peak_week=cat.peak_week[i] if cat.pattern[i] == "seasonal" else None,
            )
        )
    return tuple(products)
