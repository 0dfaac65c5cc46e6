"""People's own words shown inside Markdown come out exactly as typed."""

import re

from assessment.pages.text import plain


def test_every_markup_character_in_peoples_words_is_escaped():
    hostile = "**bold** <img src=x onerror=alert(1)> [link](javascript:alert(1)) # heading $x$ `code` _i_"
    escaped = plain(hostile)
    assert re.search(r"(?<!\\)[*<>\[\]()#$`_]", escaped) is None
    assert escaped.replace("\\", "") == hostile
    assert plain(None) == ""
