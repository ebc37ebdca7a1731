"""The stores that real use produces, each built through the project's own code (``Store``
and ``importer`` on CSV bytes as an official uploads them) into a given folder.

``build(name, folder)`` makes one; ``STATES`` names them all. The ``state_store`` fixture
(tests/conftest.py) builds each once per session into a template folder and copies it per
test. Rows are invented but realistic (NTB enterprise names, regencies and products written
the way regency offices write them: ``Lotim``, ``Kota Bima``, ``minyak kelapa``) and
deterministic (``random.Random(seed)``).
"""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

from ikm_data import importer
from ikm_data.store import Store

# regency as an office writes it (alias) -> NTB regency code, for the weights only
REGENCIES = ["Lobar", "Loteng", "Lotim", "Sumbawa", "Dompu", "Kab. Bima", "KSB", "KLU", "Mataram", "Kota Bima"]
PRODUCTS = ["minyak kelapa", "susu kedele", "teh daun kelor", "sarbat jahe", "gula semut aren", "tas jps",
            "minyak atsiri", "sabun cuci tangan", "kopi bubuk", "garam beryodium", "abon", "Ikan Kering"]
NEW_PRODUCT = "Dodol Rumput Laut"  # not in data/products.csv: a product new to the vocabulary
_PREFIX = ["UD", "IKM", "KUB", "CV", "UMKM", "Kelompok"]
_WORD1 = ["Sinar", "Berkah", "Maju", "Mandiri", "Harapan", "Karya", "Tunas", "Mekar", "Rinjani",
          "Tambora", "Barokah", "Rezeki", "Putri", "Makmur", "Selaparang", "Segara"]
_WORD2 = ["Jaya", "Sari", "Bersama", "Abadi", "Mulia", "Sentosa", "Lombok", "Samawa", "Mbojo",
          "Gemilang", "Wangi", "Nusa", "Anak", "Tani", "Bahari", "Lestari"]
_PEOPLE = ["Baiq Aminah", "Lalu Hidayat", "Siti Hasanah", "Muhammad Ramdhan", "Nurul Safitri",
           "Ahmad Zainuddin", "Ni Made Juliani", "Haerul Saputra", "Dewi Marlina", "Zulkifli Ismail"]
_VILLAGES = ["Sukamaju", "Tanjung Luar", "Pringgasela", "Labuhan Haji", "Sandik", "Rasabou", "Sepit"]
_HOTELS = ["Hotel Santika Mataram", "Katamaran Resort", "Novotel Lombok", "Hotel Lombok Raya"]

BASIC = ["No", "Nama IKM", "Kabupaten/Kota", "Jenis Produk", "Jumlah TK"]
MINIMAL = ["Nama IKM", "Kabupaten/Kota", "Jenis Produk", "Jumlah TK"]
TYPICAL = ["No", "Nama IKM", "Nama Pemilik", "NIK", "NIB", "Alamat", "Desa/Kelurahan", "Kabupaten/Kota",
           "Jenis Produk", "Jumlah TK", "No. HP"]
CERTIFIED = ["No", "Nama IKM", "NIB", "Kabupaten/Kota", "Jenis Produk", "TK L", "TK P", "Jumlah TK", "PIRT",
             "Halal", "BPOM", "SNI", "Pasar Pariwisata", "Mitra Hotel"]


def _names(rnd: random.Random, n: int) -> list[str]:
    out: list[str] = []
    seen = set()
    while len(out) < n:
        name = f"{rnd.choice(_PREFIX)} {rnd.choice(_WORD1)} {rnd.choice(_WORD2)}"
        if name.lower() not in seen:
            seen.add(name.lower())
            out.append(name)
    return out


def _cert(rnd: random.Random, kind: str) -> str:
    """A certification cell as offices fill it: a certificate number, Ya, Tidak or blank."""
    roll = rnd.random()
    if roll < 0.3:
        return {"pirt": f"P-IRT 2{rnd.randrange(10**14, 10**15)}-2{rnd.randrange(3, 6)}",
                "halal": f"ID5211000{rnd.randrange(10**8, 10**9)}", "bpom": f"MD {rnd.randrange(10**11, 10**12)}",
                "sni": f"SNI 01-{rnd.randrange(1000, 4000)}-2006"}[kind]
    return "Ya" if roll < 0.5 else ("Tidak" if roll < 0.85 else "")


def rows(seed: int, n: int, columns: list[str], *, twins: int = 0, new_product: int = 0) -> list[list]:
    """``n`` enterprises as rows under ``columns``; ``twins`` of them supply a second product
    (same NIB, same workers, one more row) and ``new_product`` rows name NEW_PRODUCT."""
    rnd = random.Random(seed)
    out = []
    for i, name in enumerate(_names(rnd, n)):
        male = rnd.randint(0, 6)
        female = rnd.randint(1, 9)
        person = rnd.choice(_PEOPLE)
        base = {
            "Nama IKM": name, "Kabupaten/Kota": rnd.choice(REGENCIES),
            "Jenis Produk": NEW_PRODUCT if i < new_product else rnd.choice(PRODUCTS),
            "TK L": male, "TK P": female, "Jumlah TK": male + female, "Nama Pemilik": person,
            "NIK": f"52{rnd.randrange(10**13, 10**14)}", "NIB": f"{rnd.randrange(10**12, 10**13)}",
            "Alamat": f"Jl. {rnd.choice(_WORD1)} No. {rnd.randint(1, 99)}", "Desa/Kelurahan": rnd.choice(_VILLAGES),
            "No. HP": f"08{rnd.randrange(10**9, 10**10)}",
            "PIRT": _cert(rnd, "pirt"), "Halal": _cert(rnd, "halal"), "BPOM": _cert(rnd, "bpom"),
            "SNI": _cert(rnd, "sni"), "Pasar Pariwisata": rnd.choice(["Ya", "Tidak", "Tidak"]),
        }
        base["Mitra Hotel"] = rnd.choice(_HOTELS) if base["Pasar Pariwisata"] == "Ya" else ""
        group = [base]
        if i >= new_product and i < new_product + twins:
            other = [p for p in PRODUCTS if p != base["Jenis Produk"]]
            group.append(base | {"Jenis Produk": rnd.choice(other)})
        for r in group:
            out.append([len(out) + 1 if c == "No" else r[c] for c in columns])
    return out


def csv_bytes(columns: list[str], body: list[list], *, title: str | None = None) -> bytes:
    """A CSV as an office exports it: an optional title row over the header, ``;``-separated."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    if title:
        writer.writerow([title])
        writer.writerow([])
    writer.writerow(columns)
    writer.writerows(body)
    return buf.getvalue().encode("utf-8")


def upload(store: Store, phase: int | None, name: str, content: bytes, *, mode: str = "replace",
           user: str = "Baiq Aminah") -> importer.Outcome:
    """Import ``content`` as an official does; fails loudly when the file is refused."""
    outcome = importer.run(content, name, store=store, phase=phase, mode=mode, user=user)
    assert outcome.report.valid, [i.to_dict() for i in outcome.report.errors]
    assert outcome.committed and not outcome.noop, name
    return outcome


def _phase_file(phase: int, seed: int, n: int, columns=TYPICAL, **kw) -> tuple[str, bytes]:
    body = rows(seed, n, columns, **kw)
    return (f"data_ikm_tahap_{phase}.csv",
            csv_bytes(columns, body, title=f"DATA IKM PESERTA JPS GEMILANG TAHAP {phase}"))


# -- the states --------------------------------------------------------------------------
def sample(folder: Path) -> Store:
    """A fresh clone's store: the synthetic Phase III sample (phases 1-3 published)."""
    return Store.open(folder, seed_sample=True)


def published_only(folder: Path) -> Store:
    """The sample removed: every phase shows its release."""
    store = sample(folder)
    store.remove_sample(user="Lalu Hidayat")
    return store


def new_phase(folder: Path) -> Store:
    """The sample and a phase 4 uploaded, with rows and no published figures."""
    store = sample(folder)
    upload(store, 4, *_phase_file(4, 404, 60))
    return store


def many_phases(folder: Path) -> Store:
    """Six phases: 1, 2, 3 published only (the sample removed, a real phase 3 upload
    rolled back to that removal), 4 uploaded then appended to, 5 uploaded twice and rolled
    back to the first, and 44 from a file with a ``Tahap`` column; a phase 6 uploaded by
    mistake and removed again (it has neither rows nor a release, so it is no phase any more)."""
    store = sample(folder)
    (removed,) = store.remove_sample(user="Lalu Hidayat")
    upload(store, 3, *_phase_file(3, 303, 12))
    store.rollback(removed.version, user="Lalu Hidayat")
    upload(store, 4, *_phase_file(4, 441, 30))
    upload(store, 4, "tambahan_tahap_4.csv", csv_bytes(BASIC, rows(442, 8, BASIC)), mode="append")
    first = upload(store, 5, *_phase_file(5, 551, 20, MINIMAL))
    upload(store, 5, "revisi_tahap_5.csv", csv_bytes(MINIMAL, rows(552, 25, MINIMAL)))
    store.rollback(first.committed[0].meta.version, user="Siti Hasanah")
    body = [["44", *r] for r in rows(4444, 15, BASIC)]
    upload(store, None, "rekap_tahap_44.csv", csv_bytes(["Tahap", *BASIC], body))
    upload(store, 6, *_phase_file(6, 661, 5, MINIMAL))
    assert store.remove_phase(6, user="Siti Hasanah") is not None
    return store


def certified(folder: Path) -> Store:
    """The sample and a phase 4 whose file has certifications (numbers, Ya/Tidak), tourism
    and hotel partners, male/female workers, enterprises with two products (same NIB) and a
    product new to the vocabulary."""
    store = sample(folder)
    upload(store, 4, *_phase_file(4, 4040, 40, CERTIFIED, twins=6, new_product=3))
    return store


def minimal(folder: Path) -> Store:
    """The sample and a phase 4 whose file had only the four required columns."""
    store = sample(folder)
    upload(store, 4, *_phase_file(4, 4000, 25, MINIMAL))
    return store


def empty_after_rollback(folder: Path) -> Store:
    """Phase 3 empty again: the sample removed (vN), a real phase 3 uploaded, then
    ``rollback vN``."""
    store = sample(folder)
    (removed,) = store.remove_sample(user="Lalu Hidayat")
    upload(store, 3, *_phase_file(3, 3003, 18))
    store.rollback(removed.version, user="Lalu Hidayat")
    return store


# -- damaged stores: what a crash, a full disk or a careless hand can leave ------------------
def damaged_state(folder: Path) -> Store:
    """``new_phase`` with its state.json cut off in the middle (a disk that filled up
    outside the store's own atomic write, a copy broken off): every version is whole."""
    store = new_phase(folder)
    path = store.root / "state.json"
    path.write_bytes(path.read_bytes()[:150])
    return store


def missing_parquet(folder: Path) -> Store:
    """The sample, a phase 4 uploaded (v2) and replaced by a new file (v3), then v3's
    Parquet file lost: phase 4's last good version is v2."""
    store = sample(folder)
    upload(store, 4, *_phase_file(4, 4101, 30))
    upload(store, 4, "revisi_tahap_4.csv", csv_bytes(TYPICAL, rows(4102, 34, TYPICAL)))
    store.parquet_path("v3").unlink()
    return store


# state -> (what its panel names, the last good versions it names (phase -> version),
#           phase -> the version whose rows it shows after the repair)
DAMAGED = {"damaged_state": ("state.json", {3: "v1", 4: "v2"}, {3: "v1", 4: "v2"}),
           "missing_parquet": ("Parquet", {4: "v2"}, {3: "v1", 4: "v2"})}

STATES = {f.__name__: f for f in (sample, published_only, new_phase, many_phases, certified, minimal,
                                  empty_after_rollback, damaged_state, missing_parquet)}


def build(name: str, folder: Path) -> Store:
    """Make the store ``name`` (a key of STATES) in ``folder``."""
    return STATES[name](Path(folder))


# -- appended: a store whose phases share enterprises -----------------------------------------
DATA = Path(__file__).resolve().parent / "data"


def returning(folder: Path) -> Store:
    """The sample removed (phases 1-3 published only) and two uploaded phases that share
    enterprises: tests/data/good_sertifikasi_tahap4.xlsx (phase 4) and
    good_berulang_tahap5.csv (phase 5). Five come back — two by NIB (one NIB written with
    dots, one enterprise under two products), three by name + regency only (spelt
    differently, or with a NIB in one phase only); the same name in another regency and the
    same name under another NIB are other enterprises."""
    store = published_only(folder)
    for phase, name in ((4, "good_sertifikasi_tahap4.xlsx"), (5, "good_berulang_tahap5.csv")):
        upload(store, phase, name, (DATA / name).read_bytes())
    return store


STATES["returning"] = returning


# -- the programme's themes (Standardisasi, Pasar Pariwisata, Pendampingan) --------------------
THEMES = [*CERTIFIED, "Pendampingan"]
# a partner as different offices write it: case, doubled and trailing spaces
_PARTNER_SPELLINGS = {
    "Hotel Santika Mataram": ("Hotel Santika Mataram", "hotel santika mataram", "HOTEL  SANTIKA MATARAM ",
                              "Hotel Santika  Mataram"),
    "Katamaran Resort": ("Katamaran Resort", "katamaran resort"),
    "Novotel Lombok": ("Novotel Lombok", "NOVOTEL LOMBOK"),
    "Hotel Lombok Raya": ("Hotel Lombok Raya",),
}


def themes(folder: Path) -> Store:
    """The sample and a phase 4 whose file has certifications (numbers, Ya/Tidak, Proses,
    blanks), a tourism column with hotel partners written in several ways (one cell naming
    two), and mentoring (Ya/Tidak/blank), enterprises with two products; then rows appended
    from a file without any of those columns (their data unknown, not "no"). Not in STATES:
    the theme pages' tests build it themselves."""
    store = sample(folder)
    rnd = random.Random(4747)
    body = rows(4747, 36, CERTIFIED, twins=4)
    partner, pirt = CERTIFIED.index("Mitra Hotel"), CERTIFIED.index("PIRT")
    for r in body:
        if r[partner]:
            r[partner] = rnd.choice(_PARTNER_SPELLINGS[r[partner]])
        r.append(rnd.choice(["Ya", "Tidak", "Tidak", ""]))
    body[1][pirt] = "Proses"
    first_tourist = next(r for r in body if r[partner])
    first_tourist[partner] = "Novotel Lombok; katamaran  resort"
    upload(store, 4, "data_ikm_tahap_4_tema.csv",
           csv_bytes(THEMES, body, title="DATA IKM PESERTA JPS GEMILANG TAHAP 4"))
    upload(store, 4, "tambahan_tahap_4.csv", csv_bytes(BASIC, rows(4748, 6, BASIC)), mode="append")
    return store
