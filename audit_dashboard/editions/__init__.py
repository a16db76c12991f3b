"""Report editions: each report to the council is one edition, added by the department itself.

- meta.py: an edition's facts (title, session, period, as-of date) and its id.
- spec.py: the workbook's sheets and columns, generated from schema/report.sql.
- workbook.py: the workbook written (empty template, an edition exported, a draft) and read back.
- folders.py: added editions on disk (data/editions/<edition>/, not in git).
- pipeline.py: a workbook in: read → check → preview → commit, and removing an edition again.
- draft.py: the next report's draft, pre-filled from the records.
- compare.py: figures two editions share, side by side.
"""
