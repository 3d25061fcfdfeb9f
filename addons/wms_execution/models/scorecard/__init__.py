"""The warehouse scorecard: fill rate, turns, stockouts, ageing, space, dock-to-stock,
pick accuracy, cycle time, OTIF and carrying cost, by day, week or month, graded against
thresholds; its page, xlsx export, weekly digest and what changed.

Decides: each figure and its grade (the engine's ``stockops.kpi``). Reads: the hand-off
ledger, stock moves, quants and exceptions, one grouped read per figure. Writes:
``wms.kpi.value`` rows; ``wms.kpi.change`` is a read-only view.
"""

from . import wms_kpi
from . import wms_kpi_export
from . import wms_kpi_inventory
from . import wms_kpi_floor
from . import wms_kpi_threshold
from . import wms_kpi_digest
from . import wms_kpi_page
from . import wms_kpi_change
