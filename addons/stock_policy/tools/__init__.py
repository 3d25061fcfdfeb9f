from .bulk_update import bulk_create, bulk_update
