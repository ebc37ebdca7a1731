"""Text from a file (a file, sheet, product or enterprise name) shown inside Streamlit's
Markdown elements (captions, info boxes, checkbox labels) exactly as written: every
character that Markdown or Streamlit's directives (``:red[...]``, ``:material/x:``) give a
meaning is escaped, so a name can never become a link, an image, emphasis or a colour."""

from __future__ import annotations

import re

# Characters that start markup anywhere in a line (those that only matter at the start of
# a line, such as "#", "-", "+", "1.", cannot be first here: the value sits inside a sentence).
_SPECIAL = re.compile(r"([\\`*_\[\]<>$~|:!#])")


def escape(value: object) -> str:
    """``value`` as text with every Markdown-active character backslash-escaped
    (``data_ikm.csv`` gives ``data\\_ikm.csv``, shown as written)."""
    return _SPECIAL.sub(r"\\\1", str(value))
