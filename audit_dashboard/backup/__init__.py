"""Backup and restore of what the department added or set (locations.DEPARTMENT_DATA under data/).

    archive.create(path) / archive.archive_bytes()   a backup now (zip with manifest.json)
    archive.open_archive(path_or_bytes)              read and check one; BackupError in Korean if refused
    restore.preview(archive)                         what a restore would change (page and --dry-run)
    restore.restore(archive)                         all or nothing, then the store rebuilt

Command line: python -m audit_dashboard.backup create FILE | verify FILE | restore FILE [--dry-run]
"""
