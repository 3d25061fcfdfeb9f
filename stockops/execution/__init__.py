"""Warehouse execution engines, one per decision: ``inbound`` (advance ship notices, RFID
reads, whether a pallet at the dock is as noticed), ``receiving`` (where a receipt line goes
first), ``putaway`` (which bin), ``replenish`` (forward top-ups), ``slotting`` (which
products to move), ``waves`` (release, pick method, carts), ``routing`` and ``pick_path``
(walking order), ``cartonize`` (cartons), ``handoff`` (which hand-off a posting confirms).
"""
