"""``python -m reflect_tui`` runs the command line."""

from reflect_tui.cli import main

raise SystemExit(main())
