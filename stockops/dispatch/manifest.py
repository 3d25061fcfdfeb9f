"""Which parcels an end-of-day manifest hands over to the carrier, and which stay behind.

A manifest closes a carrier's day at one warehouse: every labelled parcel not yet on a
manifest goes on it, grouped by shipment; a voided parcel never does, and a parcel
already on a manifest is not handed over twice. A parcel labelled after the close is on
no manifest yet, so it waits for the next one.

>>> plan = plan_manifest([
...     ManifestLine("111", "WH/OUT/7", "label_created"),
...     ManifestLine("112", "WH/OUT/7", "label_created"),
...     ManifestLine("113", "WH/OUT/8", "cancelled"),
...     ManifestLine("114", "WH/OUT/9", "picked_up", manifest="M1"),
...     ManifestLine("115", "WH/OUT/9", "label_created")])
>>> [(s.reference, s.tracking_numbers) for s in plan.shipments]
[('WH/OUT/7', ('111', '112')), ('WH/OUT/9', ('115',))]
>>> plan.reason
'3 parcels of 2 shipments to hand over; left out: 113 voided, 114 already on manifest M1'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from stockops.dispatch.carrier import CANCELLED, ShippedShipment


@dataclass(frozen=True, slots=True)
class ManifestLine:
    """One labelled parcel: its shipment (transfer) reference, status and manifest if any."""

    tracking_number: str
    shipment: str
    status: str
    manifest: str = ""


@dataclass(frozen=True, slots=True)
class ManifestPlan:
    """The shipments to hand over, the parcels left out with their reasons, and a summary."""

    shipments: tuple[ShippedShipment, ...]
    left_out: tuple[tuple[str, str], ...]
    reason: str

    @property
    def tracking_numbers(self) -> tuple[str, ...]:
        return tuple(n for s in self.shipments for n in s.tracking_numbers)


def plan_manifest(lines: Sequence[ManifestLine]) -> ManifestPlan:
    """Group the parcels to hand over by shipment (first-seen order) and say why not others."""
    groups: dict[str, list[str]] = {}
    left_out: list[tuple[str, str]] = []
    for line in lines:
        if line.status == CANCELLED:
            left_out.append((line.tracking_number, "voided"))
        elif line.manifest:
            left_out.append((line.tracking_number, f"already on manifest {line.manifest}"))
        else:
            groups.setdefault(line.shipment, []).append(line.tracking_number)
    shipments = tuple(ShippedShipment(ref, tuple(numbers)) for ref, numbers in groups.items())
    parcels = sum(len(numbers) for numbers in groups.values())
    reason = (
        f"{parcels} parcels of {len(shipments)} shipments to hand over"
        if shipments
        else "nothing to hand over"
    )
    if left_out:
        reason += "; left out: " + ", ".join(f"{n} {why}" for n, why in left_out)
    return ManifestPlan(shipments, tuple(left_out), reason)
