"""The house look that the charts, the deck and the page styles share: the colours and the
type scale of a slide. Charts take these as ``#RRGGBB``; the deck's backends as RGB
(``rgb``)."""

from __future__ import annotations

# Okabe-Ito: safe for the common colour-vision deficiencies (the charts' categories).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
PRIMARY = "#0072B2"  # bars, the slide's rule and title band, table headings
TEXT = "#1F2933"  # titles and labels: dark enough for a washed-out projector
TEXT_SECONDARY = "#52606D"  # subtitles, notes, footers
PANEL = "#F0F4F8"  # figure boxes, every other table row
RULE = "#D9E2EC"  # thin lines
BADGE_FILL, BADGE_LINE, BADGE_TEXT = "#FFF1D6", "#E69F00", "#7A4B00"  # the sample's badge
TEXT_NOTE = "#3E4C59"  # notes and lines on the Presentasi page's slides
PRIMARY_DARK = "#005A8C"  # the primary button under the pointer

# The same colours as CSS custom properties (``var(--ikm-primary)``) for the pages' stylesheets.
CSS_VARIABLES = {
    "--ikm-primary": PRIMARY, "--ikm-primary-dark": PRIMARY_DARK, "--ikm-text": TEXT,
    "--ikm-text-secondary": TEXT_SECONDARY, "--ikm-text-note": TEXT_NOTE, "--ikm-panel": PANEL,
    "--ikm-rule": RULE, "--ikm-badge-fill": BADGE_FILL, "--ikm-badge-line": BADGE_LINE,
    "--ikm-badge-text": BADGE_TEXT,
}

# Type scale of charts on a slide (the presentation mode and the deck).
SLIDE_SCALE = 1.6


def rgb(colour: str) -> tuple[int, int, int]:
    """``#0072B2`` gives ``(0, 114, 178)``."""
    return tuple(int(colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
