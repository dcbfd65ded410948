"""Beginning a reflection (a new session, in a worker) and resuming an unfinished one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reflect_tui.ui.messages import SessionStarted

if TYPE_CHECKING:
    from reflect_tui.journal.models import ReflectionSession
    from reflect_tui.ui.host import ReflectHost


def start_reflection(app: ReflectHost, set_id: str, *, fresh: bool = False) -> None:
    """Create a session for ``set_id`` off the UI thread, then show its first screen.

    If an unfinished session of the same set is waiting, offer it first (``fresh``
    skips the question), so a tired evening does not pile up half-done reflections.
    """
    if app.flow is not None:
        app.notify("A reflection is already open. Leave it first (Esc); it stays ready to resume.")
        return
    try:
        prompt_set = app.library.get(set_id)
    except KeyError:
        app.notify(f"There is no prompt set called '{set_id}'.", severity="warning")
        return
    journal = app.journal
    waiting = [s for s in journal.unfinished_sessions() if s.set_id == set_id]
    if waiting and not fresh:
        _offer_resume(app, set_id, waiting[0])
        return
    actions = journal.open_actions()

    def create() -> None:
        from reflect_tui.journal import VaultError

        try:
            row = journal.start_session(prompt_set.id, prompt_set.version, prompt_set.title)
        except VaultError as exc:
            app.call_from_thread(app.notify, str(exc), severity="error", timeout=10)
            return
        assert row.id is not None
        app.post_message(SessionStarted(prompt_set, row.id, actions))

    app.run_worker(create, thread=True, group="start", exclusive=True, exit_on_error=False)


def _offer_resume(app: ReflectHost, set_id: str, session: ReflectionSession) -> None:
    from reflect_tui.core.wording import when
    from reflect_tui.ui.screens.confirm import ConfirmScreen

    started = when(session.started, app.today(), session.utc_offset)
    question = (
        f"You have an unfinished {session.set_title} from {started}. "
        "Carry on with it, or start a new one?"
    )

    def decide(carry_on: bool | None) -> None:
        if carry_on and session.id is not None:
            app.resume_reflection(session.id)
        else:
            start_reflection(app, set_id, fresh=True)

    app.push_screen(ConfirmScreen(question, yes="Carry on", no="Start new"), decide)


def begin(app: ReflectHost, message: SessionStarted) -> None:
    """Show the follow-ups of open actions (if any), then the first prompt."""
    from reflect_tui.journal.session_flow import SessionFlow
    from reflect_tui.ui.screens.follow_up import FollowUpScreen
    from reflect_tui.ui.screens.prompt import PromptScreen

    app.flow = SessionFlow(message.prompt_set, message.session_id)
    if message.actions:
        app.push_screen(FollowUpScreen(app.flow, message.actions, 0))
    else:
        app.push_screen(PromptScreen(app.flow, 0))


async def resume_reflection(app: ReflectHost, session_id: int) -> None:
    """Reopen an unfinished session where it was left, every earlier prompt one Back away."""
    from reflect_tui.journal import VaultError
    from reflect_tui.journal.session_flow import SessionFlow
    from reflect_tui.ui.screens.prompt import PromptScreen
    from reflect_tui.ui.screens.review import ReviewScreen

    if app.flow is not None:
        app.notify("A reflection is already open.")
        return
    journal = app.journal
    try:
        session = journal.get_session(session_id)
        answers = journal.session_answers(session_id)
    except VaultError as exc:
        app.notify(str(exc), severity="warning")
        return
    if session.set_id not in app.library.sets:
        app.notify(
            f"The prompt set '{session.set_title}' is no longer installed, so this reflection "
            "cannot be resumed; its answers are kept.",
            severity="warning",
            timeout=10,
        )
        return
    assert session.id is not None
    flow = SessionFlow.resumed(
        app.library.get(session.set_id), session.id, answers, session.position
    )
    app.flow = flow
    last = min(flow.position, flow.count - 1)
    for index in range(last + 1):
        await app.push_screen(PromptScreen(flow, index))
    if flow.position >= flow.count:
        await app.push_screen(ReviewScreen(flow))
