# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The engine's records for a channel question, read in bulk: channels, allocations, stock
by lot (with what each channel has reserved), incoming receipts. Names handed to the engine:
a channel by its name, a product, site (a stock location) and lot by their ids."""

from stockops.policy.network import Allocation, Channel, Incoming, Lot

from ..site_clock.res_company import site_today

NO_LOT = "0"


def channel_names(teams):
    """Engine channel name per team: its name, with its id when two share a name."""
    counts = {}
    for team in teams:
        counts[team.name] = counts.get(team.name, 0) + 1
    return {
        team: team.name if counts[team.name] == 1 else f"{team.name} ({team.id})" for team in teams
    }


def channels(env, companies):
    """Every sales team of ``companies`` (or of none) as a ranked channel."""
    teams = (
        env["crm.team"]
        .sudo()
        .with_context(active_test=False)
        .search(["|", ("company_id", "=", False), ("company_id", "in", companies.ids)])
    )
    names = channel_names(teams)
    return names, [Channel(names[t], t.stock_rank) for t in teams]


def allocations(env, names, products, warehouses):
    """The allocations of these products at these warehouses as engine records."""
    rows = env["stock.policy.channel.allocation"].sudo().search([
        ("product_id", "in", products.ids), ("warehouse_id", "in", warehouses.ids),
        ("team_id", "in", [t.id for t in names]),
    ])  # fmt: skip
    return [
        Allocation(
            names[a.team_id], str(a.product_id.id), str(a.warehouse_id.lot_stock_id.id),
            units=a.units if a.kind == "units" else None,
            share=a.share_percent / 100.0 if a.kind == "share" else None,
        )
        for a in rows
    ]  # fmt: skip


def _site_of(location, sites):
    """The deepest site location ``location`` lies in (None when in none)."""
    best = None
    for site in sites:
        if location.parent_path.startswith(site.parent_path) and (
            best is None or len(site.parent_path) > len(best.parent_path)
        ):
            best = site
    return best


def lots(env, names, products, sites):
    """On-hand stock of ``products`` in ``sites`` (stock locations) per lot, less what is
    reserved for anything but a sales channel, with what each channel has reserved."""
    quants = env["stock.quant"].sudo()._read_group(
        [("product_id", "in", products.ids), ("location_id", "child_of", sites.ids),
         ("location_id.usage", "=", "internal")],
        ["product_id", "location_id", "lot_id"],
        ["quantity:sum", "reserved_quantity:sum", "in_date:min"],
    )  # fmt: skip
    lines = env["stock.move.line"].sudo().search([
        ("product_id", "in", products.ids), ("location_id", "child_of", sites.ids),
        ("state", "not in", ("done", "cancel")), ("picked", "=", False),
        ("move_id.sale_line_id.order_id.team_id", "in", [t.id for t in names]),
    ])  # fmt: skip
    by_key = {}
    for product, location, lot, quantity, reserved, in_date in quants:
        site = _site_of(location, sites)
        if not site:
            continue
        row = by_key.setdefault(
            (product, site, lot), {"qty": 0.0, "reserved": 0.0, "in": in_date, "by": {}}
        )
        row["qty"] += quantity
        row["reserved"] += reserved
        if in_date and (not row["in"] or in_date < row["in"]):
            row["in"] = in_date
    for line in lines:
        site = _site_of(line.location_id, sites)
        row = by_key.get((line.product_id, site, line.lot_id))
        if row is None:
            continue
        channel = names[line.move_id.sale_line_id.order_id.team_id]
        row["by"][channel] = row["by"].get(channel, 0.0) + line.quantity_product_uom
    has_removal = "removal_date" in env["stock.lot"]._fields
    out = []
    for (product, site, lot), row in by_key.items():
        by_channel = sum(row["by"].values())
        quantity = max(row["qty"] - max(row["reserved"] - by_channel, 0.0), 0.0)
        if quantity <= 0:
            continue
        scale = min(1.0, quantity / by_channel) if by_channel else 1.0
        removal = lot.removal_date if has_removal and lot else None
        out.append(Lot(
            str(product.id), str(site.id), str(lot.id or NO_LOT), quantity,
            (row["in"] or env.cr.now()).date(), removal.date() if removal else None,
            tuple((c, u * scale) for c, u in row["by"].items() if u > 0),
        ))  # fmt: skip
    return out


def incoming(env, products, warehouses):
    """Receipts of ``products`` not yet done into each warehouse's stock, from outside it,
    dated on the warehouse's clock."""
    moves = env["stock.move"].sudo().search([
        ("product_id", "in", products.ids),
        ("state", "in", ("confirmed", "waiting", "partially_available", "assigned")),
        ("location_dest_id", "child_of", warehouses.lot_stock_id.ids),
    ])  # fmt: skip
    zones = {w: w._site_tz() for w in warehouses}
    out = []
    for move in moves:
        warehouse = move.location_dest_id.warehouse_id
        if move.location_id.warehouse_id == warehouse or warehouse not in warehouses:
            continue
        out.append(Incoming(
            str(move.product_id.id), str(warehouse.lot_stock_id.id), move.product_qty,
            site_today(zones[warehouse], move.date),  # the day it is due on the site's clock
        ))  # fmt: skip
    return out


def removal(env, products, site):
    """FEFO or FIFO per product, the removal strategy Odoo applies at ``site``."""
    quants = env["stock.quant"]
    return {
        str(p.id): "fefo" if quants._get_removal_strategy(p, site) == "fefo" else "fifo"
        for p in products
    }
