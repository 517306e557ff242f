"""Footage engine: probe files, exact frames by timestamp, cached back-steps, filmstrips."""
