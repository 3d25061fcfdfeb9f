"""What did not go as planned, and who may override a rule: the floor's exception queue
(short picks, pack-check failures) and the supervisor's reasons.

Decides: where a short pick's missing units come from (``wms.exception.action_reallocate``);
who may give an override reason (``wms.supervisor.reason``). Reads: the transfers and moves
concerned. Writes: ``wms.exception`` rows, re-reservations, the reason and who gave it.
"""

from . import wms_supervisor_reason
from . import wms_exception
from . import wms_exception_count
