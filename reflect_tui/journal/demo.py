"""A few weeks of fictional example reflections, for ``reflect demo`` (no Textual here).

Everything here is invented. It names no client and gives no detail that could point
to a real person: clients appear only as "a client" or "the family", the way the
prompts ask clinicians to write. The same ``today`` and ``seed`` always give the same
journal, so the demo and its tests are repeatable.
"""

from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Final

from reflect_tui.core import clock
from reflect_tui.core.records import ActionRecord, AnswerRecord, SessionRecord
from reflect_tui.prompts import Prompt, PromptKind, PromptLibrary, PromptSet

DEMO_PASSPHRASE: Final = "demo"
DEMO_DAYS: Final = 28

#: Example answers by prompt id; a prompt without its own examples uses its kind's.
_ANSWERS: Final[dict[str, tuple[str, ...]]] = {
    "identity-today": (
        "Being the youngest person in the room with an older couple. I noticed myself "
        "over-explaining, as if I had to earn the right to be there.",
        "My training showed up more than I liked: I reached for a worksheet when the "
        "client wanted to talk about what their grandmother used to say about worry.",
        "Faith. A client said they pray about their anxiety and I felt a small pull to "
        "steer back to techniques. I want to get curious about that pull.",
        "Class, I think. I assumed a missed appointment meant low motivation before I "
        "asked about shifts at work and the bus timetable.",
        "Speaking only one language. The interpreter and the client laughed together "
        "and I felt outside it, and then a bit relieved that I was not the expert.",
    ),
    "power-today": (
        "I chose the topic in the first minute because of the intake form. Next time I "
        "will ask what they want to use the hour for before I look at the form.",
        "The referral letter framed everything. The client was polite about it, but I "
        "could hear that the 'problem' in the letter was not the problem for them.",
        "When we talked about the waiting list I held all the information. I tried to "
        "say plainly what I know and what I do not.",
        "A client asked whether I had to report something. I answered clearly and "
        "noticed how much lighter the room felt once the rules were on the table.",
    ),
    "do-differently": (
        "Ask what brought them today in their own words before I read the referral.",
        "Check how they would like me to say their name, and whether I have it right.",
        "Ask what helped in their family when someone was struggling.",
        "Offer a choice about where we start, and wait for the answer.",
        "Say out loud that they can tell me when I have got something wrong.",
    ),
    "set-it-down": (
        "A walk without headphones.",
        "Cooking something slow and not checking email.",
        "Telling my partner 'hard day' and leaving it there.",
    ),
    "the-moment": (
        "The moment a client went quiet after I asked about their family's plans for them.",
        "When I suggested a group and the client said 'people like me don't go to those'.",
    ),
    "what-i-noticed": (
        "I noticed the distress and missed the pride. From where I stand, leaving home at "
        "eighteen looks like rupture; for this client it was also an achievement.",
    ),
    "assumptions": (
        "That 'family' meant parents and siblings. I have not asked who counts as family.",
        "That English at work means English is the language they feel in.",
    ),
    "what-i-felt": (
        "Protective, a little too quickly. It is the feeling I had as the eldest child.",
    ),
    "how-they-saw-me": (
        "Probably as part of the service that once took a long time to help them. That may "
        "be why they checked every word I wrote down.",
    ),
    "stay-curious": ("Ask who they count as family, and who they would want involved.",),
    "the-gap": ("When I wrote notes while they talked. I decided what was worth writing.",),
    "whose-words": ("Mostly the diagnosis. The client calls it 'the heaviness'; I can too.",),
    "beyond-the-room": (
        "Housing. The letters from the landlord came up three times and I kept bringing us "
        "back to sleep hygiene.",
    ),
    "my-privilege": ("Getting to appointments is easy for me; I have a car and set hours.",),
    "share-power": ("Read my notes back at the end and ask what I missed.",),
    "what-happened": (
        "I used a phrase about 'family support' that did not fit; the client's face closed "
        "and the rest of the session was polite and short.",
    ),
    "likely-impact": ("As if I had already decided what a good family looks like.",),
    "what-repair-looks-like": (
        "Naming it next time, briefly, and asking what it was like to hear it.",
    ),
    "what-it-teaches": ("I reach for my own picture of family when I feel unsure.",),
    "next-step": ("Raise it in the first five minutes of our next session.",),
    "supervision-question": (
        "How do I tell the difference between respecting a client's faith and avoiding a "
        "conversation I find uncomfortable?",
        "When a client's goals differ from the referrer's, whose goals am I working to?",
    ),
}
_BY_KIND: Final[dict[str, tuple[str, ...]]] = {
    "text": (
        "Not sure yet. I want to come back to this after supervision.",
        "Something to watch: I felt it most when I was tired at the end of the day.",
    ),
    "action": ("Ask one open question about what this means to them.",),
}
_TAGS: Final = ("supervision", "language", "family", "faith", "referral", "repair")
#: Which set each day uses, by weekday (Monday first); None means no reflection that day.
_WEEK_PLAN: Final = (
    "end-of-day",
    "end-of-day",
    "identity",
    "end-of-day",
    "supervision-prep",
    None,
    None,
)
_SPECIAL: Final[dict[int, str]] = {9: "power", 16: "repair", 23: "collaboration"}


def _answer(prompt: Prompt, position: int, rng: random.Random, created: datetime) -> AnswerRecord:
    text, value, skipped = "", None, False
    if prompt.kind == PromptKind.SCALE:
        number = rng.randint(prompt.scale_min + 1, prompt.scale_max)
        text = prompt.scale_text(number)
        value = json.dumps(number)
    elif prompt.kind == PromptKind.CHOICE:
        count = rng.randint(1, 2) if prompt.multiple else 1
        picked = rng.sample(list(prompt.options), count)
        text, value = "; ".join(picked), json.dumps(picked)
    elif prompt.optional and rng.random() < 0.3:
        skipped = True
    else:
        pool = _ANSWERS.get(prompt.id) or _BY_KIND.get(prompt.kind.value, _BY_KIND["text"])
        text = rng.choice(pool)
    tags = tuple(rng.sample(_TAGS, 1)) if text and rng.random() < 0.2 else ()
    return AnswerRecord(
        prompt_id=prompt.id,
        prompt_text=prompt.text,
        text=text,
        topic=prompt.topic,
        kind=prompt.kind.value,
        position=position,
        value=value,
        skipped=skipped,
        created=created,
        updated=created,
        tags=tags,
        flagged=bool(text) and prompt.topic == "question",
    )


def _session(
    prompt_set: PromptSet, started: datetime, rng: random.Random, *, finished: bool
) -> SessionRecord:
    answers = []
    shown = prompt_set.prompts if finished else prompt_set.prompts[:2]
    for position, prompt in enumerate(shown):
        created = started + timedelta(minutes=1 + position)
        answers.append(_answer(prompt, position, rng, created))
    actions = []
    for record in answers:
        if record.kind == "action" and record.text:
            actions.append(
                ActionRecord(
                    text=record.text, created=record.created, answer_position=record.position
                )
            )
    return SessionRecord(
        set_id=prompt_set.id,
        set_title=prompt_set.title,
        set_version=prompt_set.version,
        started=started,
        finished=started + timedelta(minutes=prompt_set.minutes) if finished else None,
        flagged=any(a.flagged for a in answers),
        answers=tuple(answers),
        actions=tuple(actions),
    )


def _close_old_actions(records: list[SessionRecord], today: date) -> list[SessionRecord]:
    """Older commitments are done or dropped with a follow-up; the newest stay open."""
    follow_ups = (
        ("done", "I asked, and it changed where we started. Worth keeping."),
        ("done", "Did it; the client corrected me kindly and we both relaxed."),
        ("dropped", "Did not fit the session in the end; I will come back to it."),
    )
    closed_records = []
    count = 0
    for record in records:
        age = (today - record.day).days
        actions = []
        for action in record.actions:
            if age > 7:
                status, note = follow_ups[count % len(follow_ups)]
                count += 1
                closed = record.started + timedelta(days=2)
                action = replace(action, status=status, follow_up=note, closed=closed)
            actions.append(action)
        closed_records.append(replace(record, actions=tuple(actions)))
    return closed_records


def demo_records(library: PromptLibrary, today: date, *, seed: int = 7) -> list[SessionRecord]:
    """About four weeks of example sessions before ``today``, oldest first.

    The most recent one is left unfinished, so the demo shows how a reflection is
    resumed. Days whose set the library lacks are left empty.
    """
    rng = random.Random(seed)
    records: list[SessionRecord] = []
    for back in range(DEMO_DAYS, 0, -1):
        day = today - timedelta(days=back)
        set_id = _SPECIAL.get(back) or _WEEK_PLAN[day.weekday()]
        if set_id is None or set_id not in library.sets:
            continue
        started = clock.here(datetime.combine(day, time(17, 40 + rng.randint(0, 15)))).astimezone(
            UTC
        )
        records.append(_session(library.get(set_id), started, rng, finished=True))
    if records:
        last = records[-1]
        records[-1] = _session(library.get(last.set_id), last.started, rng, finished=False)
    return _close_old_actions(records, today)
