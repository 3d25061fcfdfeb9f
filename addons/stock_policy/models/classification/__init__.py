"""ABC and XYZ classes: each product's value class (and pick class) per warehouse from the
last 52 weeks, with the history of reclassifications.

Decides: a product's class (``stock.policy.abc``, the engine's ``stockops.policy.abc``).
Reads: shipped units and cost, the warehouse's class shares. Writes: ``stock.policy.abc``
and ``stock.policy.abc.change`` rows. The warehouse's settings per class live here too:
the ABC shares, counts a year and count tolerances that ``counts`` reads.
"""

from . import stock_warehouse
from . import stock_policy_abc
