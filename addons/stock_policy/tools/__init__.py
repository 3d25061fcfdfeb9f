from .bulk_update import bulk_update
