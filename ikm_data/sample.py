"""The synthetic Phase III participant sample (``data contoh (sintetis)``).

Made deterministically from the published Phase III release so that its per-product
enterprise counts equal the published ones and its worker sums equal the published worker
groups; everything else about an enterprise (name, regency, owner, NIK, phone,
certifications...) is invented and every page that draws on it shows a sample badge.
The figures themselves are read from ``data/published_figures.csv``, never typed here.
"""

from __future__ import annotations

import io
import random

import pandas as pd

from ikm_data.reference import DEPARTMENT_SCOPE, Reference, load_reference

PHASE = 3
SEED = 20200713
FILE_NAME = "data_contoh_sintetis_tahap_3.csv"

# Rough population shares used only to spread invented enterprises over the regencies.
_REGENCY_WEIGHTS = {"5201": 7, "5202": 10, "5203": 13, "5204": 5, "5205": 3, "5206": 5,
                    "5207": 2, "5208": 2, "5271": 5, "5272": 2}
_PREFIX = ["UD", "IKM", "KUB", "CV", "UMKM", "Kelompok"]
_WORD1 = ["Sinar", "Berkah", "Maju", "Mandiri", "Sejahtera", "Harapan", "Karya", "Cahaya",
          "Tunas", "Mekar", "Lestari", "Rinjani", "Tambora", "Barokah", "Indah", "Rezeki",
          "Putri", "Bunga", "Asri", "Makmur"]
_WORD2 = ["Jaya", "Sari", "Bersama", "Abadi", "Mulia", "Sentosa", "Utama", "Lombok",
          "Samawa", "Mbojo", "Gemilang", "Wangi", "Murni", "Nusa", "Permai", "Baru"]
_FIRST = ["Baiq", "Lalu", "Siti", "Muhammad", "Nurul", "Ahmad", "Sri", "Ni Made", "Husnul",
          "Rahmat", "Dewi", "Zulkifli", "Aisyah", "Wayan", "Fitri", "Haerul"]
_LAST = ["Aminah", "Hidayat", "Hasanah", "Sumiati", "Kurniawan", "Wahyuni", "Ramdhan",
         "Safitri", "Hamdani", "Juliani", "Zainuddin", "Marlina", "Ismail", "Rosidah",
         "Saputra", "Maulida"]
_VILLAGES = ["Sukamaju", "Sukadana", "Karang Baru", "Tanjung Luar", "Batu Putih", "Sandik",
             "Pringgasela", "Labuhan", "Kembang Kerang", "Teratak", "Sepit", "Rasabou"]
_UNITS = {"minyak_goreng": ("liter/bulan", 200, 2000, 25_000),
          "susu_kedelai": ("botol/bulan", 500, 5000, 5_000),
          "teh_kelor": ("kemasan/bulan", 200, 2000, 15_000),
          "serbat_jahe": ("kemasan/bulan", 200, 2000, 12_000),
          "gula_semut": ("kg/bulan", 50, 600, 40_000),
          "tas_kemasan": ("pcs/bulan", 1000, 10000, 3_000),
          "minyak_cengkeh_kayu_putih": ("botol/bulan", 100, 1500, 20_000)}
_MENTORED = {"minyak_goreng", "susu_kedelai", "minyak_cengkeh_kayu_putih"}  # coconut, soy, clove
_FOOD = {"minyak_goreng", "susu_kedelai", "teh_kelor", "serbat_jahe", "gula_semut"}


def _split(total: int, n: int, rnd: random.Random) -> list[int]:
    """``n`` whole numbers >= 1 that add up to ``total``, unevenly like real workshops."""
    if n == 0:
        return []
    if total < n:
        raise ValueError(f"cannot give {n} enterprises at least one of {total} workers")
    weights = [rnd.lognormvariate(0, 0.6) for _ in range(n)]
    spare = total - n
    raw = [spare * w / sum(weights) for w in weights]
    parts = [int(x) for x in raw]
    for i in sorted(range(n), key=lambda i: raw[i] - parts[i], reverse=True)[: spare - sum(parts)]:
        parts[i] += 1
    return [1 + p for p in parts]


def plan(ref: Reference, phase: int = PHASE) -> list[tuple[str, int, str]]:
    """``[(product code, enterprises, worker group label)]`` read from the department's
    release for ``phase``."""
    groups = ref.worker_groups(phase)
    out = []
    for f in ref.published_for(phase):
        if f.scope != DEPARTMENT_SCOPE or f.metric != "enterprises" or f.is_total:
            continue
        code = ref.members(f.commodity)[0]
        group = next(label for label, members in groups if code in members)
        out.append((code, f.value, group))
    return out


def generate(ref: Reference | None = None, seed: int = SEED) -> pd.DataFrame:
    """The sample as a frame in the participant schema (``schema.NAMES``)."""
    ref = ref or load_reference()
    rnd = random.Random(seed)
    workers_by_group = {
        f.commodity: f.value for f in ref.published_for(PHASE)
        if f.scope == DEPARTMENT_SCOPE and f.metric == "workers" and not f.is_total
    }
    rows: list[dict] = []
    planned = plan(ref)
    for group, total in workers_by_group.items():
        members = [(code, n) for code, n, g in planned if g == group]
        counts = _split(total, sum(n for _, n in members), rnd)
        for code, n in members:
            for workers in counts[:n]:
                rows.append(_enterprise(ref, rnd, code, workers, len(rows)))
            counts = counts[n:]
    frame = pd.DataFrame(rows)
    frame["phase"] = PHASE
    frame["source_row"] = range(2, len(frame) + 2)
    return frame


def _enterprise(ref: Reference, rnd: random.Random, code: str, workers: int, i: int) -> dict:
    regency = rnd.choices(list(_REGENCY_WEIGHTS), weights=list(_REGENCY_WEIGHTS.values()))[0]
    reg = ref.regency(regency)
    female = rnd.randint(workers // 3, workers) if code in _FOOD else rnd.randint(0, workers)
    unit, lo, hi, price = _UNITS.get(code, ("unit/bulan", 100, 1000, 10_000))
    capacity = rnd.randrange(lo, hi, 10)
    name = f"{rnd.choice(_PREFIX)} {rnd.choice(_WORD1)} {rnd.choice(_WORD2)} {i + 1:03d}"
    food = code in _FOOD
    tourism = rnd.random() < 0.12
    birth = rnd.randint(1, 28), rnd.randint(1, 12), rnd.randint(60, 99)
    woman = rnd.random() < 0.6
    return {
        "enterprise_key": f"sampel-{i + 1:04d}",
        "name": name,
        "regency_code": regency,
        "product_code": code,
        "product_name": ref.product_name(code),
        "workers": workers,
        "workers_male": workers - female,
        "workers_female": female,
        "owner": f"{rnd.choice(_FIRST)} {rnd.choice(_LAST)}",
        "nik": f"{regency}{rnd.randint(1, 20):02d}{birth[0] + (40 if woman else 0):02d}"
               f"{birth[1]:02d}{birth[2]:02d}{rnd.randint(1, 9999):04d}",
        "nib": f"912{rnd.randint(0, 10**10 - 1):010d}",
        "phone": f"08{rnd.choice('1235789')}{rnd.randint(0, 10**9 - 1):09d}",
        "address": f"Jl. {rnd.choice(_WORD1)} {rnd.randint(1, 99)}",
        "village": rnd.choice(_VILLAGES),
        "district": reg.seat,
        "capacity": float(capacity),
        "capacity_unit": unit,
        "order_value": round(capacity * price * rnd.uniform(0.2, 0.6), -4),
        "pirt": rnd.random() < (0.6 if food else 0.1),
        "halal": food and rnd.random() < 0.35,
        "bpom": food and rnd.random() < 0.05,
        "sni": rnd.random() < 0.02,
        "tourism": tourism,
        "tourism_partner": f"Hotel Contoh {rnd.randint(1, 40)} (sintetis)" if tourism else None,
        "mentoring": code in _MENTORED and rnd.random() < 0.3,
    }


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """The sample as the CSV file kept in the store as its 'upload'."""
    buf = io.StringIO()
    frame.to_csv(buf, index=False)
    return buf.getvalue().encode("utf-8")
