"""The Textual app: screens, widgets and the command palette."""
