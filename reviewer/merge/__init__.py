"""Offline team work: reviewer packages and a record-level merge (no Qt; ADR 0004, ADR 0010).

``pack`` writes a package; ``merge``/``merge_into`` bring packages into a
master project, within the caps of ``limits`` and after a restore point
(``restore``: the merge can be undone), or only count what they would do
(``dry_run``); ``resolve`` holds what the editor decides afterwards.
"""
