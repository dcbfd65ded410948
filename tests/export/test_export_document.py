"""The supervision document: agenda, themes in order, actions, dates, footer, pipeline."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from reflect_tui.core.records import AnswerRecord, SessionRecord
from reflect_tui.export import (
    CheckStatus,
    DocumentOptions,
    IdentifierChoice,
    IdentifiersFound,
    Selection,
    SupervisionDocument,
    actions_to_show,
    build_document,
    build_export,
    plan_export,
    render,
)
from reflect_tui.export.themes import THEMES
from tests.export.test_export_sample import (
    ACTION_GROUP,
    ACTION_J,
    ACTION_R,
    MADE_AT,
    TZ,
    sample_actions,
    sample_sessions,
)


def document(selection: Selection | None = None, **options: object) -> SupervisionDocument:
    selection = selection or Selection()
    plan = plan_export(sample_sessions(), sample_actions(), selection, tz=TZ)
    return build_export(plan, options=DocumentOptions(made_at=MADE_AT, **options))  # type: ignore[arg-type]


def test_the_agenda_holds_the_questions_in_date_order() -> None:
    agenda = document().agenda
    assert [(a.when, a.prompt is not None) for a in agenda] == [
        ("2024-03-07", True),  # which theme is most pressing (a choice)
        ("2024-03-07", False),  # the supervision question
        ("2024-03-10", False),  # an answer tagged "question"
    ]
    assert agenda[1].question.startswith("How might I name the power difference")
    assert agenda[2].theme == "Identity and perspective"


def test_questions_are_not_repeated_under_a_theme_nor_actions_nor_skipped_answers() -> None:
    answers = [item.answer for section in document().sections for item in section.items]
    assert not any(a.startswith("How do I bring up race") for a in answers)
    assert ACTION_J not in answers and ACTION_R not in answers
    assert "" not in answers


def test_themes_come_in_the_supervision_order_and_only_when_they_have_items() -> None:
    slugs = [section.theme.slug for section in document().sections]
    order = [theme.slug for theme in THEMES]
    assert slugs == sorted(slugs, key=order.index)
    assert slugs[:4] == [
        "understanding-context",
        "countertransference",
        "systemic-power",
        "missteps-ruptures",
    ]
    assert "collaboration" not in slugs and slugs[-1] == "other"


def test_unknown_topics_go_under_other() -> None:
    session = SessionRecord(
        "mine",
        "My own set",
        datetime(2024, 3, 1, 12, tzinfo=UTC),
        answers=(AnswerRecord("x", "X?", "Something", topic="made-up"),),
    )
    doc = build_document([session], [], options=DocumentOptions(made_at=MADE_AT, tz=TZ))
    assert [s.theme.slug for s in doc.sections] == ["other"]


def test_items_within_a_theme_run_oldest_first() -> None:
    power = next(s for s in document().sections if s.theme.slug == "power")
    assert [i.when for i in power.items] == ["2024-02-20", "2024-03-06", "2024-03-10"]
    assert [i.flagged for i in power.items] == [False, True, False]


def test_open_actions_always_show_and_closed_ones_only_within_the_period() -> None:
    doc = document()
    assert [a.text for a in doc.open_actions] == [ACTION_J]
    assert [a.text for a in doc.closed_actions] == [ACTION_GROUP, ACTION_R]
    march = document(Selection(start=date(2024, 3, 1)))
    assert [a.text for a in march.open_actions] == [ACTION_J]
    assert [a.text for a in march.closed_actions] == [ACTION_R]
    assert march.closed_actions[0].follow_up.startswith("Did it at the start")
    early = document(Selection(end=date(2024, 3, 1)))
    assert [a.text for a in early.closed_actions] == [ACTION_GROUP]


def test_closed_window_starts_at_the_first_selected_reflection_without_a_start_date() -> None:
    sessions = [s for s in sample_sessions() if s.set_id == "supervision-prep"]
    shown = actions_to_show(sample_actions(), Selection(), sessions, tz=TZ)
    assert [a.text for a in shown] == [ACTION_J, ACTION_R]  # not the February one


def test_week_mode_shows_weeks_everywhere() -> None:
    doc = document(dates="week")
    every_when = [i.when for s in doc.sections for i in s.items] + [a.when for a in doc.agenda]
    assert all(w.startswith("week of ") for w in every_when)
    assert "2024-03-05" not in render(doc, "markdown")
    assert doc.period == "weeks of 2024-02-19 to 2024-03-04"
    assert doc.open_actions[0].since == "week of 2024-02-19"


def test_period_made_at_and_clinician() -> None:
    doc = document(clinician_name="  Sam Rivera ")
    assert doc.clinician == "Sam Rivera"
    assert doc.period == "2024-02-20 to 2024-03-10"
    assert doc.made_at_text == "2024-03-15 17:30 CET"
    assert document(Selection(start=date(2024, 3, 1))).period == "2024-03-01 to 2024-03-10"
    single = document(Selection(start=date(2024, 3, 7), end=date(2024, 3, 7)))
    assert single.period == "2024-03-07"


def test_the_selection_names_the_prompt_set_by_its_title() -> None:
    doc = document(Selection(set_id="supervision-prep", flagged_only=True))
    assert doc.selection == ("flagged for supervision", "prompt set “Preparing for supervision”")
    assert document(Selection(set_id="gone")).selection == ("prompt set “gone”",)


def test_an_empty_selection_still_makes_a_sensible_document() -> None:
    doc = document(Selection(set_id="nothing-like-this"))
    assert doc.sections == () and doc.agenda == ()
    assert doc.period == "no reflections selected"
    text = render(doc, "markdown")
    assert "No reflections match this selection." in text
    assert "No questions were written for supervision" in text


def test_the_footer_says_plaintext_and_what_the_check_did() -> None:
    footer = " ".join(document().footer)
    assert "plaintext" in footer and "None were found." in footer


def _with_identifiers() -> list[SessionRecord]:
    when = datetime(2024, 3, 5, 18, tzinfo=UTC)
    return [
        SessionRecord(
            "s",
            "S",
            when,
            answers=(AnswerRecord("p", "P?", "Call 555-123-4567 about Amara", topic="power"),),
        )
    ]


def test_the_pipeline_stops_on_identifiers_until_the_clinician_chooses() -> None:
    plan = plan_export(_with_identifiers(), [], Selection(), watch_words=["amara"], tz=TZ)
    assert [(f.kind.value, f.where) for f in plan.findings] == [
        ("phone", "answer"),
        ("watch word", "answer"),
    ]
    with pytest.raises(IdentifiersFound) as stopped:
        build_export(plan)
    assert len(stopped.value.findings) == 2

    redacted = build_export(plan, IdentifierChoice.REDACT, DocumentOptions(made_at=MADE_AT))
    assert redacted.sections[0].items[0].answer == "Call [phone] about [redacted]"
    assert redacted.check.status is CheckStatus.REDACTED
    assert "1 phone number and 1 watch-list word were replaced" in redacted.footer[-1]
    assert "555" not in render(redacted, "json")

    allowed = build_export(plan, IdentifierChoice.ALLOW, DocumentOptions(made_at=MADE_AT))
    assert "555-123-4567" in allowed.sections[0].items[0].answer
    assert "were found and kept as written" in allowed.footer[-1]


def test_plan_counts() -> None:
    plan = plan_export(sample_sessions(), sample_actions(), Selection(), tz=TZ)
    assert plan.session_count == 6
    assert plan.answer_count == 21  # answers with text, including questions and actions


@pytest.mark.parametrize("fmt", ["markdown", "html", "json", "text"])
def test_every_format_renders_an_empty_and_a_full_document(fmt: str) -> None:
    for doc in (document(), document(Selection(set_id="none"))):
        assert render(doc, fmt).endswith("\n")  # type: ignore[arg-type]


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="Unknown export format"):
        render(document(), "pdf")  # type: ignore[arg-type]


def test_the_theme_table_agrees_with_the_prompt_library() -> None:
    from reflect_tui import prompts as prompt_library

    themes = {theme.slug: theme.title for theme in THEMES if theme.slug != "other"}
    library = {t: prompt_library.TOPIC_TITLES[t] for t in prompt_library.TOPICS if t != "question"}
    assert list(themes) == list(library)  # same topics, same order
    assert themes == library  # same titles, so the app and the document say the same
    assert [t.slug for t in THEMES if t.supervision] == list(prompt_library.SUPERVISION_TOPICS)
