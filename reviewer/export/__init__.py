"""Exports for the monthly meeting and the film: ledger, editor hand-off, captions, clips,
screening reel, slides and statistics.

Every export works on a :class:`~reviewer.export.snapshot.Snapshot` taken from the open
project on the caller's thread, so the slow part (ffmpeg, stills, LibreOffice-free file
writing) runs on a worker without touching the project's SQLite connection.
"""
