"""A whole reflection as a conversation: open actions followed up, each prompt asked and
saved once answered, the answers read back, flags and tags, finished.

Every answer is written to the journal as soon as it is complete (and what was typed of
an answer when the person stops), so nothing is lost however the conversation ends.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from reflect_tui.core import clock
from reflect_tui.core.records import normalise_tags
from reflect_tui.core.wording import day_label, when
from reflect_tui.journal.models import ActionStatus
from reflect_tui.journal.session_flow import SessionFlow
from reflect_tui.plain.answers import Stopped, ask
from reflect_tui.plain.lines import HELP, Interrupted, Lines, command_of

if TYPE_CHECKING:
    from reflect_tui.journal import Journal
    from reflect_tui.journal.models import ActionItem
    from reflect_tui.prompts import PromptLibrary, PromptSet

EXIT_DONE, EXIT_NO_SET, EXIT_STOPPED = 0, 2, 130
RESUME = "reflect write --resume"
STATUS_KEYS = {"d": "done", "done": "done", "x": "dropped", "dropped": "dropped"}
STATUS_KEYS |= {"o": "open", "open": "open", "": "open"}


def write_reflection(
    journal: Journal,
    library: PromptLibrary,
    lines: Lines,
    *,
    set_id: str | None = None,
    preferred: str | None = None,
    resume: bool = False,
) -> int:
    """Run one reflection of ``set_id`` (else ``preferred``, else the default set), or
    resume one; returns the exit code (0: finished, or saved to carry on)."""
    if set_id is not None and set_id not in library.sets:
        known = ", ".join(library.sets)
        lines.say(f"There is no prompt set called '{set_id}'. The sets are: {known}.")
        return EXIT_NO_SET
    flow: SessionFlow | None = None
    try:
        flow = _open(journal, library, lines, set_id=set_id, preferred=preferred, resume=resume)
        if flow is None:
            return EXIT_NO_SET
        return _walk(journal, lines, flow)
    except Interrupted:
        _goodbye(lines, started=flow is not None)
        return EXIT_STOPPED


def _open(
    journal: Journal,
    library: PromptLibrary,
    lines: Lines,
    *,
    set_id: str | None,
    preferred: str | None,
    resume: bool,
) -> SessionFlow | None:
    """The reflection to write: resumed, or new (its open actions followed up first)."""
    wanted = set_id or (None if resume else library.default(preferred).id)
    waiting = [s for s in journal.unfinished_sessions() if wanted in (None, s.set_id)]
    waiting = [s for s in waiting if s.set_id in library.sets]
    if waiting and not resume:
        session = waiting[0]
        started = when(session.started, clock.today(), session.utc_offset)
        lines.say(f"You have an unfinished {session.set_title} from {started}.")
        resume = _yes(lines, "Carry on with it? Type y to carry on, n to start a new one.")
    if resume and waiting:
        session = waiting[0]
        assert session.id is not None
        resumed = library.get(session.set_id)
        answers = journal.session_answers(session.id)
        _introduce(lines, resumed, resumed=True)
        return SessionFlow.resumed(resumed, session.id, answers, session.position)
    if resume:
        lines.say("There is no unfinished reflection to carry on with; starting a new one.")
    prompt_set = _choose_set(library, set_id or wanted, lines)
    if prompt_set is None:
        return None
    _introduce(lines, prompt_set, resumed=False)
    _follow_up(journal, lines, journal.open_actions())
    row = journal.start_session(prompt_set.id, prompt_set.version, prompt_set.title)
    assert row.id is not None
    return SessionFlow(prompt_set, row.id)


def _choose_set(library: PromptLibrary, set_id: str | None, lines: Lines) -> PromptSet | None:
    if set_id is None:
        return library.default()
    try:
        return library.get(set_id)
    except KeyError:
        known = ", ".join(library.sets)
        lines.say(f"There is no prompt set called '{set_id}'. The sets are: {known}.")
        return None


def _introduce(lines: Lines, prompt_set: PromptSet, *, resumed: bool) -> None:
    count = len(prompt_set.prompts)
    how = "Carrying on with" if resumed else "Starting"
    lines.say(
        f"{how} {prompt_set.title}: {count} prompts, about {prompt_set.minutes} minutes.",
        "Each answer is saved as soon as you finish it.",
        HELP,
    )


def _follow_up(journal: Journal, lines: Lines, actions: list[ActionItem]) -> None:
    if not actions:
        return
    count = len(actions)
    lines.say(
        "", f"First, {count} open action{'s' if count != 1 else ''} from earlier reflections."
    )
    for number, item in enumerate(actions, 1):
        assert item.id is not None
        planned = day_label(item.created, clock.today())
        lines.say("", f"Action {number} of {count}, planned {planned}: {item.text}")
        note = lines.ask("How did it go? One line, or Enter to say nothing: ").strip()
        if command_of(note) == "quit":
            raise Interrupted()
        status = None
        try:
            while status is None:
                answer = lines.ask("Done, dropped, or still open? Type d, x or o (Enter: open): ")
                if command_of(answer) == "quit":
                    raise Interrupted()
                status = STATUS_KEYS.get(answer.strip().lower())
                if status is None:
                    lines.say("Type d for done, x for dropped, or o (or Enter) to keep it open.")
        except Interrupted:
            if note:  # what was typed about it is kept; the action stays open
                journal.update_action(item.id, follow_up=note)
            raise
        journal.update_action(item.id, status=ActionStatus(status), follow_up=note)
        lines.say({"done": "Marked done.", "dropped": "Dropped.", "open": "Kept open."}[status])


def _map_line(journal: Journal) -> str:
    """What a prompt that draws on the identity map says beside its question."""
    from reflect_tui.core.identity import salient_summary

    latest = journal.latest_identity_map()
    if latest is None:
        return "No identity map yet: reflect identity edit keeps one, for you alone."
    return salient_summary(latest) + " (reflect identity show prints all of it.)"


def _walk(journal: Journal, lines: Lines, flow: SessionFlow) -> int:
    index = min(flow.position, flow.count)
    map_line = _map_line(journal)
    while True:
        if index >= flow.count:
            missing = flow.missing_required()
            if not missing:
                return _review(journal, lines, flow)
            lines.say("", f"Prompt {missing[0] + 1} still needs an answer.")
            index = missing[0]
        try:
            uses = index < flow.count and flow.prompt(index).uses_identity_map
            move = ask(lines, flow, index, beside=map_line if uses else "")
        except Interrupted as stop:
            if isinstance(stop, Stopped) and stop.draft is not None:
                flow.update(index, stop.draft)  # what was typed of this answer is kept
            flow.position = index
            _save(journal, flow, index)
            raise
        flow.position = index + 1 if move == "next" else index
        _save(journal, flow, index)
        if move == "quit":
            _goodbye(lines)
            return EXIT_DONE
        index = max(0, index - 1) if move == "back" else index + 1


def _save(journal: Journal, flow: SessionFlow, index: int) -> None:
    if not flow.draft(index).empty or flow.draft(index).skipped:
        flow.save_job(index)(journal)
    else:  # nothing to keep for this prompt, but where to resume still counts
        journal.set_resume_position(flow.session_id, flow.position)


def _review(journal: Journal, lines: Lines, flow: SessionFlow) -> int:
    lines.say("", "Your answers:")
    for index in range(flow.count):
        draft = flow.draft(index)
        answer = "Skipped." if draft.skipped or draft.empty else draft.text
        lines.say(f"{index + 1}. {flow.prompt(index).text}")
        lines.say(*(f"   {line}" for line in answer.splitlines()))
    answers = {a.position: a for a in journal.session_answers(flow.session_id)}
    lines.say(
        "",
        "Flag anything for supervision? Type the numbers of answers to flag, "
        "all for the whole reflection, or press Enter for none.",
    )
    while True:
        picked = lines.ask().strip().lower()
        command = command_of(picked)
        if command == "back":
            flow.position = flow.count - 1
            return _walk(journal, lines, flow)
        if command == "quit":  # every answer is saved; --resume comes back to this review
            _goodbye(lines)
            return EXIT_DONE
        if command == "help":
            lines.say(HELP)
            continue
        numbers = picked.replace(",", " ").split()
        if picked == "all":
            journal.flag_session(flow.session_id, True)
        elif all(n.isdecimal() and len(n) <= 4 and int(n) - 1 in answers for n in numbers):
            for n in numbers:
                journal.flag_answer(answers[int(n) - 1].id or 0, True)
        else:
            lines.say(f"Type numbers from 1 to {flow.count}, all, or press Enter.")
            continue
        break
    lines.say(
        "Tags? Type an answer's number and its tags, e.g. 2 family language, one answer a "
        "line; a blank line finishes."
    )
    while line := lines.ask().strip():
        number, _, tags = line.partition(" ")
        if command_of(line) == "quit":
            break  # the tags so far are kept; the reflection is finished below
        valid = number.isdecimal() and len(number) <= 4 and int(number) - 1 in answers
        if not valid or not tags.strip():
            lines.say("Type a number, a space and the tags, or a blank line to finish.")
            continue
        tagged = answers[int(number) - 1]
        merged = normalise_tags([tagged.tags, tags])
        journal.set_answer_tags(tagged.id or 0, merged.split())
        lines.say(f"Answer {number} is tagged {merged}.")
    journal.finish_session(flow.session_id)
    lines.say("", "Finished and saved. Thank you for taking the time.")
    return EXIT_DONE


def _yes(lines: Lines, question: str) -> bool:
    while True:
        answer = lines.ask(question + " ").strip().lower()
        if answer in ("y", "yes", ""):
            return True
        if answer in ("n", "no"):
            return False


def _goodbye(lines: Lines, *, started: bool = True) -> None:
    with contextlib.suppress(Interrupted):  # the terminal has gone; the words are saved
        if started:
            lines.say("", f"Saved. To carry on later: {RESUME}")
        else:
            lines.say("", "Stopped before the reflection began; your notes on actions are saved.")
