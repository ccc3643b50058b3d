"""User text inside Markdown is escaped: no HTML, links, emphasis, emoji codes or maths."""

from __future__ import annotations

from courseware.ui.safe import plain


def test_markup_characters_are_escaped():
    assert plain("<b>粗</b>") == r"\<b\>粗\</b\>"
    assert plain("**x** [a](http://e) :smile: $x$") == (
        r"\*\*x\*\* \[a\]\(http\:\/\/e\) \:smile\: \$x\$".replace(r"\/", "/")
    )


def test_plain_chinese_is_unchanged():
    assert plain("本季度末之前将回复时间缩短到24小时") == "本季度末之前将回复时间缩短到24小时"
