"""The tables of a vault's database (SQLModel), with timezone-aware UTC datetimes.

Rows are handed to the UI and CLI detached from any SQL session, as plain objects to
read; only :mod:`reflect_tui.journal` creates, changes or deletes them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum

from sqlalchemy import Dialect
from sqlalchemy import Enum as SAEnum
from sqlalchemy.types import String, TypeDecorator
from sqlmodel import Field, SQLModel

from reflect_tui.core import clock
from reflect_tui.core.uids import random_uid


class UTCDateTime(TypeDecorator[datetime]):
    """Stores an aware datetime as ISO-8601 UTC text; always returns it aware, in UTC."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("reflect stores only timezone-aware datetimes")
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value).astimezone(UTC)


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class Versioned(SQLModel):
    """What a row keeps so two copies of a journal can be merged (schema 3).

    ``uid`` is its identity on every device (:mod:`reflect_tui.core.uids`); ``rev``
    its version: how many changes each opening of the journal made to it, as JSON
    (``{"<opening>": n}``), so a merge can tell a later edit from a concurrent one;
    ``modified`` the time of its last change. :mod:`reflect_tui.journal.versions`
    keeps both up to date at every change, and records deletions.
    """

    uid: str = Field(default_factory=random_uid, index=True, unique=True)
    rev: str = "{}"
    modified: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)


class ReflectionSession(Versioned, table=True):
    """One sitting with one prompt set: started, perhaps left and resumed, finished."""

    __tablename__ = "reflection_session"

    id: int | None = Field(default=None, primary_key=True)
    set_id: str = Field(index=True)
    set_version: int = 1
    set_title: str = ""
    started: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime, index=True)
    #: Minutes east of UTC where it was begun: its day is its start's date there.
    utc_offset: int = Field(default_factory=clock.utc_offset)
    finished: datetime | None = Field(default=None, sa_type=UTCDateTime)
    flagged: bool = False
    #: Index of the prompt the clinician was on, so an unfinished session resumes there.
    position: int = 0

    @property
    def day(self) -> date:
        """The local date it was begun on, where it was begun."""
        return clock.day_of(self.started, self.utc_offset)


class Answer(Versioned, table=True):
    """The answer to one prompt in one session, with the prompt's text as it was shown."""

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="reflection_session.id", index=True, ondelete="CASCADE")
    prompt_id: str
    prompt_text: str
    topic: str = "other"
    kind: str = "text"
    #: The prompt's place in its set, so answers read back in the order they were asked.
    position: int = 0
    #: What the clinician wrote, or a readable form of a scale or choice value.
    text: str = ""
    #: The structured value of a scale or choice answer, as JSON (None for free text).
    value: str | None = None
    skipped: bool = False
    created: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
    updated: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
    #: When it was last changed after its reflection was written (History's edit).
    edited: datetime | None = Field(default=None, sa_type=UTCDateTime)
    #: Space-separated lower-case tags (indexed by FTS5 with the text).
    tags: str = ""
    flagged: bool = False
    #: The identity of the supervision meeting it was discussed in, or "" (schema 5).
    discussed: str = Field(default="", sa_column_kwargs={"server_default": ""})

    @property
    def tag_list(self) -> list[str]:
        return self.tags.split()


class ActionItem(Versioned, table=True):
    """A commitment made in an answer, carried to later sessions until it is closed."""

    __tablename__ = "action_item"

    id: int | None = Field(default=None, primary_key=True)
    answer_id: int | None = Field(
        default=None, foreign_key="answer.id", index=True, ondelete="SET NULL"
    )
    text: str
    status: ActionStatus = Field(
        default=ActionStatus.OPEN,
        sa_type=SAEnum(
            ActionStatus, native_enum=False, values_callable=lambda e: [m.value for m in e]
        ),
    )
    follow_up: str = ""
    created: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
    closed: datetime | None = Field(default=None, sa_type=UTCDateTime)
    #: The supervision meeting it was agreed in, if it was (schema 4).
    meeting_id: int | None = Field(
        default=None, foreign_key="supervision_meeting.id", index=True, ondelete="SET NULL"
    )


class SupervisionMeeting(Versioned, table=True):
    """One supervision meeting as the clinician recorded it afterwards (schema 4); what
    they will do are :class:`ActionItem` rows pointing here."""

    __tablename__ = "supervision_meeting"

    id: int | None = Field(default=None, primary_key=True)
    #: The day it took place (a local date: a meeting has no zone of its own).
    day: date = Field(index=True)
    minutes: int
    #: "individual", "group" or "peer" (see :mod:`reflect_tui.core.supervision`).
    format: str = "individual"
    #: The minutes it counts for, by the group-time rule set when it was recorded.
    counted_minutes: int
    #: Role or initials only, never a full name.
    who: str = ""
    brought: str = ""
    took_away: str = ""
    summary: str = ""
    normative: bool = False
    formative: bool = False
    restorative: bool = False
    created: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)


class IdentityMapVersion(Versioned, table=True):
    """One saved version of the clinician's identity map (schema 6): when, and what had
    changed in how they see it; its domains are :class:`IdentityMapEntry` rows."""

    __tablename__ = "identity_map_version"

    id: int | None = Field(default=None, primary_key=True)
    saved: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime, index=True)
    #: Minutes east of UTC where it was saved: its day is its date there.
    utc_offset: int = Field(default_factory=clock.utc_offset)
    note: str = ""


class IdentityMapEntry(Versioned, table=True):
    """One domain of one version of the map (see :mod:`reflect_tui.core.identity`)."""

    __tablename__ = "identity_map_entry"

    id: int | None = Field(default=None, primary_key=True)
    version_id: int = Field(foreign_key="identity_map_version.id", index=True, ondelete="CASCADE")
    #: A key of :data:`reflect_tui.core.identity.DOMAINS`.
    domain: str
    description: str = ""
    #: "", privilege, marginalisation, both, neither or unsure.
    stance: str = ""
    #: "", yes, sometimes or no: whether clients can usually see or hear it.
    visible: str = ""
    salient: bool = False


class WatchWord(Versioned, table=True):
    """A word the clinician never wants to leave the vault in an export (kept encrypted)."""

    __tablename__ = "watch_word"

    id: int | None = Field(default=None, primary_key=True)
    word: str = Field(unique=True)


class FineWord(Versioned, table=True):
    """A word the clinician said is not a name: the identifier check does not ask again."""

    __tablename__ = "fine_word"

    id: int | None = Field(default=None, primary_key=True)
    word: str = Field(unique=True)


class Deletion(SQLModel, table=True):
    """A row deleted here, kept by identity and version so a merge deletes it in the
    other copy too, unless that copy changed it afterwards (schema 3)."""

    uid: str = Field(primary_key=True)
    kind: str
    rev: str = "{}"
    deleted: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)


class MergedCopy(SQLModel, table=True):
    """A copy of this journal already merged into it (by its header's digest), so it is
    not offered again at unlock (schema 3)."""

    __tablename__ = "merged_copy"

    digest: str = Field(primary_key=True)
    name: str
    merged: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
