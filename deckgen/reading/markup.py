"""Marks a page's format leaves in its text that are no part of it: Markdown emphasis
(**经济总体回升向好**, as chat answers and blogs are pasted) and the reference marks of
Wikipedia and of answers that cite sources (增长5.2%[4], [注 1], [來源請求])."""

from __future__ import annotations

import re

_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_REFERENCE_MARK = re.compile(
    r"\[(?:[0-9]{1,3}|[a-z]|[注註]\s*[0-9]{1,3}|[來来]源[請请]求|需要[來来]源|需要引用|需要引[證证]|[來来]源[無无]效)\]"
)


def without_markup(text: str) -> str:
    """The text without emphasis marks and reference marks; its lines stay as they were."""
    return _REFERENCE_MARK.sub("", _EMPHASIS.sub(r"\2", text))
