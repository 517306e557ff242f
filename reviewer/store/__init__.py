"""The review project store: one SQLite file per project, every edit committed at once (no Qt)."""
