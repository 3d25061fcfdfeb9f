"""stockops: the pure-Python engines behind the stockops Odoo add-ons.

Nothing in this package imports Odoo. The add-ons read Odoo records in bulk, turn them
into the plain dataclasses defined here (SI units: metres, kilograms, seconds, days),
call one engine function and write its decisions, with their reasons, back to Odoo.
"""

__version__ = "18.0.1.0.0"
