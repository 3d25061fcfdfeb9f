"""Inventory policy across a network of warehouses and sales channels.

What it decides: where each product's safety stock sits across a supply tree of
warehouses (:func:`plan_network`, the guaranteed-service model) and the reorder rule of
each warehouse that follows (:func:`reorder_rules`), which units to move
between warehouses before one runs short (:func:`propose_rebalancing`), in which order
sales channels' orders reserve stock and from which lots (:func:`reserve`), and what each
channel may promise (:func:`available_to_promise`).

What it reads: typed records handed over in one bulk call per run: :class:`Stage` (a
product at a warehouse: demand, measured lead time, supplier, target), :class:`SiteStock`
and :class:`Lane` (projected stock and transfer costs), :class:`Channel`,
:class:`Allocation`, :class:`Lot`, :class:`Request` and :class:`Incoming`.
:mod:`.simulate` runs a two-level network day by day to check a plan's service.

What it writes: nothing. It answers with frozen dataclasses, each decision with the reason
a planner reads; the Odoo adapter writes them (reorder rules, transfer proposals,
reservations, an ATP field and endpoint). Bad input raises ValueError with a sentence.
"""

from stockops.policy.network.channels import (
    Allocation,
    Channel,
    Incoming,
    Lot,
    Promise,
    Request,
    Reservation,
)
from stockops.policy.network.echelon import NetworkPlan, Placement, plan_network
from stockops.policy.network.graph import Stage, network_demand
from stockops.policy.network.rebalance import Lane, Proposal, SiteStock, propose_rebalancing
from stockops.policy.network.reservation import available_to_promise, reserve
from stockops.policy.network.rules import reorder_rules

__all__ = [
    "Allocation",
    "Channel",
    "Incoming",
    "Lane",
    "Lot",
    "NetworkPlan",
    "Placement",
    "Promise",
    "Proposal",
    "Request",
    "Reservation",
    "SiteStock",
    "Stage",
    "available_to_promise",
    "network_demand",
    "plan_network",
    "propose_rebalancing",
    "reorder_rules",
    "reserve",
]
