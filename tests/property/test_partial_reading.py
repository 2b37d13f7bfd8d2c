"""Property tests of what the check reads of a file that does not read whole: the front matter
and body as far as they read (split_markdown), the content as far as it validates
(partial_content). Whatever the input, they return, never raise, and agree with the whole read
where it succeeds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from recaps.content.front_matter import split_front_matter, split_markdown
from recaps.content.models import Content, Page, Partner, Programme, Session
from recaps.content.partial_validation import partial_content
from recaps.content.reader import RawDocument
from recaps.content.validation import validate

from test_never_crash import SETTINGS, assert_sane, documents, line_count, mappings


@SETTINGS
@given(documents)
def test_split_markdown_reads_what_it_can_and_agrees_with_the_whole_read(text: str) -> None:
    parts = split_markdown("a.fr.md", text)
    assert_sane(parts.errors, text, "a.fr.md")
    assert parts.document is not None or parts.errors
    if parts.document is not None:
        assert isinstance(parts.document.meta, dict)
        assert all(1 <= line <= line_count(text) for line in parts.document.lines.values())
        assert (parts.document.body, parts.document.body_line) == (parts.body, parts.body_line)
    if parts.body is not None:
        assert 1 <= parts.body_line <= line_count(text) + 1
        assert text.endswith(parts.body)
    if parts.closed:
        assert split_front_matter("a.fr.md", text) == (parts.document, parts.errors)


@SETTINGS
@given(mappings, st.sampled_from([Programme, Session, Partner, Page]))
def test_partial_content_is_the_content_where_it_validates_and_none_or_a_model_elsewhere(
    data: dict, model: type[Content]
) -> None:
    content, _ = validate(model, RawDocument("a.fr.md", data))
    partial = partial_content(model, data)
    if content is not None:
        assert partial == content
    else:
        assert partial is None or isinstance(partial, model)
