"""The ``reflect`` command: no subcommand opens the app; the rest are plain commands.

``parser`` builds the parser and runs a command; one module per group of commands
(``vault``, ``browse``, ``export``, ``prompts``) registers its own, and ``common``
holds what they share (finding the vault, asking for the passphrase, messages).
The cli may import every other package; nothing imports the cli.
"""

from reflect_tui.cli.parser import build_parser, main

__all__ = ["build_parser", "main"]
