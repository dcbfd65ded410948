"""Asking one prompt as lines: free text ends at a blank line, a scale or a choice is a
number; a command line (``:back``, ``:skip``, ...) is obeyed instead."""

from __future__ import annotations

from typing import Literal

from reflect_tui.journal.session_flow import Draft, SessionFlow, draft_for
from reflect_tui.plain.lines import HELP, Interrupted, Lines, command_of
from reflect_tui.prompts import Prompt, PromptKind

Move = Literal["next", "back", "quit"]


class Stopped(Interrupted):
    """Interrupted while answering: ``draft`` holds what was typed so far, to be saved."""

    def __init__(self, draft: Draft | None) -> None:
        super().__init__()
        self.draft = draft


def introduce(lines: Lines, flow: SessionFlow, index: int) -> None:
    prompt = flow.prompt(index)
    extra = ""
    if prompt.kind == PromptKind.ACTION:
        extra = " (an action: what you write stays open, and is followed up next time)"
    elif prompt.optional:
        extra = " (optional: :skip to leave it)"
    lines.say("", f"Prompt {index + 1} of {flow.count}{extra}: {prompt.text}")


def ask(lines: Lines, flow: SessionFlow, index: int, *, beside: str = "") -> Move:
    """Ask prompt ``index`` until it is answered, skipped or left; updates the flow.
    ``beside``: a line said after the prompt (the identity map, for a prompt using it)."""
    prompt, draft = flow.prompt(index), flow.draft(index)
    introduce(lines, flow, index)
    if beside:
        lines.say(beside)
    if not draft.empty:
        lines.say(f"Your answer so far: {draft.text}")
        lines.say("Press Enter to keep it, or answer anew.")
    elif draft.skipped:
        lines.say("You skipped it. Press Enter to leave it skipped, or answer now.")
    choice = prompt.kind in (PromptKind.SCALE, PromptKind.CHOICE)
    written: list[str] = []  # lines of this answer typed before a command such as "?"
    while True:
        if choice:
            answer, move = _read_choice(lines, prompt)
        else:
            answer, move = _read_text(lines, prompt, written)
            written = answer.text.splitlines() if answer is not None else []
        kept = " What you wrote so far is kept; carry on." if written else ""
        if move == "guidance":
            lines.say((prompt.guidance or "This prompt has no guidance.") + kept)
            continue
        if move == "help":
            lines.say(HELP + kept)
            continue
        if move == "skip":
            if not prompt.optional:
                lines.say(
                    "This prompt needs an answer, so it cannot be skipped; :quit stops." + kept
                )
                continue
            flow.update(index, Draft(skipped=True))
            lines.say("Skipped.")
            return "next"
        if answer is not None:
            flow.update(index, answer)
        if move == "back":
            if index == 0:
                lines.say("This is the first prompt; there is none before it." + kept)
                continue
            return "back"
        if move == "quit":
            return "quit"
        if answer is None and draft.empty and not draft.skipped:
            if prompt.optional:
                flow.update(index, Draft(skipped=True))
                lines.say("Skipped.")
                return "next"
            lines.say("This prompt needs an answer: write a line, or :quit to stop for now.")
            continue
        return "next"


def _read_text(
    lines: Lines, prompt: Prompt, written: list[str] | None = None
) -> tuple[Draft | None, str]:
    """Lines up to a blank one (or one with only "."), after ``written`` (what was typed
    before a command): (the answer, or None if nothing was written; "next" or the
    command that ended it)."""
    lines.once("Write your answer; a blank line, or a line with only a full stop, ends it.")
    collected: list[str] = list(written or [])
    try:
        while True:
            line = lines.ask()
            command = command_of(line)
            if command is not None:
                return (_joined(collected), command)
            if not line.strip() or line.strip() == ".":
                return (_joined(collected), "next")
            collected.append(line)
    except Interrupted:
        raise Stopped(_joined(collected)) from None


def _joined(collected: list[str]) -> Draft | None:
    text = "\n".join(collected).strip()
    return Draft(text=text) if text else None


def _read_choice(lines: Lines, prompt: Prompt) -> tuple[Draft | None, str]:
    if prompt.kind == PromptKind.SCALE:
        low, high = prompt.scale_labels
        lo, hi = prompt.scale_min, prompt.scale_max
        lines.say(f"Type a number from {lo} ({low}) to {hi} ({high}).")
    else:
        for number, option in enumerate(prompt.options, 1):
            lines.say(f"{number}. {option}")
        many = " or several, with spaces between" if prompt.multiple else ""
        lines.say(f"Type the number of one{many}.")
    while True:
        line = lines.ask()
        command = command_of(line)
        if command is not None:
            return None, command
        if not line.strip():
            return None, "next"
        value = _parse(prompt, line)
        if value is None:
            lines.say("That is not one of the numbers; try again, or :skip or :quit.")
            continue
        return draft_for(prompt, value), "next"


def _parse(prompt: Prompt, line: str) -> int | list[str] | None:
    words = line.replace(",", " ").split()
    # isdecimal, not isdigit: "²" is a digit int() refuses; six digits is plenty.
    if not words or not all(word.isdecimal() and len(word) <= 6 for word in words):
        return None
    numbers = [int(word) for word in words]
    if prompt.kind == PromptKind.SCALE:
        number = numbers[0]
        ok = len(numbers) == 1 and prompt.scale_min <= number <= prompt.scale_max
        return number if ok else None
    if not prompt.multiple and len(numbers) != 1:
        return None
    if not all(1 <= n <= len(prompt.options) for n in numbers):
        return None
    return [prompt.options[n - 1] for n in dict.fromkeys(numbers)]
