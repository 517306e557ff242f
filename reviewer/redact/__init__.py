"""Privacy redaction: faces found by the bundled CenterFace model, manual regions that follow
an object, mosaic or blur on every picture an export writes, and each tag's sign-off.

Regions are stored per footage time (display coordinates, 0..1) so every export of any
tag on that footage redacts the same boxes; see docs/adr/0014-redaction.md.
"""
