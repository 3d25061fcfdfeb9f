"""The labour demo, out of the business code: ``wms.demo.loader`` gains the tasks behind the
demo's last two weeks of floor work, called from ``wms_labor_floor_demo.xml``.
"""

from . import floor_tasks
