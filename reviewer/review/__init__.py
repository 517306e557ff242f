"""Review session state that is not a tag: what has been watched, marks in and out."""
