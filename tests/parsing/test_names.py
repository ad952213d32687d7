"""Person-name handling: titles, post-nominals, roles, lists and matching keys."""

from __future__ import annotations

import pytest

from minutebook.parsing.names import (
    clean_name,
    is_plausible_name,
    name_key,
    parse_names,
    parse_person,
    same_person,
    split_names,
    strip_post_nominals,
    strip_titles,
)


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("Cllr Sue Lintern", "Sue Lintern"),
        ("Cllr. O. Williams", "O. Williams"),
        ("Councillor Ann Beech", "Ann Beech"),
        ("County Councillor Joseph Davies", "Joseph Davies"),
        ("Mr R W Gough", "R W Gough"),
        ("Mrs S Chandler", "S Chandler"),
        ("Ms Jo Bloggs", "Jo Bloggs"),
        ("Dr A Ghosh", "A Ghosh"),
        ("Cllr Dr John Smith", "John Smith"),
        ("Mr. Mark Quinn", "Mark Quinn"),
    ],
)
def test_strip_titles(printed: str, name: str) -> None:
    assert strip_titles(printed) == name


def test_a_bare_title_is_not_a_name() -> None:
    assert clean_name("Cllr") == ""


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("Kath Perry, MBE", "Kath Perry"),
        ("Kath Perry MBE", "Kath Perry"),
        ("Ann Beech, OBE, JP", "Ann Beech"),
        ("John SMITH", "John SMITH"),  # a surname in capitals is not a post-nominal
    ],
)
def test_strip_post_nominals(printed: str, name: str) -> None:
    assert strip_post_nominals(printed) == name


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("Conor Wileman (Vice-Chairman)", ("Conor Wileman", "Vice-Chairman")),
        ("John Francis (Chairman)", ("John Francis", "Chairman")),
        ("Cllr Kit Hesketh-Harvey (Vice-Chair)", ("Kit Hesketh-Harvey", "Vice-Chair")),
        ("Dr A Ghosh (Director of Public Health)", ("A Ghosh", "Director of Public Health")),
        (
            "Jill Mogg \u2013 Senior Commissioning Manager",
            ("Jill Mogg", "Senior Commissioning Manager"),
        ),
        (
            "Gill Heath, Cabinet Member for Communities",
            ("Gill Heath", "Cabinet Member for Communities"),
        ),
        ("Cllr Stuart Collins (From minute number 111/20)", ("Stuart Collins", None)),
        ("**Kath Perry, MBE**", ("Kath Perry", None)),
        ("Ann Beech", ("Ann Beech", None)),
    ],
)
def test_parse_person(printed: str, expected: tuple[str, str | None]) -> None:
    assert parse_person(printed) == expected


def test_split_comma_and_list() -> None:
    assert split_names("Trevor Johnson, Natasha Pullen and Paul Snape") == [
        "Trevor Johnson",
        "Natasha Pullen",
        "Paul Snape",
    ]


def test_split_ampersand_and_semicolon() -> None:
    assert split_names("Ann Beech & Mike Davies; Jason Jones") == [
        "Ann Beech",
        "Mike Davies",
        "Jason Jones",
    ]


def test_split_keeps_post_nominals_and_bracketed_commas_with_their_name() -> None:
    assert split_names("Kath Perry, MBE, Dr A Ghosh (Director, Public Health) and Ann Beech") == [
        "Kath Perry, MBE",
        "Dr A Ghosh (Director, Public Health)",
        "Ann Beech",
    ]


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        (
            "Councillor Chris Edge. Caroline Holland (Director)",
            ["Councillor Chris Edge", "Caroline Holland (Director)"],
        ),
        ("Danny Connellan. Angela Caldara", ["Danny Connellan", "Angela Caldara"]),
        ("Mr J Smith. Mrs A Brown", ["Mr J Smith", "Mrs A Brown"]),
        # a full stop after an initial or a title does not end an entry
        ("Cllr. O. Williams and Mrs. Jane Davies", ["Cllr. O. Williams", "Mrs. Jane Davies"]),
        ("Prof. Ann Lee, Revd. John Smith", ["Prof. Ann Lee", "Revd. John Smith"]),
        ("St. John Ellis", ["St. John Ellis"]),
    ],
)
def test_split_on_a_full_stop_between_entries(printed: str, expected: list[str]) -> None:
    assert split_names(printed) == expected


def test_split_on_repeated_titles_without_separators() -> None:
    printed = "Cllr Sue Lintern (Chair) Cllr Kit Hesketh-Harvey (Vice-Chair) Cllr Andy Hayward"
    assert parse_names(printed) == [
        ("Sue Lintern", "Chair"),
        ("Kit Hesketh-Harvey", "Vice-Chair"),
        ("Andy Hayward", None),
    ]


def test_plural_title_before_a_list() -> None:
    printed = "Councillors Alun Davies, Kim Davies and County Councillor Joseph Davies."
    assert [n for n, _ in parse_names(printed)] == ["Alun Davies", "Kim Davies", "Joseph Davies"]


def test_parse_names_skips_non_names() -> None:
    assert parse_names("There were none.") == []
    assert not is_plausible_name("Apologies were received from")
    assert is_plausible_name("Diane Neil mills")


def test_parse_names_drops_a_relative_clause_after_a_name() -> None:
    assert parse_names("Stephen Gray and Nancy Sayer who was substituted by Roxanne Hills") == [
        ("Stephen Gray", None),
        ("Nancy Sayer", None),
    ]


def test_name_key_ignores_titles_case_punctuation_and_accents() -> None:
    assert name_key("Cllr. Kit Hesketh-Harvey") == name_key("kit hesketh harvey")
    assert name_key("Seán O\u2019Brien") == name_key("Sean OBrien")
    assert name_key("Kath Perry, MBE") == "kath perry"


def test_same_person_matches_initials_with_given_names() -> None:
    assert same_person("Cllr. J. Davies", "Joseph Davies")
    assert same_person("Mr R W Gough", "Roger Gough")
    assert not same_person("A. Davies", "Joseph Davies")
    assert not same_person("Joseph Davies", "Joseph Jones")


def test_post_nominal_without_comma_must_match_exact_case() -> None:
    assert strip_post_nominals("Yo-Yo Ma") == "Yo-Yo Ma"
    assert strip_post_nominals("Jane Doe MA") == "Jane Doe"
