"""The save queue on its own: the newest job per key, in the order they were last asked."""

from __future__ import annotations

from typing import Any

from reflect_tui.ui.saving import SaveQueue


class _Timer:
    def reset(self) -> None: ...

    def stop(self) -> None: ...


class _App:
    """Just enough of an app for jobs that wait for their debounce."""

    def set_timer(self, delay: float, callback: Any) -> _Timer:
        return _Timer()


def test_a_newer_job_for_a_key_is_written_after_what_was_asked_in_between() -> None:
    written: list[str] = []
    journal: Any = object()
    queue = SaveQueue(_App(), lambda: journal)  # type: ignore[arg-type]
    queue.put("answer 1", lambda j: written.append("answer 1, old text"), debounce=True)
    queue.put("position", lambda j: written.append("position 2"), debounce=True)
    queue.put("answer 1", lambda j: written.append("answer 1, new text"), debounce=True)
    assert queue.run_blocking()
    assert written == ["position 2", "answer 1, new text"]
