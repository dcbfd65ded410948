"""A fixed journal for the export tests: three weeks of one clinician's reflections.

It is written the way the prompts ask (initials, no identifiers), touches every theme,
and has an agenda question from the supervision-prep set, a choice on the "question"
topic, an answer tagged "question", skipped and scale answers, a flagged session, a
flagged answer, a jrnl import, and open, done and dropped action items.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from reflect_tui.core.records import ActionRecord, AnswerRecord, SessionRecord
from reflect_tui.export import Selection, scan_records, select
from reflect_tui.export.themes import THEMES

#: Central European winter time, named, so dates and "made at" are stable everywhere.
TZ = timezone(timedelta(hours=1), "CET")
MADE_AT = datetime(2024, 3, 15, 16, 30, tzinfo=UTC)
CLINICIAN = "Sam Rivera"


def at(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2024, month, day, hour, minute, tzinfo=UTC)


def answer(
    position: int,
    prompt_id: str,
    prompt: str,
    text: str,
    topic: str,
    when: datetime,
    **extra: object,
) -> AnswerRecord:
    return AnswerRecord(
        prompt_id=prompt_id,
        prompt_text=prompt,
        text=text,
        topic=topic,
        position=position,
        created=when,
        updated=when,
        **extra,  # type: ignore[arg-type]
    )


IDENTITY = "Which part of who I am shaped what I noticed, assumed or felt in today's work?"
POWER = "Where did the power between me and a client show up today, and what did I do with it?"

ACTION_J = "Ask J. what a good outcome would look like for their family, not only for them."
ACTION_R = "Apologise at the start of next session, ask R. to teach me, and practise it."
FOLLOW_R = (
    "Did it at the start of the session. R. said it mattered that I asked, and laughed "
    "kindly at my second attempt; the hour felt warmer."
)
ACTION_GROUP = "Join a peer consultation group with clinicians from different backgrounds."


def sample_sessions() -> list[SessionRecord]:
    s0, s1, s2, s3, s4, s5 = (
        at(20, 18, month=2),
        at(4, 23, 30),
        at(6, 17, 45),
        at(7, 19),
        at(9, 9, 15),
        at(10, 20),
    )
    return [
        SessionRecord(
            set_id="end-of-day",
            set_title="End of day",
            started=s0,
            finished=s0 + timedelta(minutes=20),
            answers=(
                answer(
                    0,
                    "identity-today",
                    IDENTITY,
                    "J. described their family's expectations about caregiving, and I caught "
                    "myself framing it as 'enmeshment'. That word comes from my training and "
                    "from my own family's values about independence, not from J.",
                    "identity",
                    s0,
                ),
                answer(
                    1,
                    "power-today",
                    POWER,
                    "I set the agenda for the whole hour without asking. J. agreed to "
                    "everything, which I now read as deference rather than agreement.",
                    "power",
                    s0,
                ),
                answer(
                    2,
                    "ease-with-culture",
                    "How at ease was I when culture or difference came up today?",
                    "2 of 5 (uneasy)",
                    "countertransference",
                    s0,
                    kind="scale",
                    value="2",
                ),
                answer(
                    3,
                    "do-differently",
                    "One thing I will do differently next time",
                    ACTION_J,
                    "identity",
                    s0,
                    kind="action",
                ),
                answer(
                    4,
                    "set-it-down",
                    "What do I need tonight to set today's work down?",
                    "",
                    "wellbeing",
                    s0,
                    skipped=True,
                ),
            ),
            actions=(ActionRecord(ACTION_J, created=s0, answer_position=3),),
        ),
        SessionRecord(
            set_id="repair",
            set_title="After a cultural misstep or rupture",
            started=s1,
            finished=s1 + timedelta(minutes=25),
            flagged=True,
            answers=(
                answer(
                    0,
                    "what-happened",
                    "What happened, in plain words?",
                    "I mispronounced R.'s name again, for the third session in a row. R. "
                    "corrected me quietly and then said very little for the rest of the hour.",
                    "missteps-ruptures",
                    s1,
                ),
                answer(
                    1,
                    "likely-impact",
                    "Whatever I intended, how might it have landed for the client?",
                    "It may have landed as: you do not matter enough to learn my name. That "
                    "echoes what R. has said about school and about work.",
                    "repair",
                    s1,
                ),
                answer(
                    2,
                    "what-i-feel",
                    "What did I feel then, and what do I feel now?",
                    "Embarrassed, and then defensive: *I have so many clients*. That "
                    "defensiveness is worth looking at.\n\nUnder it, some fear that I am "
                    "not the right therapist for R.:\n- fear of getting it wrong again\n"
                    "- a wish to be seen as one of the good ones",
                    "countertransference",
                    s1,
                ),
                answer(
                    3,
                    "acknowledged",
                    "Have I acknowledged it with the client?",
                    "Not yet",
                    "repair",
                    s1,
                    kind="choice",
                    value='"Not yet"',
                ),
                answer(
                    4,
                    "next-step",
                    "My next step toward repair, and when I will take it",
                    ACTION_R,
                    "repair",
                    s1,
                    kind="action",
                ),
            ),
            actions=(
                ActionRecord(
                    ACTION_R,
                    status="done",
                    follow_up=FOLLOW_R,
                    created=s1,
                    closed=at(8, 10),
                    answer_position=4,
                ),
            ),
        ),
        SessionRecord(
            set_id="end-of-day",
            set_title="End of day",
            started=s2,
            finished=s2 + timedelta(minutes=15),
            answers=(
                answer(
                    0,
                    "identity-today",
                    IDENTITY,
                    "Working with an older Black man as a younger white clinician, I spoke "
                    "more formally than usual. I wrote 'formal = safe' & then crossed it out: "
                    "I wonder whether he heard respect, or distance.",
                    "identity",
                    s2,
                ),
                answer(
                    1,
                    "power-today",
                    POWER,
                    "M. asked whether I would <report her> if she missed a payment. I "
                    "explained the sliding-scale policy, and realised how much my role holds "
                    "over her housing paperwork.",
                    "power",
                    s2,
                    flagged=True,
                ),
                answer(
                    2,
                    "set-it-down",
                    "What do I need tonight to set today's work down?",
                    "A walk, and not re-reading my notes.",
                    "wellbeing",
                    s2,
                ),
            ),
        ),
        SessionRecord(
            set_id="supervision-prep",
            set_title="Preparing for supervision",
            started=s3,
            finished=s3 + timedelta(minutes=15),
            answers=(
                answer(
                    0,
                    "hard-to-understand",
                    "Where did I struggle to understand a client's cultural context this week?",
                    "With A., who grew up between two countries, I kept asking where-are-you-"
                    "from questions. What I need to understand is which places A. calls home, "
                    "and why; not a map.",
                    "understanding-context",
                    s3,
                ),
                answer(
                    1,
                    "my-reactions",
                    "Which of my reactions to a client seemed tied to a cultural difference, "
                    "or a likeness?",
                    "A pull to rescue M. from the paperwork, rather than work through it with her.",
                    "countertransference",
                    s3,
                ),
                answer(
                    2,
                    "systems-and-power",
                    "Where did privilege, oppression or an institutional barrier shape a "
                    "client's life or our work?",
                    "Our intake form offers two genders and one ethnicity box. Two clients "
                    "this month left it blank. The interpreter service takes 10 days to book, "
                    "so first sessions happen without one.",
                    "systemic-power",
                    s3,
                ),
                answer(
                    3,
                    "missteps",
                    "Was there a misstep, rupture or moment of disconnection I want to look at?",
                    "",
                    "missteps-ruptures",
                    s3,
                    skipped=True,
                ),
                answer(
                    4,
                    "most-pressing",
                    "Which of these feels most pressing to bring?",
                    "Systemic issues and power",
                    "question",
                    s3,
                    kind="choice",
                    value='"Systemic issues and power"',
                ),
                answer(
                    5,
                    "comfort-bringing",
                    "How comfortable do I feel bringing cultural questions to supervision?",
                    "3 of 5",
                    "wellbeing",
                    s3,
                    kind="scale",
                    value="3",
                ),
                answer(
                    6,
                    "supervision-question",
                    "The question I want to bring to supervision",
                    "How might I name the power difference with M. without making her feel "
                    "more exposed?",
                    "question",
                    s3,
                ),
            ),
        ),
        SessionRecord(
            set_id="jrnl",
            set_title="Imported from jrnl",
            started=s4,
            finished=s4,
            answers=(
                answer(
                    0,
                    "jrnl-entry",
                    "Free writing (imported from jrnl)",
                    "Read about culturally rooted healing practices.\nThinking about how to "
                    "ask clients what healing means in their own words, before I offer mine.",
                    "other",
                    s4,
                    tags=("reading",),
                ),
            ),
        ),
        SessionRecord(
            set_id="end-of-day",
            set_title="End of day",
            started=s5,
            finished=s5 + timedelta(minutes=10),
            answers=(
                answer(
                    0,
                    "identity-today",
                    IDENTITY,
                    "How do I bring up race when the client hasn't, without making it my agenda?",
                    "identity",
                    s5,
                    tags=("question",),
                ),
                answer(1, "power-today", POWER, "Less today: K. led, and I followed.", "power", s5),
            ),
        ),
    ]


def sample_actions() -> list[ActionRecord]:
    """All action items, as ``Journal.action_records()`` gives them (oldest first)."""
    return [
        ActionRecord(ACTION_J, created=at(20, 18, month=2)),
        ActionRecord(
            ACTION_GROUP,
            status="dropped",
            follow_up="The group meets during my clinic hours; looking for another one.",
            created=at(21, 9, month=2),
            closed=at(25, 12, month=2),
        ),
        ActionRecord(
            ACTION_R, status="done", follow_up=FOLLOW_R, created=at(4, 23, 30), closed=at(8, 10)
        ),
    ]


def test_the_sample_journal_has_no_identifiers() -> None:
    assert scan_records(sample_sessions(), sample_actions(), tz=TZ) == []


def test_the_sample_journal_touches_most_themes_and_the_agenda_topic() -> None:
    topics = {a.topic for s in sample_sessions() for a in s.answers}
    assert {t.slug for t in THEMES} - topics == {"collaboration", "systems"}
    assert "question" in topics


def test_the_sample_is_sorted_and_selects_whole() -> None:
    sessions = sample_sessions()
    assert select(sessions, Selection(), tz=TZ) == sessions
