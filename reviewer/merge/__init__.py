"""Offline team work: reviewer packages and a record-level merge (no Qt; ADR 0004).

``pack`` writes a package; ``merge``/``merge_into`` bring packages into a
master project; ``resolve`` holds what the editor decides afterwards.
"""
