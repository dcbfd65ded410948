"""Search: results as you type, best matches first, with the matching words marked.

Each key press starts a search in a worker thread at once unless one is already
running; then only the newest words are searched next, when it ends. So the results
follow the typing closely, and the typing never waits for a search.
"""

from __future__ import annotations

import threading
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from reflect_tui.journal import Journal, SearchHit, SearchQueryError, VaultError
from reflect_tui.ui.screens.session_detail import SessionDetailScreen
from reflect_tui.ui.widgets.entry_text import one_line, plural, short_day, snippet_content

LIMIT = 50
#: Matches listed at once (more than a tall screen shows); the rest follow a moment later.
FIRST_SHOWN = 12
SYNTAX_HINT = 'Type words. "Quoted words" find a phrase; counter* finds words that start so.'


def as_you_type(words: str) -> str:
    """Match the word being typed by its start: ``famil`` finds family, families.

    Only a bare last word is widened; a finished word (followed by a space), a quoted
    phrase, an operator (OR, NOT) or a word already ending in ``*`` stays as it is.
    """
    if not words or words[-1].isspace() or words.count('"') % 2:
        return words
    last = words.split()[-1]
    if last.endswith(("*", '"')) or last in {"OR", "NOT", "AND"}:
        return words
    return words + "*"


class QueryInput(Input):
    """The search box: Down moves to the results (an Input would swallow it)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("down", "screen.results", "Results")]


def hit_content(hit: SearchHit, width: int) -> Content:
    """Date, set and prompt on one line (cut to ``width``); the snippet, its matches
    marked, below."""
    heading = Content.assemble(
        (short_day(hit.started, hit.utc_offset), "bold"),
        (f" · {hit.set_title}", "$text-muted"),
        (f" · {one_line(hit.prompt_text)}", "italic $text-muted"),
    ).truncate(max(20, width), ellipsis=True)
    lines = [heading, snippet_content(hit.snippet)]
    if hit.tags:
        lines.append(Content.styled(" ".join(f"#{t}" for t in hit.tags.split()), "$text-accent"))
    return Content("\n").join(lines)


class SearchScreen(Screen[None]):
    """Full-text search of every answer; Enter opens the reflection at that answer."""

    CSS_PATH = "search.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("ctrl+l", "clear", "Clear"),
    ]

    def __init__(self, journal: Journal, *, query: str = "") -> None:
        super().__init__()
        self.journal = journal
        self.initial_query = query
        self.hits: list[SearchHit] = []
        #: The (words, tag) last asked for; a search's results are shown only if current.
        self.wanted: tuple[str, str] = ("", "")
        self.shown: tuple[str, str] | None = None
        self._lock = threading.Lock()
        self._searching = False

    def compose(self) -> ComposeResult:
        yield Static("Search", id="title", markup=False)
        with Horizontal(id="boxes"):
            yield QueryInput(
                self.initial_query,
                placeholder='Words, "a phrase", or the start of a word*',
                id="query",
            )
            yield Input(placeholder="Tag", id="tag")
        yield Static(SYNTAX_HINT, id="hint", markup=False)
        yield OptionList(id="results")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#query", Input).focus()
        self.query_one(OptionList).display = False
        if self.initial_query:
            self._ask()

    # -- searching ---------------------------------------------------------------

    @on(Input.Changed)
    def _typed(self) -> None:
        self._ask()

    def _ask(self) -> None:
        words = self.query_one("#query", Input).value
        tag = self.query_one("#tag", Input).value.strip()
        with self._lock:
            self.wanted = (words, tag)
            if self._searching:
                return  # the running search picks up the newest words when it ends
            self._searching = True
        self._search()

    @work(thread=True, group="search")
    def _search(self) -> None:
        """Search until the words searched are the newest words typed."""
        while True:
            with self._lock:
                wanted = self.wanted
            words, tag = wanted
            error: str | None = None
            hits: list[SearchHit] = []
            try:
                hits = self.journal.search(as_you_type(words), tag=tag or None, limit=LIMIT)
            except SearchQueryError as problem:
                error = str(problem)
            except VaultError as problem:
                error = str(problem)
            with self._lock:
                if self.wanted != wanted:
                    continue  # typed on meanwhile: these results are already old
                self._searching = False
            self.app.call_from_thread(self._show, wanted, hits, error)
            return

    def _show(self, wanted: tuple[str, str], hits: list[SearchHit], error: str | None) -> None:
        if wanted != self.wanted:
            return
        self.shown = wanted
        hint = self.query_one("#hint", Static)
        words, tag = wanted
        if error is not None:
            hint.update(error)
            hint.set_class(True, "-problem")
            return  # keep the last good results in view
        hint.set_class(False, "-problem")
        self.hits = hits
        self._list_hits()
        if not words.strip() and not tag:
            hint.update(SYNTAX_HINT)
        elif not hits:
            hint.update("Nothing matches. Try fewer words, or the start of a word with *.")
        elif len(hits) == LIMIT:
            hint.update(f"The {LIMIT} best matches. Add words to narrow it down.")
        else:
            hint.update(f"{plural(len(hits), 'answer')} found, best matches first.")

    def _options(self, first: int, last: int) -> list[Option | None]:
        width = self.size.width - 6  # the list's border, padding and scrollbar
        options: list[Option | None] = []
        for n, hit in enumerate(self.hits[first:last], first):
            options.append(Option(hit_content(hit, width), id=str(n)))
            if n < len(self.hits) - 1:
                options.append(None)  # a rule between matches
        return options

    def _list_hits(self, *, keep_place: bool = False) -> None:
        """Show the best matches at once and the rest just after they are painted."""
        results = self.query_one(OptionList)
        highlighted = results.highlighted if keep_place else 0
        first = len(self.hits) if keep_place else FIRST_SHOWN
        results.set_options(self._options(0, first))
        results.display = bool(self.hits)
        if self.hits:
            results.highlighted = min(highlighted or 0, len(self.hits) - 1)
        if first < len(self.hits):
            hits = self.hits
            self.call_after_refresh(self._list_rest, hits, first)

    def _list_rest(self, hits: list[SearchHit], first: int) -> None:
        if hits is self.hits:  # not replaced by newer results meanwhile
            self.query_one(OptionList).add_options(self._options(first, len(hits)))

    def on_resize(self) -> None:
        if self.hits:
            self._list_hits(keep_place=True)

    # -- opening -----------------------------------------------------------------

    @on(Input.Submitted)
    def _open_first(self) -> None:
        if self.hits and self.shown == self.wanted:
            self._open(self.hits[0])

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self._open(self.hits[int(event.option.id)])

    def _open(self, hit: SearchHit) -> None:
        def closed(result: str | None) -> None:
            if result is not None:  # changed or deleted: search again
                self.shown = None
                self._ask()

        screen = SessionDetailScreen(self.journal, hit.session_id, answer_id=hit.answer_id)
        self.app.push_screen(screen, closed)

    # -- keys --------------------------------------------------------------------

    def action_results(self) -> None:
        results = self.query_one(OptionList)
        if results.display and not results.has_focus:
            results.focus()

    def action_clear(self) -> None:
        for box in self.query(Input).results(Input):
            box.value = ""
        self.query_one("#query", Input).focus()

    def action_back(self) -> None:
        if self.query_one(OptionList).has_focus:
            self.query_one("#query", Input).focus()
            return
        self.dismiss(None)
