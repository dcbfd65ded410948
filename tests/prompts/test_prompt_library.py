"""The prompt library: built-in sets, the schema, and what a clinician sees for a bad file."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from reflect_tui.prompts import (
    BUILTIN_ORDER,
    DEFAULT_SET_ID,
    SUPERVISION_TOPICS,
    TOPIC_TITLES,
    TOPICS,
    Prompt,
    PromptFileError,
    PromptKind,
    PromptLibrary,
    PromptProblem,
    PromptSet,
    builtin_prompts_dir,
    check_files,
    load_library,
    load_prompt_file,
)

REPO_PROMPTS = Path(__file__).resolve().parents[2] / "prompts"
BUILTIN_IDS = {
    "end-of-day",
    "identity",
    "power",
    "collaboration",
    "repair",
    "supervision-prep",
    "systems",
}

VALID = """\
id = "my-set"
title = "My set"
description = "A short set of my own."
minutes = 3

[[prompts]]
id = "first"
text = "What stayed with me today?"
topic = "wellbeing"

[[prompts]]
id = "second"
text = "How settled do I feel?"
topic = "wellbeing"
kind = "scale"
scale_labels = ["Unsettled", "Settled"]
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_for(path: Path) -> list[PromptProblem]:
    with pytest.raises(PromptFileError) as caught:
        load_prompt_file(path)
    assert caught.value.problems == check_files([path])
    return caught.value.problems


@pytest.fixture
def library(tmp_path: Path) -> PromptLibrary:
    return load_library(user_dir=tmp_path / "no-such-folder")


def all_prompts(library: PromptLibrary) -> list[tuple[str, Prompt]]:
    return [(s, p) for s, loaded in library.sets.items() for p in loaded.prompt_set.prompts]


# --- the built-in sets ----------------------------------------------------------------


def test_builtin_folder_is_the_checkout_prompts_folder() -> None:
    assert builtin_prompts_dir() == REPO_PROMPTS


def test_every_builtin_file_validates_and_is_named_after_its_id() -> None:
    files = sorted(REPO_PROMPTS.glob("*.toml"))
    assert {file.stem for file in files} == BUILTIN_IDS
    assert check_files(files) == []
    for file in files:
        assert load_prompt_file(file).id == file.stem


def test_builtins_load_in_order_with_end_of_day_first(library: PromptLibrary) -> None:
    assert library.problems == []
    assert list(library.sets) == list(BUILTIN_ORDER)
    assert set(BUILTIN_ORDER) == BUILTIN_IDS
    assert next(iter(library.sets)) == DEFAULT_SET_ID == PromptLibrary.DEFAULT_SET_ID
    assert all(loaded.builtin and not loaded.replaces_builtin for loaded in library.sets.values())
    assert library.default().id == "end-of-day"


def test_set_sizes_and_sources(library: PromptLibrary) -> None:
    for set_id, loaded in library.sets.items():
        prompt_set = loaded.prompt_set
        low, high = (3, 5) if set_id == "end-of-day" else (4, 9)
        assert low <= len(prompt_set.prompts) <= high, set_id
        assert prompt_set.draws_on, f"{set_id} must say what it draws on"
        assert any("article" in source.lower() for source in prompt_set.draws_on), set_id
        assert prompt_set.description and prompt_set.title and prompt_set.minutes >= 1
    assert library.get("end-of-day").minutes <= 5


def test_prompt_ids_are_unique_slugs_within_each_set(library: PromptLibrary) -> None:
    for loaded in library.sets.values():
        ids = [prompt.id for prompt in loaded.prompt_set.prompts]
        assert len(ids) == len(set(ids))
        assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", prompt_id) for prompt_id in ids)


def test_every_prompt_has_a_known_topic_with_a_title(library: PromptLibrary) -> None:
    assert TOPICS[:10] == (
        "understanding-context",
        "countertransference",
        "systemic-power",
        "missteps-ruptures",
        "identity",
        "power",
        "collaboration",
        "repair",
        "systems",
        "wellbeing",
    )
    assert TOPICS[:4] == SUPERVISION_TOPICS
    assert list(TOPIC_TITLES) == list(TOPICS)
    assert TOPIC_TITLES["understanding-context"].startswith("Difficulty understanding")
    for set_id, prompt in all_prompts(library):
        assert prompt.topic in TOPICS, (set_id, prompt.id)
    used = {prompt.topic for _, prompt in all_prompts(library)}
    assert used == set(TOPICS)


def test_all_four_kinds_are_used_sensibly(library: PromptLibrary) -> None:
    kinds = [prompt.kind for _, prompt in all_prompts(library)]
    assert set(kinds) == set(PromptKind)
    assert kinds.count(PromptKind.SCALE) >= 3
    for _, prompt in all_prompts(library):
        if prompt.kind == PromptKind.SCALE:
            assert all(prompt.scale_labels) and prompt.scale_min < prompt.scale_max
        if prompt.kind == PromptKind.CHOICE:
            assert len(prompt.options) >= 2
        else:
            assert prompt.options == ()


def test_end_of_day_touches_identity_power_and_an_action(library: PromptLibrary) -> None:
    prompts = library.get("end-of-day").prompts
    topics = {prompt.topic for prompt in prompts}
    assert {"identity", "power"} <= topics
    actions = [prompt for prompt in prompts if prompt.kind == PromptKind.ACTION]
    assert actions and "differently" in actions[0].text.lower()


def test_supervision_prep_covers_the_four_themes_and_ends_with_the_question(
    library: PromptLibrary,
) -> None:
    prompts = library.get("supervision-prep").prompts
    assert set(SUPERVISION_TOPICS) <= {prompt.topic for prompt in prompts}
    last = prompts[-1]
    assert last.id == "supervision-question" and last.topic == "question"
    assert "question" in last.text.lower() and "supervision" in last.text.lower()
    assert not last.optional


def test_identity_offers_the_addressing_domains(library: PromptLibrary) -> None:
    choice = next(p for p in library.get("identity").prompts if p.kind == PromptKind.CHOICE)
    text = " ".join(choice.options).lower()
    for domain in ("age", "disab", "religion", "ethnic", "class", "sexual orientation"):
        assert domain in text
    for domain in ("indigenous", "national origin", "gender"):
        assert domain in text
    assert choice.multiple and "ADDRESSING" in choice.guidance


def test_repair_walks_from_what_happened_to_a_next_step(library: PromptLibrary) -> None:
    prompts = library.get("repair").prompts
    assert prompts[0].topic == "missteps-ruptures"
    assert prompts[-1].kind == PromptKind.ACTION
    assert {"repair", "missteps-ruptures"} <= {prompt.topic for prompt in prompts}


_IDENTIFIERS = (
    "date of birth",
    "birthday",
    "phone number",
    "email address",
    "home address",
    "record number",
    "surname",
    "full name",
    "where they live",
)


def test_no_builtin_asks_for_a_name_or_identifying_details(library: PromptLibrary) -> None:
    for set_id, loaded in library.sets.items():
        prompt_set = loaded.prompt_set
        texts = [prompt_set.title, prompt_set.description]
        for prompt in prompt_set.prompts:
            texts += [prompt.text, prompt.guidance, *prompt.options, *prompt.scale_labels]
        for text in texts:
            for sentence in re.split(r"(?<=[.?!])\s+", text.lower()):
                if re.search(r"\bnames?\b", sentence):
                    assert "pseudonym" in sentence or "initials" in sentence, (set_id, sentence)
                for phrase in _IDENTIFIERS:
                    assert phrase not in sentence, (set_id, sentence)


def test_sets_about_clients_suggest_initials_or_a_pseudonym(library: PromptLibrary) -> None:
    for set_id, loaded in library.sets.items():
        if set_id == "systems":  # about the service, not about one client
            continue
        guidance = " ".join(prompt.guidance for prompt in loaded.prompt_set.prompts)
        assert "initials or a pseudonym" in guidance, set_id


ARTICLE_CANDIDATES = (
    REPO_PROMPTS.parent / "seed" / "cultural-humility-article.txt",
    REPO_PROMPTS.parent.parent / "shared" / "seed" / "cultural-humility-article.txt",
)


def test_prompts_are_in_our_own_words(library: PromptLibrary) -> None:
    """No run of six words in a prompt, its guidance or options is copied from the article."""
    article = next((path for path in ARTICLE_CANDIDATES if path.is_file()), None)
    if article is None:
        pytest.skip("the seed article is not in this checkout")
    words = re.findall(r"[a-z']+", article.read_text(encoding="utf-8").lower())
    runs = {tuple(words[i : i + 6]) for i in range(len(words) - 5)}
    for set_id, prompt in all_prompts(library):
        for text in (prompt.text, prompt.guidance, *prompt.options):
            ours = re.findall(r"[a-z']+", text.lower())
            copied = [
                ours[i : i + 6] for i in range(len(ours) - 5) if tuple(ours[i : i + 6]) in runs
            ]
            assert not copied, (set_id, prompt.id, copied)


def test_builtin_files_carry_their_schema_keys_only(library: PromptLibrary) -> None:
    for loaded in library.sets.values():
        data = tomllib.loads(loaded.source.read_text(encoding="utf-8"))
        assert set(data) <= set(PromptSet.model_fields)
        assert {"id", "title", "description", "minutes", "version", "draws_on"} <= set(data)


# --- the schema -------------------------------------------------------------------------


def test_wrapped_text_is_joined_and_paragraphs_kept(tmp_path: Path) -> None:
    text = VALID.replace(
        'text = "What stayed with me today?"',
        'text = """\nWhat stayed\n   with me\ttoday?\n"""\nguidance = """One.\n\nTwo\nlines."""',
    )
    prompt = load_prompt_file(write(tmp_path, "s.toml", text)).prompts[0]
    assert prompt.text == "What stayed with me today?"
    assert prompt.guidance == "One.\n\nTwo lines."


def test_models_are_frozen_and_forbid_unknown_keys() -> None:
    prompt = Prompt(id="a", text="Hi", topic="power")
    assert prompt.kind == PromptKind.TEXT and prompt.optional is False
    with pytest.raises(ValidationError):
        prompt.text = "changed"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        Prompt.model_validate({"id": "a", "text": "Hi", "topic": "power", "colour": "red"})


def test_choice_and_scale_rules() -> None:
    choice = Prompt(id="c", text="Pick", topic="power", kind="choice", options=("a", "b"))
    assert choice.multiple is False and choice.options == ("a", "b")
    with pytest.raises(ValidationError, match="fewer than two"):
        Prompt(id="c", text="Pick", topic="power", kind="choice", options=("a",))
    with pytest.raises(ValidationError, match="repeats"):
        Prompt(id="c", text="Pick", topic="power", kind="choice", options=("a", "a"))
    with pytest.raises(ValidationError, match="larger than scale_min"):
        Prompt(id="s", text="How", topic="power", kind="scale", scale_min=3, scale_max=3,
               scale_labels=("lo", "hi"))  # fmt: skip
    with pytest.raises(ValidationError, match='kind = "choice"'):
        Prompt(id="t", text="Hi", topic="power", multiple=True)


def test_library_get_and_default(library: PromptLibrary) -> None:
    assert library.get("power").id == "power"
    with pytest.raises(KeyError):
        library.get("nope")
    assert library.default("systems").id == "systems"
    assert library.default("nope").id == DEFAULT_SET_ID
    assert library.get("repair").prompt("next-step").kind == PromptKind.ACTION
    with pytest.raises(KeyError):
        PromptLibrary().default()


def test_problem_reads_as_one_sentence() -> None:
    problem = PromptProblem(Path("/x/a.toml"), "prompts[3].topic", "'x' is not allowed")
    assert str(problem) == "/x/a.toml: prompts[3].topic: 'x' is not allowed"


# --- bad files: each names the path, the line or field, and what is expected ----------

BAD_CASES = {
    "bad-toml": (
        VALID.replace('title = "My set"', 'title = "My set'),
        "line 2",
        "not valid TOML",
    ),
    "unknown-top-key": (
        VALID.replace("minutes = 3", "minutes = 3\ncolour = 1"),
        "colour (line 5)",
        "unknown key 'colour'; expected only these keys: id, title",
    ),
    "unknown-prompt-key": (
        VALID.replace('topic = "wellbeing"\n\n', 'topic = "wellbeing"\nhint = "x"\n\n', 1),
        "prompts[0].hint (line 10)",
        "unknown key 'hint'; expected only these keys: id, text, guidance, kind",
    ),
    "missing-set-field": (
        VALID.replace('title = "My set"\n', ""),
        "title",
        "is missing; expected a short title",
    ),
    "missing-prompt-field": (
        VALID.replace('topic = "wellbeing"\n\n', "\n", 1),
        "prompts[0].topic (line 6)",
        'is missing; expected one of "understanding-context"',
    ),
    "duplicate-prompt-id": (
        VALID.replace('id = "second"', 'id = "first"'),
        "prompts[1].id (line 12)",
        "'first' is already used by prompts[0]; expected each prompt in a set to have its own id",
    ),
    "empty-text": (
        VALID.replace("What stayed with me today?", "   "),
        "prompts[0].text (line 8)",
        "is empty; expected the question itself",
    ),
    "unknown-topic": (
        VALID.replace('topic = "wellbeing"', 'topic = "feelings"', 1),
        "prompts[0].topic (line 9)",
        "'feelings' is not allowed; expected one of",
    ),
    "unknown-kind": (
        VALID.replace('kind = "scale"', 'kind = "slider"'),
        "prompts[1].kind (line 15)",
        '\'slider\' is not allowed; expected one of "text", "scale", "choice", "action"',
    ),
    "scale-without-labels": (
        VALID.replace('scale_labels = ["Unsettled", "Settled"]\n', ""),
        "prompts[1].scale_labels (line 11)",
        "is missing; expected two labels",
    ),
    "options-on-text": (
        VALID.replace(
            'topic = "wellbeing"\n\n', 'topic = "wellbeing"\noptions = ["a", "b"]\n\n', 1
        ),
        "prompts[0].options (line 10)",
        'is only used by kind = "choice"',
    ),
    "one-scale-label": (
        VALID.replace('["Unsettled", "Settled"]', '["Unsettled"]'),
        "prompts[1].scale_labels[1] (line 16)",
        "is missing; expected two labels, low end first",
    ),
    "three-scale-labels": (
        VALID.replace('["Unsettled", "Settled"]', '["Unsettled", "Meh", "Settled"]'),
        "prompts[1].scale_labels (line 16)",
        "has too many items; expected two labels, low end first",
    ),
    "minutes-as-text": (
        VALID.replace("minutes = 3", 'minutes = "3"'),
        "minutes (line 4)",
        "should be a whole number; expected a whole number of minutes",
    ),
    "optional-as-text": (
        VALID.replace('topic = "wellbeing"\n\n', 'topic = "wellbeing"\noptional = "yes"\n\n', 1),
        "prompts[0].optional (line 10)",
        "should be true or false",
    ),
    "bad-slug": (
        VALID.replace('id = "my-set"', 'id = "My Set"'),
        "id (line 1)",
        "is not a valid slug; expected a short slug",
    ),
    "no-prompts": (
        VALID.split("[[prompts]]")[0] + "prompts = []\n",
        "prompts (line 6)",
        "is empty; expected one or more [[prompts]] tables",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_file_reports_path_place_and_expectation(tmp_path: Path, case: str) -> None:
    text, where, message = BAD_CASES[case]
    path = write(tmp_path, f"{case}.toml", text)
    problems = problems_for(path)
    assert len(problems) == 1, [str(p) for p in problems]
    (problem,) = problems
    assert problem.path == path
    assert problem.where == where
    assert message in problem.message
    assert "expected" in problem.message
    assert str(problem).startswith(f"{path}: {where}: ")
    assert "\n" not in str(problem)


def test_bad_toml_at_end_of_file_still_gives_a_line(tmp_path: Path) -> None:
    path = write(tmp_path, "end.toml", 'id = "x"\ntitle = "unfinished')
    (problem,) = problems_for(path)
    assert problem.line == 2 and problem.where == "line 2 (end of file)"


def test_every_problem_in_a_file_is_reported_in_line_order(tmp_path: Path) -> None:
    text = VALID.replace('id = "second"', 'id = "first"').replace("minutes = 3", "minutes = 0")
    text = text.replace("What stayed with me today?", "")
    problems = problems_for(write(tmp_path, "many.toml", text))
    assert [p.where for p in problems] == [
        "minutes (line 4)",
        "prompts[0].text (line 8)",
        "prompts[1].id (line 12)",
    ]


def test_unreadable_and_non_utf8_files(tmp_path: Path) -> None:
    (missing,) = problems_for(tmp_path / "missing.toml")
    assert "cannot be read" in missing.message and "expected" in missing.message
    latin = tmp_path / "latin.toml"
    latin.write_bytes('title = "caf\xe9"'.encode("latin-1"))
    (problem,) = problems_for(latin)
    assert "not UTF-8" in problem.message


def test_check_files_expands_folders_and_flags_empty_ones(tmp_path: Path) -> None:
    write(tmp_path / "sets", "good.toml", VALID)
    write(tmp_path / "sets", "bad.toml", VALID.replace("minutes = 3", ""))
    (tmp_path / "empty").mkdir()
    problems = check_files([tmp_path / "sets", tmp_path / "empty", REPO_PROMPTS])
    assert [(p.path.name, p.where) for p in problems] == [
        ("bad.toml", "minutes"),
        ("empty", "folder"),
    ]


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_any_text_either_loads_or_gives_problems(tmp_path: Path, text: str) -> None:
    path = tmp_path / "fuzz.toml"
    path.write_text(VALID[:40] + text, encoding="utf-8")
    try:
        load_prompt_file(path)
    except PromptFileError as exc:
        assert exc.problems and all(p.path == path and p.message for p in exc.problems)


# --- user sets --------------------------------------------------------------------------


def test_user_set_with_a_builtin_id_replaces_it_in_place(tmp_path: Path) -> None:
    user = tmp_path / "prompts"
    mine = VALID.replace('id = "my-set"', 'id = "end-of-day"').replace("My set", "My day")
    path = write(user, "evening.toml", mine)
    library = load_library(user_dir=user)
    assert library.problems == []
    assert list(library.sets) == list(BUILTIN_ORDER)
    loaded = library.sets["end-of-day"]
    assert (loaded.builtin, loaded.replaces_builtin, loaded.source) == (False, True, path)
    assert library.get("end-of-day").title == "My day"
    assert library.default().title == "My day"


def test_user_set_with_a_new_id_is_added_after_the_builtins(tmp_path: Path) -> None:
    user = tmp_path / "prompts"
    write(user, "zz.toml", VALID.replace('id = "my-set"', 'id = "zz"'))
    write(user, "aa.toml", VALID)
    library = load_library(user_dir=user)
    assert list(library.sets) == [*BUILTIN_ORDER, "my-set", "zz"]
    assert library.sets["my-set"].source == user / "aa.toml"
    assert not library.sets["my-set"].builtin


def test_a_broken_user_file_is_reported_and_the_others_still_load(tmp_path: Path) -> None:
    user = tmp_path / "prompts"
    write(user, "good.toml", VALID)
    bad = write(user, "bad.toml", VALID.replace('topic = "wellbeing"', 'topic = "x"', 1))
    write(user, "notes.txt", "not a prompt file, ignored")
    library = load_library(user_dir=user)
    assert "my-set" in library.sets and set(library.sets) >= BUILTIN_IDS
    assert [(p.path, p.where) for p in library.problems] == [(bad, "prompts[0].topic (line 9)")]


def test_every_user_file_broken_still_gives_every_builtin(tmp_path: Path) -> None:
    user = tmp_path / "prompts"
    write(user, "a.toml", "this is = = not toml")
    write(user, "b.toml", "")
    write(user, "c.toml", 'id = "end-of-day"')
    library = load_library(user_dir=user)
    assert list(library.sets) == list(BUILTIN_ORDER)
    assert all(loaded.builtin for loaded in library.sets.values())
    assert {p.path.name for p in library.problems} == {"a.toml", "b.toml", "c.toml"}


def test_two_user_files_with_one_id_keep_the_first(tmp_path: Path) -> None:
    user = tmp_path / "prompts"
    first = write(user, "a.toml", VALID)
    second = write(user, "b.toml", VALID.replace("My set", "Other"))
    library = load_library(user_dir=user)
    assert library.sets["my-set"].source == first
    (problem,) = library.problems
    assert (
        problem.path == second and str(first) in problem.message and "expected" in problem.message
    )


def test_a_user_folder_that_is_a_file_is_reported(tmp_path: Path) -> None:
    not_a_folder = write(tmp_path, "prompts", "oops")
    library = load_library(user_dir=not_a_folder)
    assert list(library.sets) == list(BUILTIN_ORDER)
    (problem,) = library.problems
    assert problem.path == not_a_folder and "expected a folder" in problem.message


def test_default_user_folder_comes_from_the_config_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REFLECT_HOME", str(tmp_path))
    assert load_library().problems == []
    write(tmp_path / "config" / "prompts", "mine.toml", VALID)
    library = load_library()
    assert library.sets["my-set"].source == tmp_path / "config" / "prompts" / "mine.toml"
