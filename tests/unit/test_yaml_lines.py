"""The YAML reader: cases of its structure that the reader's tests do not reach."""

from __future__ import annotations

import pytest

from recaps.content.yaml_lines import YamlProblem, parse_yaml


def test_an_alias_written_as_a_key_is_refused_as_an_alias() -> None:
    with pytest.raises(YamlProblem) as caught:
        parse_yaml("a: &x k\n*x : v\n")
    assert (caught.value.line, str(caught.value.message)) == (1, "a value cannot start with '&' (YAML would read it as a "
                                                               "name given to the value): put the whole value in double "
                                                               "quotes")
    with pytest.raises(YamlProblem) as caught:
        parse_yaml("a: 1\n*x : v\n")
    assert (caught.value.line, str(caught.value.message)) == (2, "a value cannot start with '*' (YAML would read it as a "
                                                               "copy of another value): put the whole value in double "
                                                               "quotes")


def test_the_first_value_of_a_key_written_twice_keeps_its_lines() -> None:
    problems: list[YamlProblem] = []
    data, lines = parse_yaml("a:\n  b: 1\n  c: [x]\na:\n  b: 2\n  c: [y, z]\nd: 3\n", problems=problems)
    assert data == {"a": {"b": 1, "c": ["x"]}, "d": 3}
    assert {location: line for location, line in lines.items() if "a" in location or "d" in location} == {
        ("a",): 1, ("a", "b"): 2, ("a", "c"): 3, ("a", "c", 0): 3, ("d",): 7,
    }
    assert [(problem.line, str(problem.message)) for problem in problems] == [
        (4, "field 'a' is written twice (also at line 1): keep one")
    ]


def test_what_only_yaml_1_1_reads_as_a_number_or_a_boolean_is_text() -> None:
    # Decap CMS writes YAML 1.2 and leaves these unquoted; PyYAML's YAML 1.1 read `10:30` as 630.
    data, _ = parse_yaml("a: 10:30\nb: 1_000\nc: 0x1F\nd: 010\ne: .inf\nf: yes\ng: No\nh: on\ni: 0b101\nj: 1:30:00\n")
    assert data == {"a": "10:30", "b": "1_000", "c": "0x1F", "d": "010", "e": ".inf", "f": "yes", "g": "No",
                    "h": "on", "i": "0b101", "j": "1:30:00"}


def test_numbers_booleans_dates_and_nulls_of_both_versions_are_read_as_such() -> None:
    import datetime

    data, _ = parse_yaml("a: 12\nb: -3\nc: +7\nd: 1.5\ne: true\nf: False\ng: 2025-01-16\nh: ~\ni: null\nj:\n")
    assert data == {"a": 12, "b": -3, "c": 7, "d": 1.5, "e": True, "f": False, "g": datetime.date(2025, 1, 16),
                    "h": None, "i": None, "j": None}
