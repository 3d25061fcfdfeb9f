# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""One UPDATE (or INSERT) for many records with different values: the write half of "one
bulk read, one engine call, one bulk write". A per-record ``write`` is one query per
record, so a chunk of 500 reorder rules would cost 500 queries; this costs one per call."""

from odoo.tools import SQL

# SQL type each Odoo field type is cast to inside VALUES (NULLs need a type)
CASTS = {
    "float": "float8",
    "monetary": "float8",
    "integer": "int4",
    "many2one": "int4",
    "boolean": "bool",
    "char": "text",
    "text": "text",
    "selection": "text",
    "datetime": "timestamp",
    "date": "date",
}


def _cell(field, value):
    """One typed VALUES cell (NULLs need a type; a false relation or text is NULL)."""
    if field.type in ("many2one", "char", "text", "selection", "datetime", "date"):
        value = value or None
    return SQL(f"%s::{CASTS[field.type]}", value)


def bulk_update(records, rows):
    """Write ``rows[i]`` (a dict of plain stored fields, the same keys in every row) to
    ``records[i]`` in a single UPDATE, after the usual access check.

    Only for fields whose writing needs no ORM side effect: no inverse, no constraint the
    caller does not already guarantee, and nothing *stored* computed from them (the cache
    is invalidated, nothing is recomputed; non-stored computes read the new values).
    """
    if len(rows) != len(records):
        raise ValueError("one row of values per record is needed")
    if not records:
        return
    records.check_access("write")
    fnames = list(rows[0])
    fields_ = [records._fields[name] for name in fnames]
    records.flush_recordset(fnames)
    values = SQL(", ").join(
        SQL(
            "(%s)",
            SQL(", ").join(
                [
                    SQL("%s::int4", rec_id),
                    *(_cell(field, row[field.name]) for field in fields_),
                ]
            ),
        )
        for rec_id, row in zip(records.ids, rows, strict=True)
    )
    assignments = SQL(", ").join(
        SQL("%s = v.%s", SQL.identifier(name), SQL.identifier(name)) for name in fnames
    )
    columns = SQL(", ").join(SQL.identifier(name) for name in ["id", *fnames])
    records.env.cr.execute(
        SQL(
            "UPDATE %s AS t SET %s, write_uid = %s, write_date = NOW() AT TIME ZONE 'UTC' "
            "FROM (VALUES %s) AS v(%s) WHERE t.id = v.id",
            SQL.identifier(records._table),
            assignments,
            records.env.uid,
            values,
            columns,
        )
    )
    records.invalidate_recordset([*fnames, "write_uid", "write_date"])


def bulk_create(model, rows):
    """Insert ``rows`` (dicts of plain stored fields, the same keys in every row) as new
    records of ``model`` in a single INSERT, after the usual access check; returns them.

    For report rows only: no default, no compute, no constraint and no ``create`` override
    runs, so every required field must be in the rows.
    """
    if not rows:
        return model.browse()
    model.check_access("create")
    fnames = list(rows[0])
    fields_ = [model._fields[name] for name in fnames]
    uid = model.env.uid
    values = SQL(", ").join(
        SQL(
            "(%s, %s, %s, NOW() AT TIME ZONE 'UTC', NOW() AT TIME ZONE 'UTC')",
            SQL(", ").join(_cell(field, row[field.name]) for field in fields_),
            uid,
            uid,
        )
        for row in rows
    )
    columns = SQL(", ").join(
        SQL.identifier(name)
        for name in [*fnames, "create_uid", "write_uid", "create_date", "write_date"]
    )
    model.env.cr.execute(
        SQL(
            "INSERT INTO %s (%s) VALUES %s RETURNING id",
            SQL.identifier(model._table),
            columns,
            values,
        )
    )
    return model.browse([row[0] for row in model.env.cr.fetchall()])
