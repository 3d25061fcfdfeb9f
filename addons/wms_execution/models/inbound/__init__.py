"""Advance ship notices: what a vendor says is on the truck, before it arrives.

Decides: whether a notice (a CSV or GS1 despatch advice file, or a vendor's JSON post) is
taken whole or refused with every error by its line (the engine's
``stockops.execution.inbound``), and which vendor a notice endpoint call speaks for (a
per-vendor token, stored hashed). Reads: the notice text, the catalogue (products by GTIN
and by the vendor's code, in one read each), the SSCCs already known. Writes: the notice
with its pallets and lines, and the incoming receipt with one package per SSCC and move
lines pre-filled with package, lot or serial and expiry; at the dock, a pallet received
whole by its SSCC (``check_pallet``): its lines picked, a mixed pallet broken down, the
pallet marked received, a difference opened as a receiving exception.
"""

from . import wms_inbound_notice
from . import wms_inbound_intake
from . import wms_inbound_receive
from . import res_partner_asn_token
