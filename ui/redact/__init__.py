"""Redaction in the review window (#15): the live mosaic preview, the region editor drawn
over the video, and the sign-off panel. ``install(window)`` wires them in."""
