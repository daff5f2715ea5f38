"""The app's dialogs: errors when a workspace cannot be opened or saved, About, the record of a presentation."""
