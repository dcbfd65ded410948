"""The clinician's two word lists: the watch list (words that must never leave in an
export) and the words marked fine (not names: the identifier check does not ask again).
Kept apart from :mod:`reflect_tui.journal.data`, which holds the reflections."""

from __future__ import annotations

from contextlib import AbstractContextManager

from sqlmodel import Session, select

from reflect_tui.core.records import normalise_watch_word
from reflect_tui.core.uids import word_uid
from reflect_tui.journal import records as journal_records
from reflect_tui.journal.engine import sqlite_of
from reflect_tui.journal.models import FineWord, WatchWord


class WordLists:
    """The watch list and the fine words; ``_writing``/``_reading`` come from the journal."""

    def _writing(self, *, purge: bool = False) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def _reading(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    # -- the watch list (words that must not leave in an export) -----------------

    def watch_words(self) -> list[str]:
        with self._reading() as db:
            return journal_records.watch_words(sqlite_of(db))

    def add_watch_word(self, word: str) -> bool:
        word = normalise_watch_word(word)
        if not word or word.casefold() in {w.casefold() for w in self.watch_words()}:
            return False
        with self._writing() as db:
            db.add(WatchWord(uid=word_uid("watch_word", word), word=word))
        return True

    # -- words that are not names (the identifier check does not ask again) ------

    def fine_words(self) -> list[str]:
        with self._reading() as db:
            return journal_records.fine_words(sqlite_of(db))

    def add_fine_word(self, word: str) -> bool:
        """Mark a word (or each word of a phrase: the check judges words one by one) as
        not a name; False if every one of them already was."""
        known = {w.casefold() for w in self.fine_words()}
        fresh = [
            w
            for w in dict.fromkeys(normalise_watch_word(word).split())
            if w.casefold() not in known
        ]
        if not fresh:
            return False
        with self._writing() as db:
            for each in fresh:
                db.add(FineWord(uid=word_uid("fine_word", each), word=each))
        return True

    def remove_fine_word(self, word: str) -> bool:
        target = normalise_watch_word(word).casefold()
        with self._writing() as db:
            rows = [w for w in db.exec(select(FineWord)) if w.word.casefold() == target]
            for row in rows:
                db.delete(row)
            return bool(rows)

    def remove_watch_word(self, word: str) -> bool:
        target = normalise_watch_word(word).casefold()
        with self._writing() as db:
            rows = [w for w in db.exec(select(WatchWord)) if w.word.casefold() == target]
            for row in rows:
                db.delete(row)
            return bool(rows)
