from . import inbound_notice
