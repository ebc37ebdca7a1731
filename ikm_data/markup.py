"""Text from a file (a file, sheet, product or enterprise name) shown inside Streamlit's
Markdown elements (captions, info boxes, checkbox labels) exactly as written: every
character that Markdown or Streamlit's directives (``:red[...]``, ``:material/x:``) give a
meaning is escaped, so a name can never become a link, an image, emphasis or a colour.

Escaping is not enough for one thing: GitHub-flavoured Markdown (Streamlit's) turns a bare
``https://…``, ``www.…`` or ``name@domain`` into a link *after* escapes are resolved, by
matching the finished text. An invisible WORD JOINER (U+2060: no width, no line break)
inside ``://``, after ``www`` and before ``@`` breaks those matches; the name still reads
exactly as written."""

from __future__ import annotations

import re

# Characters that start markup anywhere in a line (those that only matter at the start of
# a line, such as "#", "-", "+", "1.", cannot be first here: the value sits inside a sentence).
_SPECIAL = re.compile(r"([\\`*_\[\]<>$~|:!#])")
JOINER = "\u2060"
# what GFM's autolink-literal transform looks for: a scheme's "://", "www.", an e-mail's "@"
_AUTOLINK = re.compile(r"(?<=:)(?=//)|(?<=www)(?=\.)|(?=@)", re.IGNORECASE)


def escape(value: object) -> str:
    """``value`` as text with every Markdown-active character backslash-escaped
    (``data_ikm.csv`` gives ``data\\_ikm.csv``, shown as written) and autolinks broken by
    an invisible joiner (``https:⁠//…``, see the module)."""
    return _AUTOLINK.sub(JOINER, _SPECIAL.sub(r"\\\1", str(value)))
