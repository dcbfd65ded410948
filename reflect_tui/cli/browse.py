"""``reflect search`` and ``reflect history``: read the last saved state, even while the
app has the vault open, through the plain-SQL reader (no SQLAlchemy in the process)."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from typing import Any

from reflect_tui.cli.common import open_reader
from reflect_tui.core.clock import as_written


def register(sub: argparse._SubParsersAction[Any]) -> None:
    search = sub.add_parser("search", help="search your reflections (ranked, with snippets)")
    search.add_argument("query", nargs="+", help='words, "a phrase", or a prefix*')
    search.add_argument("--limit", type=int, default=20, metavar="N", help="at most N results")
    search.add_argument("--tag", help="only answers with this tag")
    search.set_defaults(handler=search_journal)
    history = sub.add_parser("history", help="list your reflection sessions, newest first")
    history.add_argument("--from", dest="start", type=date.fromisoformat, metavar="YYYY-MM-DD")
    history.add_argument("--to", dest="end", type=date.fromisoformat, metavar="YYYY-MM-DD")
    history.add_argument("--flagged", action="store_true", help="only flagged for supervision")
    history.add_argument("--set", dest="set_id", metavar="ID", help="only this prompt set")
    history.add_argument("--limit", type=int, default=50, metavar="N")
    history.set_defaults(handler=show_history)


def _highlight(snippet: str) -> str:
    from reflect_tui.journal.listing import MATCH_END, MATCH_START

    styled = sys.stdout.isatty() and not os.environ.get("NO_COLOR")  # no-color.org
    on, off = ("\x1b[1m", "\x1b[0m") if styled else ("[", "]")
    return snippet.replace(MATCH_START, on).replace(MATCH_END, off)


def search_journal(args: argparse.Namespace) -> int:
    with open_reader(args) as journal:
        hits = journal.search(" ".join(args.query), tag=args.tag, limit=args.limit)
    if not hits:
        print("No reflections match that search.")
        return 1
    for hit in hits:
        when = hit.day.isoformat()
        print(f"{when}  {hit.set_title}  ·  {hit.prompt_text}")
        print(f"    {_highlight(' '.join(hit.snippet.split()))}")
    return 0


def show_history(args: argparse.Namespace) -> int:
    with open_reader(args) as journal:
        sessions = journal.list_sessions(
            start=args.start,
            end=args.end,
            flagged=args.flagged,
            set_id=args.set_id,
            limit=args.limit,
        )
    if not sessions:
        print("No reflections in that range.")
        return 0
    for s in sessions:
        when = as_written(s.started, s.utc_offset).strftime("%Y-%m-%d %H:%M")
        marks = "⚑" if s.flagged or s.flagged_answers else " "
        state = "" if s.finished else " (unfinished)"
        answers = f"{s.answer_count} answer{'' if s.answer_count == 1 else 's'}"
        print(f"{when} {marks} {s.set_title}{state}, {answers}: {s.first_words}")
    return 0
