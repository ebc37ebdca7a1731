"""A store that real use produces after several uploads: the published phases 1-3 (phase 3
with its synthetic sample) plus phases with uploaded rows, up to the store's limit of 99."""

from __future__ import annotations

from ikm_data import sample, schema
from ikm_data.store import Store


def commit_phases(store: Store, phases: dict[int, int]) -> Store:
    """Commit to ``store``, for each ``{phase: n}``, the first ``n`` rows of the generated
    sample as that phase's upload (deterministic). Returns the store."""
    rows = sample.generate()
    for phase, n in phases.items():
        table = schema.to_table(rows.head(n))
        store.commit(table, phase=phase, user="uji", file_name=f"tahap{phase}.csv",
                     content=f"tahap {phase} {n}".encode())
    return store


# Phases 1, 2 (published only), 3 (sample), 4, 5 and 44 (uploaded): six phases.
MANY = {4: 40, 5: 25, 44: 12}
