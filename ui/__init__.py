"""Qt user interface: widgets, item models and workers over the Qt-free ``reviewer`` core."""
