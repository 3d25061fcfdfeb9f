"""stockops.dispatch engines: cut-offs, carrier connectors, rate shopping.

========================  ===============================================================
``cutoff``                the carrier's daily cut-off a parcel makes; tender windows and
                          whether an open delivery misses today's collection
``carrier``               the CarrierClient interface, its dataclasses and errors
``rates``                 concurrent rate shopping and the choice of a quote
``manifest``              which parcels an end-of-day manifest hands over
``docks``                 dock door appointments within capacity and opening hours
``loading``               the loading sequence of a truck: per route, last stop first
``retry``, ``masking``    backoff policy; secrets hidden from logged traffic
``rest``, ``fedex``       generic JSON/OAuth2 pieces; a FedEx-shaped REST carrier
``soap``, ``canadapost``  generic zeep pieces; a Canada Post-shaped SOAP carrier
``simulators``            local REST and SOAP carrier servers for tests and benchmarks
========================  ===============================================================

Importing this package needs neither ``requests`` nor ``zeep``: only ``rest``/``fedex``
and ``soap``/``canadapost`` import them (``pip install stockops[dispatch]``).
"""
