"""The dispatch demo, out of the business code: ``wms.demo.loader`` gains the carriers,
connectors pointing at the local simulators, dock doors and today's appointments, called
from ``carrier_dispatch_demo.xml``.
"""

from . import carriers
