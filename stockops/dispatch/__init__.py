"""stockops.dispatch engines: cut-offs, carrier connectors, rate shopping.

========================  ===============================================================
``cutoff``                the carrier's daily cut-off a parcel makes
``carrier``               the CarrierClient interface, its dataclasses and errors
``rates``                 concurrent rate shopping and the choice of a quote
``retry``, ``masking``    backoff policy; secrets hidden from logged traffic
``rest``, ``fedex``       generic JSON/OAuth2 pieces; a FedEx-shaped REST carrier
``soap``, ``canadapost``  generic zeep pieces; a Canada Post-shaped SOAP carrier
``simulators``            local REST and SOAP carrier servers for tests and benchmarks
========================  ===============================================================

Importing this package needs neither ``requests`` nor ``zeep``: only ``rest``/``fedex``
and ``soap``/``canadapost`` import them (``pip install stockops[dispatch]``).
"""
