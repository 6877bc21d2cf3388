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
