"""The campaign's code book: categories, sub-problems, place and unit dictionaries (no Qt)."""
