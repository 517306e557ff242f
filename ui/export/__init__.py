"""The export dialog (#5)."""
