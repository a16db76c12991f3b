"""Bringing the department's own exports in: one pipeline of small stages for every kind of record.

    reading   bytes -> sheets of cells (CSV in any of the usual encodings, workbooks, JSON)
    header    sheet -> a table under its column names (found below titles, stacked headers joined)
    mapping   which column is which field, values turned into ours; saved under a name
    checking  every cell of every mapped field read in one pass; what cannot be read is rejected
    <kind>    complaints, …: the kind's own rules, keys and store rows
    pipeline  prepare (everything up to the preview, writes nothing) -> commit -> undo
    batches   what was imported, on disk under data/imports/

Command line: `python -m audit_dashboard.importer --help`.
Kept free of imports at package level so that the build can use `importer.batches` on its own.
"""
