"""The Textual app: screens from unlock to a saved reflection (see DESIGN.md, "The flow").

Nothing here touches the vault, SQL or keys; every read and change goes through
:class:`reflect_tui.journal.Journal`, and every change runs in a worker thread.
"""
