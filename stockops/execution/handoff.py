"""Which floor hand-off a posted stock movement confirms.

The event ledger records six hand-offs: a receipt posted, a put-away, a replenishment
(reserve to forward pick), a pick, a pack and a shipment. A movement is classified from
the role its operation type plays in the warehouse's flow and from the kinds of zone it
leaves and enters; the answer carries its reason so a supervisor can audit the ledger.

>>> classify_handoff(Movement(type_role="in", type_code="incoming"))
Handoff(event_type='receipt', reason='posted on the receipt operation')
>>> classify_handoff(Movement(type_role="internal", type_code="internal",
...                           source_zone="reserve", dest_zone="forward"))
Handoff(event_type='replenishment', reason='reserve -> forward pick')
>>> classify_handoff(Movement(type_role="internal", type_code="internal",
...                           source_zone="reserve", dest_zone="reserve")).event_type
'putaway'

A one-step flow confirms two hand-offs in one posting: a receipt posted straight into a
storage bin is also its put-away, a delivery shipped straight from a storage bin is also
its pick.

>>> [h.event_type for h in classify_handoffs(Movement("out", "outgoing", "forward", None))]
['pick', 'shipment']
"""

from __future__ import annotations

from dataclasses import dataclass

EVENT_TYPES = ("receipt", "putaway", "replenishment", "pick", "pack", "shipment")

#: zones that hold stock which may be picked or replenished from
STORAGE_ZONES = frozenset({"reserve", "forward"})


@dataclass(frozen=True, slots=True)
class Movement:
    """A posted movement as the ledger sees it.

    ``type_role`` is the operation type's role in its warehouse: ``in``, ``pick``,
    ``pack``, ``out``, ``internal`` or ``other``; ``type_code`` is Odoo's
    ``incoming``/``outgoing``/``internal``; zones are zone kinds (``reserve``,
    ``forward``, ``qc``, ``hold`` ...) or None where the location has no zone.
    """

    type_role: str
    type_code: str
    source_zone: str | None = None
    dest_zone: str | None = None


@dataclass(frozen=True, slots=True)
class Handoff:
    """The hand-off a movement confirms (None: not one of the six) and why."""

    event_type: str | None
    reason: str


def classify_handoff(move: Movement) -> Handoff:
    """Name the hand-off confirmed by posting ``move``; see the module docstring."""
    if move.type_role == "in" or move.type_code == "incoming":
        return Handoff("receipt", "posted on the receipt operation")
    if move.type_role == "pick":
        return Handoff("pick", "posted on the pick operation")
    if move.type_role == "pack":
        return Handoff("pack", "posted on the pack operation")
    if move.type_role == "out" or move.type_code == "outgoing":
        return Handoff("shipment", "posted on the delivery operation")
    if move.source_zone == "reserve" and move.dest_zone == "forward":
        return Handoff("replenishment", "reserve -> forward pick")
    if move.dest_zone in STORAGE_ZONES:
        origin = move.source_zone or "an unzoned location"
        return Handoff("putaway", f"{origin} -> {move.dest_zone} storage")
    return Handoff(None, f"internal move into {move.dest_zone or 'an unzoned location'}")


def classify_handoffs(move: Movement) -> tuple[Handoff, ...]:
    """Every hand-off posting ``move`` confirms, in flow order: none, one, or two for a
    one-step receipt into (or delivery out of) a storage zone."""
    handoff = classify_handoff(move)
    if handoff.event_type == "receipt" and move.dest_zone in STORAGE_ZONES:
        return handoff, Handoff("putaway", f"received straight into {move.dest_zone} storage")
    if handoff.event_type == "shipment" and move.source_zone in STORAGE_ZONES:
        return Handoff("pick", f"shipped straight from {move.source_zone} storage"), handoff
    return (handoff,) if handoff.event_type else ()
