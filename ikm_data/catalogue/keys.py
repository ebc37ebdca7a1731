"""Texts of the enterprise key: one enterprise, one key."""

MESSAGES = {
    "keys.nib.ambiguous": (
        "NIB kosong, padahal “{name}” di {regency} tercatat dengan lebih dari satu NIB pada "
        "tahap ini ({nibs}); baris ini dihitung sebagai IKM tersendiri. Isi NIB-nya bila IKM "
        "ini salah satu dari mereka.",
        "No NIB, while “{name}” in {regency} appears with more than one NIB in this phase "
        "({nibs}); this row is counted as an enterprise of its own. Fill in its NIB if it is "
        "one of them.",
    ),
}
