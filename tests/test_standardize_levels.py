"""KKNI jenjang and kualifikasi (standardize.levels)."""

from __future__ import annotations

import pytest

from standardize.levels import JenjangResult, jenjang_status, kualifikasi_for, parse_jenjang


@pytest.mark.parametrize(
    ("jenjang", "expected"),
    [
        (1, "Operator"),
        (3, "Operator"),
        (4, "Teknisi/Analis"),
        (6, "Teknisi/Analis"),
        (7, "Ahli"),
        (9, "Ahli"),
        (None, None),
        (0, None),
        (10, None),
    ],
)
def test_kualifikasi_for(jenjang, expected):
    assert kualifikasi_for(jenjang) == expected


@pytest.mark.parametrize(
    ("jenjang_raw", "kualifikasi_raw", "jabatan_raw", "expected"),
    [
        # an explicit number in the jenjang column
        ("3", None, None, 3),
        ("3.0", None, None, 3),
        ("03", None, None, 3),
        ("Jenjang 3", None, None, 3),
        ("JENJANG 3", None, None, 3),
        ("jenjang-3", None, None, 3),
        ("Jenjang III", None, None, 3),
        ("III", None, None, 3),
        ("iii", None, None, 3),
        ("IX", None, None, 9),
        ("Jenjang VI", None, None, 6),
        ("KKNI 3", None, None, 3),
        ("KKNI Level 7", None, None, 7),
        ("Level 5", None, None, 5),
        ("Jenjang 7 (Ahli Muda)", None, None, 7),
        ("Jenjang 3 / KKNI 3", None, None, 3),
        # the number glued to its label: a letter, "." or "_" between them
        ("Jenjang3", None, None, 3),
        ("KKNI3", None, None, 3),
        ("Lv.3", None, None, 3),
        ("Lvl 3", None, None, 3),
        ("J3", None, None, 3),
        ("Jenjang.3", None, None, 3),
        ("LEVEL_6", None, None, 6),
        ("JENJANG_2", None, None, 2),
        ("kkni_level_7", None, None, 7),
        ("Jenjang3.0", None, None, 3),
        ("LV-4", None, None, 4),
        (None, "KKNI6", None, 6),
        ("Jenjang3/KKNI3", None, None, 3),
        ("Jenjang3/KKNI4", None, None, None),  # two different levels: unreadable
        ("Lv.10", None, None, None),  # no level
        ("J3.5", None, None, None),  # a decimal, not a level
        ("Lv.3", "Ahli Muda", None, 3),  # the glued number still wins over the words
        # other letters glued to a digit are no level label
        ("K3", None, None, None),
        ("SMK3", None, None, None),
        (None, "Ahli", "Ahli K3 Konstruksi", None),
        # written out, Indonesian or English, as a whole word
        ("Jenjang Tujuh", None, None, 7),
        ("TIGA", None, None, 3),
        ("6 (enam)", None, None, 6),
        ("Level Three", None, None, 3),
        ("Jenjang 6 (tujuh)", None, None, None),  # two different levels: unreadable
        (None, "Kualifikasi Jenjang Sembilan", None, 9),
        # the number wins over any word, in either column
        ("Jenjang 6 (Ahli Muda)", None, None, 6),
        ("8", "Ahli Muda", "Ahli Muda Teknik Jalan", 8),
        ("5", None, "Ahli Muda Teknik Jalan", 5),
        # then a number in the kualifikasi column
        (None, "3", None, 3),
        (None, "KKNI 6", None, 6),
        ("Operator", "2", "Operator Excavator", 2),
        # then the Ahli phrases in jenjang or kualifikasi
        ("Ahli Muda", None, None, 7),
        ("AHLI MADYA", None, None, 8),
        ("Ahli Utama", None, None, 9),
        (None, "Ahli Muda", None, 7),
        (None, "ahli-madya", None, 8),
        ("Ahli", "Ahli Utama", None, 9),
        # "tingkat" (Tk., Tkt.) between Ahli and Muda / Madya / Utama
        ("Ahli Tk. Muda", None, None, 7),
        ("Ahli Tingkat Madya", None, None, 8),
        (None, "AHLI TK UTAMA", None, 9),
        (None, "Ahli Tkt. Muda", None, 7),
        (None, None, "Ahli Tk. Madya Teknik Jembatan", 8),
        ("5", None, "Ahli Tk. Muda Teknik Jalan", 5),  # the number wins
        (None, None, "Teknisi Tk. Madya", None),  # no "Ahli": no expert level
        # then the Ahli phrases inside the jabatan kerja
        (None, None, "Ahli Muda Teknik Jalan", 7),
        (None, None, "AHLI MADYA TEKNIK JEMBATAN", 8),
        (None, None, "Ahli Utama Manajemen Konstruksi", 9),
        (None, "Ahli", "Ahli Madya Teknik Bangunan Gedung", 8),
        # English exports: "level 3", "Level III", the expert titles translated
        ("level 3", None, None, 3),
        ("Level III", None, None, 3),
        ("LEVEL VII", None, None, 7),
        ("KKNI Level 9 (Senior Expert)", None, None, 9),
        ("Level 6 - Senior Expert", None, None, 6),  # the number wins
        ("Junior Expert", None, None, 7),
        ("Middle Expert", None, None, 8),
        ("Senior Expert", None, None, 9),
        ("young expert", None, None, 7),
        (None, "Senior Expert", None, 9),
        (None, "Expert", "Junior Expert in Road Engineering", 7),
        # TRAP in English too: junior / senior without "expert" are no level
        ("Senior", None, None, None),
        (None, "Technician", "Senior Technician", None),
        (None, None, "Junior Operator Excavator", None),
        (None, "Expert", None, None),
        # TRAP: Muda / Madya / Utama alone or inside technician titles are no expert level
        (None, None, "Quantity Surveyor Madya", None),
        (None, None, "Pelaksana Pemeliharaan Jalan Muda", None),
        # ... but the architects' expert grades are named so: with no level cell, 7 / 8 / 9 (was None)
        (None, None, "Arsitek Muda", 7),
        (None, None, "ARSITEK MADYA", 8),
        (None, None, "Arsitek Lanskap Utama", 9),
        (None, None, "Juru Gambar Arsitektur (Muda)", None),
        ("Muda", None, None, None),
        ("Madya", None, None, None),
        (None, "Utama", None, None),
        (None, "Teknisi", "Quantity Surveyor Madya", None),
        # ambiguous kualifikasi alone
        ("Operator", None, None, None),
        (None, "Operator", "Operator Excavator", None),
        (None, "Teknisi", None, None),
        (None, "Teknisi/Analis", None, None),
        (None, "Ahli", "Ahli K3 Konstruksi", None),
        # numbers in the jabatan kerja are never levels, unless labelled as one (were None)
        (None, None, "Ahli K3 Konstruksi", None),
        (None, None, "Operator Excavator 3", None),
        (None, None, "Operator Excavator Jenjang 3", 3),
        (None, None, "Tukang Besi Beton (KKNI 2)", 2),
        (None, None, "Juru Ukur - Level III", 3),
        (None, None, "Ahli Muda Teknik Jalan Jenjang 8", 8),  # the number wins, as in the columns
        (None, None, "Operator Crane Jenjang 3/4", None),
        (None, None, "Operator Crane Jenjang 3 s.d. 4", None),
        (None, None, "Operator Excavator Level 10", None),
        (None, None, "Tk. Batu 2", None),  # Tk. is Tukang there, no level label
        ("Operator", None, "Operator Excavator Jenjang 2", 2),
        # the old scheme's classes are no jenjang: Kelas I was SKT's highest (were 1, 2, 3)
        ("Kelas I", None, None, None),
        ("Kelas III", None, None, None),
        ("Kelas 2", None, None, None),
        (None, "SKT Kelas III", None, None),
        ("Kelas A", None, None, None),
        ("Kelas B", None, "Ahli Madya Teknik Jembatan", 8),
        # SKA (Sertifikat Keahlian) Muda / Madya / Utama: the expert grades (were None)
        ("SKA Muda", None, None, 7),
        (None, "SKA Madya", None, 8),
        ("SKA", None, None, None),
        # the program's batch or year beside the level is no level (were unreadable; "Tahap II" was 2)
        ("Jenjang 5 Tahun 2025", None, None, 5),
        ("Jenjang 3, 2025", None, None, 3),
        ("Jenjang 7 Tahap II", None, None, 7),
        ("Jenjang 3 Angkatan 2", None, None, 3),
        ("Ahli Muda Tahap II", None, None, 7),
        ("Tahap II", None, None, None),
        ("2025", None, None, None),
        (None, "Tahap 2", "Operator Excavator", None),
        # kualifikasi Ahli and an architect's title: Arsitek Muda / Madya / Utama are 7 / 8 / 9 (were unreadable)
        (None, "Ahli", "Arsitek Muda", 7),
        (None, "Ahli", "ARSITEK MADYA", 8),
        ("Ahli", None, "Arsitek Utama", 9),
        (None, "Tenaga Ahli", "Arsitek Madya", 8),
        (None, "Ahli", "Quantity Surveyor Madya", None),  # a technician title stays unread
        (None, "Ahli", "Juru Gambar Arsitektur (Muda)", None),
        (None, "Teknisi", "Arsitek Muda", None),
        # the English title the other way round (were None)
        ("Expert - Junior", None, None, 7),
        ("Expert (Senior)", None, None, 9),
        ("Expert: Middle", None, None, 8),
        # numbers that are no level
        ("0", None, None, None),
        ("10", None, None, None),
        ("Jenjang 12", None, None, None),
        ("4-6", None, None, None),
        ("3.5", None, None, None),
        ("10", "Ahli Muda", None, None),
        # nothing at all
        (None, None, None, None),
        ("", "-", None, None),
    ],
)
def test_parse_jenjang(jenjang_raw, kualifikasi_raw, jabatan_raw, expected):
    assert parse_jenjang(jenjang_raw, kualifikasi_raw, jabatan_raw) == expected


@pytest.mark.parametrize(
    ("jenjang_raw", "kualifikasi_raw", "jabatan_raw", "expected"),
    [
        ("Jenjang 3", None, None, JenjangResult(3, "ok", "jenjang", "Jenjang 3")),
        (None, "3", None, JenjangResult(3, "ok", "kualifikasi", "3")),
        (None, "Ahli Muda", None, JenjangResult(7, "ok", "kualifikasi", "Ahli Muda")),
        (
            None,
            None,
            "Ahli Muda Teknik Jalan",
            JenjangResult(7, "ok", "jabatan_kerja", "Ahli Muda Teknik Jalan"),
        ),
        (None, None, None, JenjangResult(None, "missing", "jenjang", None)),
        ("-", None, "Operator Excavator", JenjangResult(None, "missing", "jenjang", "-")),
        (None, None, "Quantity Surveyor Madya", JenjangResult(None, "missing", "jenjang", None)),
        ("Muda", None, None, JenjangResult(None, "unreadable", "jenjang", "Muda")),
        ("10", "Ahli Muda", None, JenjangResult(None, "unreadable", "jenjang", "10")),
        (None, "Operator", "Operator Crane", JenjangResult(None, "unreadable", "kualifikasi", "Operator")),
        (None, "99", None, JenjangResult(None, "unreadable", "kualifikasi", "99")),
        ("Lv.3", None, None, JenjangResult(3, "ok", "jenjang", "Lv.3")),
        ("Lv.10", None, None, JenjangResult(None, "unreadable", "jenjang", "Lv.10")),
        ("K3", None, None, JenjangResult(None, "unreadable", "jenjang", "K3")),
        ("Operator", "Teknisi", None, JenjangResult(None, "unreadable", "jenjang", "Operator")),
    ],
)
def test_jenjang_status(jenjang_raw, kualifikasi_raw, jabatan_raw, expected):
    assert jenjang_status(jenjang_raw, kualifikasi_raw, jabatan_raw) == expected


@pytest.mark.parametrize(
    ("jenjang_raw", "kualifikasi_raw", "jabatan_raw", "expected"),
    [
        # the expert phrase split over two cells, as SIKI-like lists write it (were unreadable)
        ("Madya", "Ahli", "Ahli Teknik Jembatan", JenjangResult(8, "ok", "jenjang", "Madya")),
        ("Madya", "Ahli", "Teknik Jembatan", JenjangResult(8, "ok", "jenjang", "Madya")),
        ("Ahli", "Muda", "Ahli Teknik Jalan", JenjangResult(7, "ok", "kualifikasi", "Muda")),
        ("UTAMA", "Tenaga Ahli", None, JenjangResult(9, "ok", "jenjang", "UTAMA")),
        ("Tk. Madya", "Ahli", None, JenjangResult(8, "ok", "jenjang", "Tk. Madya")),
        ("Muda", None, "Ahli K3 Konstruksi", JenjangResult(7, "ok", "jenjang", "Muda")),
        # an English export: qualification Expert, level Junior / Middle / Senior
        ("Junior", "Expert", None, JenjangResult(7, "ok", "jenjang", "Junior")),
        ("SENIOR", "Ahli", None, JenjangResult(9, "ok", "jenjang", "SENIOR")),
        ("Senior", "Technician", None, JenjangResult(None, "unreadable", "jenjang", "Senior")),
        ("Senior", None, "Operator Crane", JenjangResult(None, "unreadable", "jenjang", "Senior")),
        (None, "Utama", "Ahli Teknik Jalan", JenjangResult(9, "ok", "kualifikasi", "Utama")),
        # the level column wins over a grade in the jabatan kerja, as numbers do
        ("Madya", "Ahli", "Ahli Muda Teknik Jalan", JenjangResult(8, "ok", "jenjang", "Madya")),
        # the grade alone with no Ahli written in the row stays unread (DOMAIN trap)
        ("Muda", None, "Pelaksana Lapangan Pekerjaan Jalan", JenjangResult(None, "unreadable", "jenjang", "Muda")),
        ("Madya", "Teknisi", "Quantity Surveyor", JenjangResult(None, "unreadable", "jenjang", "Madya")),
        ("Muda", None, None, JenjangResult(None, "unreadable", "jenjang", "Muda")),
        # two grades in one cell: the form's options, no level (was 7)
        ("Ahli Muda/Madya", None, None, JenjangResult(None, "unreadable", "jenjang", "Ahli Muda/Madya")),
        (None, "Ahli Madya atau Utama", None, JenjangResult(None, "unreadable", "kualifikasi", "Ahli Madya atau Utama")),
        ("Ahli Muda (Muda)", None, None, JenjangResult(7, "ok", "jenjang", "Ahli Muda (Muda)")),
        # words that span three levels stay unread; never a level invented from them
        ("Ahli", None, None, JenjangResult(None, "unreadable", "jenjang", "Ahli")),
        ("Operator", None, "Operator Excavator", JenjangResult(None, "unreadable", "jenjang", "Operator")),
        ("Teknisi", None, None, JenjangResult(None, "unreadable", "jenjang", "Teknisi")),
        ("Tenaga Terampil", None, "Tukang Batu", JenjangResult(None, "unreadable", "jenjang", "Tenaga Terampil")),
        ("Tenaga Ahli", None, "Ahli Teknik Jalan", JenjangResult(None, "unreadable", "jenjang", "Tenaga Ahli")),
        # written forms of the number (unchanged)
        ("Jenjang 3 (Tiga)", None, None, JenjangResult(3, "ok", "jenjang", "Jenjang 3 (Tiga)")),
        ("KKNI Level 6", None, None, JenjangResult(6, "ok", "jenjang", "KKNI Level 6")),
        ("Lv. 4", None, None, JenjangResult(4, "ok", "jenjang", "Lv. 4")),
        ("III (tiga)", None, None, JenjangResult(3, "ok", "jenjang", "III (tiga)")),
        (None, "Ahli", "Ahli Muda Teknik Jalan", JenjangResult(7, "ok", "jabatan_kerja", "Ahli Muda Teknik Jalan")),
        ("7", "Teknisi/Analis", None, JenjangResult(7, "ok", "jenjang", "7")),  # the number wins a disagreement
    ],
)
def test_jenjang_split_grade_and_two_grades(jenjang_raw, kualifikasi_raw, jabatan_raw, expected):
    assert jenjang_status(jenjang_raw, kualifikasi_raw, jabatan_raw) == expected
