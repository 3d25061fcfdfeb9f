from .bulk_update import bulk_create, bulk_update
from . import api_keys
