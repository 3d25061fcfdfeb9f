"""The site's clock: the time zone a warehouse works on, and the day it is there.

Decides: which day "today" is for a warehouse's work — the counts it asks for, the day its
carriers' parcels are handed over, its scorecard's periods, its cut-offs and door hours.
It is the site's day, never the reader's: a planner in another zone, or a user with no zone
set (Odoo then reads UTC), sees the same day as the floor. A user's own zone is only
display. Reads: the warehouse's address, its company's address and working hours.
"""

from . import res_company
from . import stock_warehouse
from .res_company import site_now, site_to_utc

__all__ = ["site_now", "site_to_utc"]
