"""The scan screen's server side (``wms.scan``) and its flows: resolve a barcode (bin,
product, GTIN, lot, package) or an RFID tag (EPC), take the next line under a row lock,
confirm it idempotently; put-away, receiving (by product, or a notice's pallet whole by its
SSCC), replenishment, packing, the drop-off of a pick trip, and a bin counted from a batch
of RFID reads.

Decides: whether a scan matches what was expected, and where a held pick goes next.
Reads: move lines, bins, products, lots, packages. Writes: the confirmed lines (posted at
once), ``wms.scan.request`` (one answer per device key), the drop-off's held pushes.
"""

from . import wms_scan
from . import stock_move_drop_off
from . import wms_scan_work
from . import wms_scan_input
from . import wms_scan_drop
from . import wms_scan_barcode
from . import wms_scan_epc
from . import wms_scan_rfid
from . import wms_scan_lot
from . import wms_scan_putaway
from . import wms_scan_receive
from . import wms_scan_pallet
from . import wms_scan_replenish
from . import wms_scan_pack
from . import wms_scan_bin_rules
