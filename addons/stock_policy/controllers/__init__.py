from . import channel_atp
