"""The window and its widgets (PySide6); they show core objects and call core services given to them."""
