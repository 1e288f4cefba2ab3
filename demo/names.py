"""Vocabulary of the demo world: Indonesian names, birth places, occupations, calendar words.

Everything here is plain data plus a few small lookups; :mod:`demo.generate`
draws from it with numpy. Name pools are ordered from common to rare and drawn
with Zipf-like weights, so distinct persons share names ("Muhammad Rizki",
"Siti Aminah", "Ahmad Fauzi"), which is what makes person linkage hard.
All persons are invented; the signatories of the signature blocks too.
"""

from __future__ import annotations

from dataclasses import dataclass

from reference import regions

# --- person names --------------------------------------------------------------
# Male names: first element (often Arabic-derived or Javanese) + second element.
MALE_FIRST: tuple[str, ...] = (
    "Muhammad", "Ahmad", "Abdul", "Agus", "Budi", "Rizki", "Andi", "Eko", "Dedi", "Hendra",
    "Syaiful", "Nur", "Joko", "Arif", "Yusuf", "Rudi", "Fajar", "Dwi", "Heri", "Bambang",
    "Slamet", "Hasan", "Irfan", "Wahyu", "Teguh", "Adi", "Iwan", "Rahmat", "Taufik", "Sugeng",
    "Hadi", "Imam", "Lukman", "Anton", "Yudi", "Roni", "Dodi", "Firman", "Ilham", "Ridwan",
    "Zainal", "Fauzan", "Bayu", "Galih", "Hamdani", "Junaidi", "Khairul", "Mulyadi", "Rusli", "Samsul",
    "Cahyo", "Sugiono", "Purwanto", "Yulianto",
)
MALE_LAST: tuple[str, ...] = (
    "Rizki", "Fauzi", "Rahman", "Hidayat", "Saputra", "Setiawan", "Santoso", "Kurniawan", "Pratama", "Wijaya",
    "Anwar", "Hakim", "Syahputra", "Nugroho", "Prasetyo", "Gunawan", "Hermawan", "Susanto", "Firmansyah", "Ramadhan",
    "Akbar", "Maulana", "Iskandar", "Effendi", "Hamzah", "Ismail", "Sulaiman", "Ardiansyah", "Irawan", "Wibowo",
    "Purnomo", "Hartono", "Siregar", "Nasution", "Lubis", "Harahap", "Tanjung", "Sinaga", "Simanjuntak", "Mahmud",
    "Rusdi", "Jaya", "Hasibuan", "Sopian", "Baharuddin", "Syamsuddin", "Arifin", "Hasanuddin", "Alamsyah", "Kusuma",
)
FEMALE_FIRST: tuple[str, ...] = (
    "Siti", "Nur", "Sri", "Dewi", "Rina", "Fitri", "Dian", "Nurul", "Putri", "Ayu",
    "Yuni", "Ani", "Wulan", "Indah", "Ratna", "Eka", "Rahma", "Lina", "Mega", "Novi",
    "Desi", "Tri", "Wahyu", "Eni", "Susi",
)
FEMALE_LAST: tuple[str, ...] = (
    "Aminah", "Rahayu", "Lestari", "Handayani", "Wahyuni", "Fitriani", "Kurniasih", "Sari", "Rahmawati", "Susanti",
    "Hidayati", "Safitri", "Anggraini", "Utami", "Maharani", "Marlina", "Hasanah", "Fatimah", "Aisyah", "Puspitasari",
    "Permatasari", "Nurhayati", "Suryani", "Oktaviani", "Wulandari",
)

# Spelling variants one person is written with in different files (DOMAIN: names).
NAME_VARIANTS: dict[str, tuple[str, ...]] = {
    "Muhammad": ("M.", "Moh.", "Muh.", "Mohammad", "Muhamad", "Mhd", "Mochammad", "M", "Mhd.", "Moch."),
    "Ahmad": ("Achmad", "Akhmad"),
    "Syaiful": ("Saiful",),
    "Nur": ("Noor",),
    "Rizki": ("Rizky",),
    "Syamsuddin": ("Syamsudin",),
    "Hasanuddin": ("Hasanudin",),
}

# Pre-1972 (van Ophuijsen / Soewandi) spellings that survive in older persons' documents
# (DOMAIN: names): dj/j, tj/c, oe/u, j/y, ch/kh, nj/ny, sj/sy. One person is written
# the old way in one file and the new way in the next.
OLD_SPELLING: dict[str, str] = {
    "Joko": "Djoko", "Junaidi": "Djunaidi", "Cahyo": "Tjahjo", "Yusuf": "Jusuf", "Yudi": "Judi",
    "Yulianto": "Julianto", "Suparman": "Soeparman", "Sutrisno": "Soetrisno", "Sugiarto": "Soegiarto",
    "Supriyadi": "Soeprijadi", "Sumarno": "Soemarno", "Suyanto": "Soejanto", "Sugeng": "Soegeng",
    "Sugiono": "Soegiono", "Budi": "Boedi", "Purwanto": "Poerwanto", "Purnomo": "Poernomo",
    "Kurniawan": "Koerniawan", "Susanto": "Soesanto", "Khairul": "Chairul", "Ahmad": "Achmad",
    "Syaiful": "Sjaiful", "Syamsuddin": "Sjamsuddin", "Wahyu": "Wahju", "Wahyuni": "Wahjuni",
    "Rahayu": "Rahajoe", "Sumarni": "Soemarni", "Sulastri": "Soelastri", "Suharti": "Soeharti",
    "Suryani": "Soerjani", "Sunyoto": "Soenjoto", "Nyoto": "Njoto", "Mulyono": "Moeljono",
    "Mulyadi": "Muljadi", "Hidayat": "Hidajat", "Yuni": "Juni", "Rusdi": "Roesdi",
}

# Honorifics written before the name, degrees after it.
PREFIX_MALE: tuple[str, ...] = ("H.", "Ir.", "Drs.")
PREFIX_FEMALE: tuple[str, ...] = ("Hj.", "Ir.", "Dra.")
DEGREES_SKILLED: tuple[str, ...] = ("A.Md.", "S.T.", "S.Kom")
DEGREES_EXPERT: tuple[str, ...] = ("S.T.", "S.T., M.T.", "M.T.", "S.T., M.Eng.", "S.Ars.")


def zipf_weights(n: int, exponent: float = 0.85) -> list[float]:
    """Zipf-like weights for a pool ordered from common to rare."""
    raw = [1.0 / (rank**exponent) for rank in range(1, n + 1)]
    total = sum(raw)
    return [value / total for value in raw]


# --- places ----------------------------------------------------------------------
# Birth places by regency/city code; regions not listed fall back to the region's
# own name without "Kabupaten"/"Kota".
BIRTH_PLACES: dict[str, tuple[str, ...]] = {
    "64.08": ("Sangatta", "Sangatta", "Sangkulirang", "Muara Wahau", "Bengalon"),
    "64.72": ("Samarinda",),
    "64.71": ("Balikpapan",),
    "64.02": ("Tenggarong", "Tenggarong", "Loa Kulu", "Muara Badak"),
    "64.74": ("Bontang",),
    "64.01": ("Tanah Grogot",),
    "64.03": ("Tanjung Redeb",),
    "64.07": ("Sendawar",),
    "64.09": ("Penajam",),
    "64.11": ("Long Bagun",),
    "15.05": ("Sengeti", "Jambi", "Sekernan"),
    "15.71": ("Jambi",),
    "15.04": ("Muara Bulian",),
    "63.71": ("Banjarmasin",),
    "63.72": ("Banjarbaru",),
    "63.03": ("Martapura",),
    "63.01": ("Pelaihari",),
    "63.02": ("Kotabaru",),
    "63.09": ("Tanjung",),
    "16.71": ("Palembang",),
    "16.03": ("Muara Enim", "Muara Enim", "Tanjung Enim"),
    "16.04": ("Lahat",),
    "16.74": ("Prabumulih",),
    "16.72": ("Pagar Alam",),
    "73.71": ("Makassar",),
    "73.08": ("Watampone",),
    "73.72": ("Parepare",),
    "35.78": ("Surabaya",),
}


def birth_places(region_code: str) -> tuple[str, ...]:
    """Birth place names for persons registered in ``region_code``."""
    if region_code in BIRTH_PLACES:
        return BIRTH_PLACES[region_code]
    name = regions()[region_code].name
    for prefix in ("Kabupaten ", "Kota "):
        if name.startswith(prefix):
            name = name[len(prefix):]
    return (name,)


# The 18 kecamatan of Kabupaten Kutai Timur in Kemendagri district order
# (64.08.01 ... 64.08.18); the MTU workbook has one sheet per kecamatan.
KUTIM_KECAMATAN: tuple[str, ...] = (
    "Muara Ancalong", "Muara Wahau", "Muara Bengkal", "Sangatta Utara", "Sangkulirang", "Busang",
    "Telen", "Kongbeng", "Bengalon", "Kaliorang", "Sandaran", "Sangatta Selatan", "Teluk Pandan",
    "Rantau Pulung", "Kaubun", "Karangan", "Batu Ampar", "Long Mesangat",
)

BULAN: tuple[str, ...] = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)
ROMAN: tuple[str, ...] = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")
AHLI_TITLE: dict[int, str] = {7: "Ahli Muda", 8: "Ahli Madya", 9: "Ahli Utama"}

# Invented heads of office for the signature blocks (name, NIP).
SIGNATORIES: dict[str, tuple[str, str]] = {
    "kab-kutai-timur": ("Ir. H. Syamsul Bahri, M.T.", "19700512 199803 1 004"),
    "kab-muaro-jambi": ("Drs. Zulkarnain Harahap, M.Si.", "19680820 199403 1 002"),
    "kab-muara-enim": ("Ir. Hendri Kusuma, M.T.", "19721103 199903 1 006"),
    "prov-kaltim": ("Ir. H. Abdul Karim Nasution, M.T.", "19690215 199503 1 003"),
    "kab-kutai-kartanegara": ("Ir. Rudi Hartono, M.T.", "19710707 199703 1 005"),
}


# --- occupations ------------------------------------------------------------------
@dataclass(frozen=True)
class Family:
    """One occupation (jabatan kerja) and its name at each jenjang it exists at."""

    key: str
    tag: str  # operator | tukang | mandor | teknisi | ahli | arsitek
    names: dict[int, str]


def _same(name: str, levels: range) -> dict[int, str]:
    return {level: name for level in levels}


def _ahli(subject: str) -> dict[int, str]:
    return {level: f"{AHLI_TITLE[level]} {subject}" for level in (7, 8, 9)}


FAMILIES: tuple[Family, ...] = (
    Family("excavator", "operator", _same("Operator Excavator", range(1, 4))),
    Family("bulldozer", "operator", _same("Operator Bulldozer", range(1, 4))),
    Family("crane", "operator", _same("Operator Crane", range(2, 4))),
    Family("grader", "operator", _same("Operator Motor Grader", range(1, 4))),
    Family("loader", "operator", _same("Operator Wheel Loader", range(1, 4))),
    Family("roller", "operator", _same("Operator Vibratory Roller", range(1, 4))),
    Family("besi", "tukang", _same("Tukang Besi Beton", range(1, 4))),
    Family("batu", "tukang", _same("Tukang Batu", range(1, 4))),
    Family("kayu", "tukang", _same("Tukang Kayu", range(1, 4))),
    Family("las", "tukang", _same("Tukang Las Konstruksi", range(2, 4))),
    Family("plester", "tukang", _same("Tukang Plester", range(1, 4))),
    Family("mandor-besi", "mandor", _same("Mandor Tukang Besi Beton", range(3, 5))),
    Family("mandor-batu", "mandor", _same("Mandor Tukang Batu", range(3, 5))),
    Family("pelaksana-gedung", "teknisi", _same("Pelaksana Lapangan Pekerjaan Gedung", range(4, 7))),
    Family("pelaksana-jalan", "teknisi", _same("Pelaksana Lapangan Pekerjaan Jalan", range(4, 7))),
    Family("juru-ukur", "teknisi", _same("Juru Ukur", range(3, 6))),
    Family("lab-beton", "teknisi", _same("Teknisi Laboratorium Beton", range(4, 7))),
    Family("juru-gambar", "teknisi", _same("Juru Gambar Bangunan Gedung", range(4, 6))),
    # DOMAIN's trap: Muda/Madya inside technician titles are not Ahli 7/8.
    Family("qs", "teknisi", {5: "Quantity Surveyor Madya"}),
    Family("pemeliharaan-jalan", "teknisi", {4: "Pelaksana Pemeliharaan Jalan Muda", 5: "Pelaksana Pemeliharaan Jalan Madya"}),
    Family("ahli-jalan", "ahli", _ahli("Teknik Jalan")),
    Family("ahli-jembatan", "ahli", _ahli("Teknik Jembatan")),
    Family("ahli-gedung", "ahli", _ahli("Teknik Bangunan Gedung")),
    Family("ahli-k3", "ahli", _ahli("K3 Konstruksi")),
    Family("ahli-sda", "ahli", _ahli("Teknik Sumber Daya Air")),
    Family("ahli-mk", "ahli", _ahli("Manajemen Konstruksi")),
    Family("arsitek", "arsitek", {7: "Arsitek Muda", 8: "Arsitek Madya", 9: "Arsitek Utama"}),
)
FAMILY_INDEX: dict[str, int] = {family.key: index for index, family in enumerate(FAMILIES)}


def jabatan_name(family_index: int, jenjang: int) -> str:
    """Occupation title of a family at a jenjang."""
    return FAMILIES[family_index].names[jenjang]
