from . import delivery_carrier
from . import demo_loader
