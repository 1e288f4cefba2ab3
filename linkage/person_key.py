"""Pseudonymous person keys.

A key is a keyed hash (HMAC-SHA256) of what identifies the person, so analysts'
tables can join on it without ever carrying the raw NIK, and nobody without the
secret can recompute a key from a NIK (a plain hash of 16 digits with known
structure is reversible by enumeration).
"""

from __future__ import annotations

import hashlib
import hmac

import numpy as np
import pandas as pd

# How a row's person_key was derived, strongest first.
BASIS_NIK = "nik"  # a structurally valid NIK
BASIS_NAME_BIRTH = "nama_tanggal_lahir"  # no usable NIK: normalised name + birth date
BASIS_ROW = "row"  # nothing to link on: the row is its own person until linkage says otherwise


def _keyed_hash(secret: bytes, text: str) -> str:
    return "p" + hmac.new(secret, text.encode("utf-8"), hashlib.sha256).hexdigest()[:20]


def assign_person_keys(rows: pd.DataFrame, secret: str) -> pd.DataFrame:
    """Add ``person_key`` and ``person_key_basis`` to standardized participation rows.

    A valid NIK identifies the person. Without one, the normalised name plus birth
    date is the best first guess (it keeps one person's rows in one file together);
    with neither, the row stands alone. Damaged NIKs are never guessed here: the
    linkage stage repairs them with evidence.
    """
    if not secret:
        raise ValueError("person key secret is empty: set PERSON_KEY_SECRET")
    key = secret.encode("utf-8")
    out = rows.copy()
    nik = out["nik"]
    has_nik = nik.notna()
    birth = out["tanggal_lahir"]
    has_name_birth = ~has_nik & out["nama_kunci"].notna() & birth.notna()

    basis = np.full(len(out), BASIS_ROW, dtype=object)
    basis[has_name_birth.to_numpy()] = BASIS_NAME_BIRTH
    basis[has_nik.to_numpy()] = BASIS_NIK

    material = pd.Series(
        "row|" + out["source_sha256"].astype(str) + "|" + out["source_sheet"].astype(str) + "|" + out["source_row"].astype(str),
        index=out.index,
    )
    material[has_name_birth] = (
        "nb|" + out.loc[has_name_birth, "nama_kunci"].astype(str) + "|" + birth[has_name_birth].dt.strftime("%Y-%m-%d")
    )
    material[has_nik] = "nik|" + nik[has_nik].astype(str)
    # Many rows share one NIK: hash each distinct value once.
    unique = pd.unique(material.to_numpy())
    hashed = {value: _keyed_hash(key, value) for value in unique}
    out["person_key"] = material.map(hashed)
    out["person_key_basis"] = basis
    return out
