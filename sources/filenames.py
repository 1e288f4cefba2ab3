"""File names from offices, and the paths the pipeline builds from them, made safe.

An office's file name may be any bytes Linux allows: undecodable bytes from a
Windows zip or a samba share, newlines, right-to-left overrides
(``peserta\u202egpj.exe.csv`` shows as ``peserta...exe.jpg``), 255 bytes long. The
pipeline never writes such a name anywhere as it is:

- :func:`printable_name` is the form kept as provenance and shown in logs,
  metadata, feedback and tables: identical to the name for ordinary names, and an
  unambiguous escape (``\\xNN``, ``\\u202e``) of every byte or character that is
  not printable text;
- :func:`derived_file_name` is the short name of a file the pipeline writes about
  an office file (a feedback report): printable stem, cut, plus a hash;
- :func:`contained` builds a path from a root and parts taken from configuration
  (office ids, landing folders) and refuses one that leaves the root.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

# Office ids become partition keys, folder names and file names: lower-case slugs only.
OFFICE_ID_PATTERN = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?")
_STEM_LIMIT = 60


class UnsafePath(ValueError):
    """A configured path part would leave the folder it must stay in."""


def _escape(character: str) -> str:
    code = ord(character)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, kept by Python as a lone surrogate
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _unsafe(character: str) -> bool:
    # C*: control, format (bidi overrides, zero-width), surrogates, private use, unassigned.
    return character == "\\" or unicodedata.category(character).startswith("C")


def printable_name(name: str) -> str:
    """``name`` with every non-printable character escaped; ordinary names come back unchanged.

    The escape is unambiguous (a backslash is escaped too), so two different raw
    names never share a printable form.
    """
    if name.isprintable() and "\\" not in name:
        return name
    return "".join(_escape(c) if _unsafe(c) else c for c in name)


def derived_file_name(original: str, digest: str, prefix: str, suffix: str) -> str:
    """A short, safe name for a file written about ``original``: ``<prefix>_<stem>_<digest[:8]><suffix>``.

    The stem keeps letters, digits, spaces, dots and dashes of the original's stem,
    cut to 60 characters, so the name stays far below the 255-byte limit whatever
    the office sent; the digest keeps two originals with the same stem apart.
    """
    stem = Path(original).stem if original else ""
    stem = re.sub(r"[^\w.\- ]+", "_", stem, flags=re.ASCII).strip(" ._-")[:_STEM_LIMIT].strip(" ._-") or "berkas"
    return f"{prefix}_{stem}_{digest[:8]}{suffix}"


def check_office_id(office_id: object) -> str | None:
    """Why ``office_id`` is not a valid office id, or None when it is."""
    if not isinstance(office_id, str) or not OFFICE_ID_PATTERN.fullmatch(office_id):
        return (
            f"office id {office_id!r} must be a slug: lower-case letters, digits and dashes, "
            "1-64 characters, starting and ending with a letter or digit (e.g. kab-kutai-timur)"
        )
    return None


def contained(root: Path | str, *parts: str) -> Path:
    """``root / parts``, refused when it would lead outside ``root`` (``..``, an absolute part, a link)."""
    root = Path(root)
    path = root.joinpath(*parts)
    resolved_root = root.resolve()
    resolved = path.resolve()
    if resolved != resolved_root and resolved_root not in resolved.parents:
        raise UnsafePath(f"{'/'.join(parts)!r} leads outside {root}")
    return path
