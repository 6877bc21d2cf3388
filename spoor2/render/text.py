"""Text a person typed, made safe for Markdown; and our own texts made plain for text and PDF.

The one Markdown escaper of the app: the pages (through :mod:`ui.frame`) and every Markdown
export use :func:`md_escape`, so the same user text reads the same everywhere.

HTML becomes entities (no tags reach a renderer):

>>> print(md_escape("<img src=x onerror=alert(1)> & <b>bold</b>"))
&lt;img src\\=x onerror\\=alert\\(1\\)&gt; &amp; &lt;b&gt;bold&lt;/b&gt;

Emphasis, headings, lists, quotes, tables and setext underlines stay text:

>>> print(md_escape("**bold** _it_ ~gone~ `code`"))
\\*\\*bold\\*\\* \\_it\\_ \\~gone\\~ \\`code\\`
>>> print(md_escape("# heading\\n1. item\\n- item\\n+ item\\n| a | b |\\n===\\n---"))
\\# heading
1\\. item
\\- item
\\+ item
\\| a \\| b \\|
\\=\\=\\=
\\-\\-\\-

Links and images do not link, and neither do typed addresses:

>>> print(md_escape("[click](javascript:alert(1)) ![x](http://evil/x.png) https://evil.example"))
\\[click\\]\\(javascript\\:alert\\(1\\)\\) \\!\\[x\\]\\(http\\://evil/x\\.png\\) https\\://evil\\.example

Streamlit's own syntax stays text: formulas (``$``, KaTeX), coloured text and icons:

>>> print(md_escape("$x^2$ :red[alarm] :material/home: {braces}"))
\\$x^2\\$ \\:red\\[alarm\\] \\:material/home\\: \\{braces\\}

A backslash is escaped first, so it cannot undo an escape:

>>> print(md_escape("\\\\*not bold*"))
\\\\\\*not bold\\*
"""

from __future__ import annotations

import re

#: Every ASCII character with a meaning in CommonMark, GFM or Streamlit Markdown (``$`` KaTeX,
#: ``:`` directives such as ``:red[…]`` and ``:material/…:``, and typed ``https://`` autolinks).
#: ``&``, ``<`` and ``>`` are not here: they become HTML entities.
MARKDOWN_SPECIAL = "\\`*_{}[]()#+-.!|~$:="


def md_escape(value: str) -> str:
    """Escape text a person typed for use inside Markdown: no HTML, links, emphasis, formulas or directives.

    >>> md_escape("<b>*x*</b> [a](b)")
    '&lt;b&gt;\\\\*x\\\\*&lt;/b&gt; \\\\[a\\\\]\\\\(b\\\\)'
    >>> md_escape("Ongeveer 16 uur — ’s ochtends, € 12,50")
    'Ongeveer 16 uur — ’s ochtends, € 12,50'
    """
    out = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "".join("\\" + char if char in MARKDOWN_SPECIAL else char for char in out)


def plain(value: str) -> str:
    """Our own texts mark Dutch terms and key words with ``*term*`` / ``**word**``; plain text and PDF
    show them without the stars. Never used on text a person typed (that is shown as typed).

    >>> plain("Your municipality (*gemeente*) gives **free** help")
    'Your municipality (gemeente) gives free help'
    """
    return value.replace("*", "")


# --- text a person typed: no invisible controls -----------------------------------------------------

#: Characters that change how text *looks* without being seen: C0/C1 controls and bidirectional
#: overrides and isolates (U+202E makes "evil\u202etxt.exe" read as "evilexe.txt").
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile("[\r\n\t\u2028\u2029\x85]+")


def one_line(value: str) -> str:
    """A one-line field (a name, a role): line breaks and tabs become one space, controls go.

    >>> one_line("Acme\\r\\nB.V.\\tUtrecht")
    'Acme B.V. Utrecht'
    >>> one_line("evil\\u202etxt.exe\\x1b[31m")
    'eviltxt.exe[31m'
    """
    return _INVISIBLE.sub("", _LINE_BREAKS.sub(" ", value))


def multi_line(value: str) -> str:
    """A note: line breaks stay (``\\r\\n`` becomes ``\\n``), tabs stay, every other control goes.

    >>> multi_line("first\\r\\nsecond\\x07\\u202e")
    'first\\nsecond'
    """
    text = value.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return _INVISIBLE.sub("", text.replace("\x85", "\n"))
