"""The desktop app (PySide6): shows and edits the core's objects, owns no logic."""
