"""Texts of the command line's own output (``summary``, ``history``, ``deck``) and of the
named errors that replaced bare ValueErrors (an unknown deck format, a phase with nothing
to present, a manual column mapping the file cannot follow)."""

MESSAGES = {
    # summary: one line per phase, then its products and published worker groups
    "cli.summary.phase": (
        "Tahap {phase}: {about_enterprises}{enterprises} IKM, {about_workers}{workers} tenaga kerja{tag}"
        " — sumber: {source}",
        "Phase {phase}: {about_enterprises}{enterprises} IKM, {about_workers}{workers} workers{tag}"
        " — source: {source}",
    ),
    "cli.summary.about": ("± ", "± "),
    "cli.summary.tag.sample": (" [data contoh (sintetis)]", " [sample data (synthetic)]"),
    "cli.summary.tag.published": (" [angka rilis]", " [published figures]"),
    "cli.summary.product": ("  {product:<40} {enterprises:>7} IKM {workers:>7} TK",
                            "  {product:<40} {enterprises:>7} IKM {workers:>7} workers"),
    "cli.summary.groups": ("  tenaga kerja per kelompok yang dirilis:", "  workers per published group:"),
    "cli.summary.group": ("    {group:<38} {workers:>15} TK", "    {group:<38} {workers:>15} workers"),
    # history: one line per version, newest first
    "cli.history.line": (
        "{version:>5}  {at}  Tahap {phase}  {mode}{rollback_of:<8}  {user}  {file}  {rows} baris  "
        "{enterprises} IKM  {workers} TK  {sha256}  {programme}{as_of}",
        "{version:>5}  {at}  Phase {phase}  {mode}{rollback_of:<8}  {user}  {file}  {rows} rows  "
        "{enterprises} IKM  {workers} workers  {sha256}  {programme}{as_of}",
    ),
    # deck
    "cli.deck.written": ("{path} ({format}, {kb} KB, {seconds} s)", "{path} ({format}, {kb} KB, {seconds} s)"),
    "deck.error.format": ("Format presentasi “{format}” tidak dikenal; pakai {formats}.",
                          "unknown deck format '{format}'; use one of {formats}"),
    "deck.error.nothing": ("Tahap {phase} tidak punya angka untuk dipresentasikan.",
                           "phase {phase} has no figures to present"),
    # a manual column mapping (``mapping.resolve``)
    "mapping.error.field": ("Kolom data “{field}” tidak dikenal.", "unknown field '{field}'"),
    "mapping.error.header": ("Berkas tidak punya judul kolom “{label}”.", "no header '{label}' in the file"),
}
