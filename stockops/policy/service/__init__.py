"""Service levels: what a reorder rule promises, and what it achieves when demand is
replayed through it the way Odoo 18 executes it.

Two measures, the same everywhere in the suite (engine, bench, Odoo screens):

* **cycle service**: the share of replenishment cycles without a stockout. A replenishment
  cycle runs from one receipt to the next; it has a stockout when some demand of a day
  in it could not be served from stock on hand that day (backordered or lost).
* **fill rate**: the share of demand units served from stock on hand the day they were
  asked for.

A cycle service of 95 % means that in 19 cycles out of 20 no customer waited; a fill rate
of 95 % means that 95 units in 100 left on the day they were ordered. Fill rate is
usually the higher of the two: a stockout cycle typically misses only a few units.

Modules:

* :mod:`.replay` runs demand paths through Odoo's min/max rule night by night (or a
  DDMRP buffer) and measures both;
* :mod:`.paths` makes demand paths: from the generating process of a demand class, or
  from a product's own history by bootstrap;
* :mod:`.lead_time_demand` is the distribution the reorder point must cover (the demand
  over the lead time plus what the night's review adds) and the min that keeps a promise.
"""
