"""The reader's limits hold with both YAML parsers, fast and in bounded memory."""

from __future__ import annotations

import time
import tracemalloc

import pytest
import yaml

from recaps.content import yaml_lines
from recaps.content.reader import split_front_matter
from recaps.content.yaml_lines import MAX_DEPTH, YamlProblem, parse_yaml

PARSERS = [pytest.param(yaml.SafeLoader, id="pure-python")]
if hasattr(yaml, "CSafeLoader"):
    PARSERS.append(pytest.param(yaml.CSafeLoader, id="libyaml"))

BOMB = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8)
)
DEEP = {
    "flow sequences, 100,000 deep": "x: " + "[" * 100_000 + "]" * 100_000 + "\n",
    "flow sequences, 100,000 deep, unclosed": "x: " + "[" * 100_000 + "\n",
    "flow mappings, 100,000 deep": "x: " + "{a: " * 100_000 + "}" * 100_000 + "\n",
    "block mappings, 2,000 deep": "".join("  " * i + "a:\n" for i in range(2_000)),
    "block sequences, 2,000 deep": "".join("  " * i + "- \n" for i in range(2_000)),
}


def _problem(text: str) -> YamlProblem:
    with pytest.raises(YamlProblem) as caught:
        parse_yaml(text)
    return caught.value


@pytest.fixture(params=PARSERS)
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> type:
    monkeypatch.setattr(yaml_lines, "_Parser", request.param)
    return request.param


@pytest.mark.parametrize("name", sorted(DEEP))
def test_deep_nesting_is_refused_without_recursion(parser: type, name: str) -> None:
    start = time.perf_counter()
    problem = _problem(DEEP[name])
    assert str(problem.message) == f"the fields are nested more than {MAX_DEPTH} levels deep"
    assert time.perf_counter() - start < 2


def test_the_billion_laughs_is_refused_fast_in_bounded_memory(parser: type) -> None:
    tracemalloc.start()
    start = time.perf_counter()
    try:
        problem = _problem(BOMB)
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert (problem.line, str(problem.message)) == (1, "a value cannot start with '&' (YAML would read it as a name "
                                                      "given to the value): put the whole value in double quotes")
    assert time.perf_counter() - start < 0.5
    assert peak < 1_000_000


def test_aliases_without_anchors_are_refused_too(parser: type) -> None:
    problem = _problem("a: [*x, *x, *x]\n")
    assert str(problem.message) == ("a value cannot start with '*' (YAML would read it as a copy of another value): "
                                    "put the whole value in double quotes")


def test_a_large_flat_front_matter_stays_fast(parser: type) -> None:
    text = "---\n" + "".join(f"k{i}: value {i}\n" for i in range(4_000)) + "---\n"
    start = time.perf_counter()
    doc, errors = split_front_matter("a.fr.md", text)
    assert errors == [] and len(doc.meta) == 4_000
    assert time.perf_counter() - start < 2
