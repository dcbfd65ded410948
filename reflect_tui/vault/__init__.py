"""Encrypted storage: bytes, keys and SQLite. Knows nothing of Textual or the journal."""
