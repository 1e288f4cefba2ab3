"""Pydantic validation errors as messages for whoever edits the registry YAML.

Pydantic reports ``('targets', 0, 'per_year', 'valeu')`` and "Extra inputs are
not permitted"; an editor needs ``targets[0]: unknown key 'valeu' (did you mean
'value'?)``. :func:`describe` turns each error into one such line, naming the
field as it is written in the file.
"""

from __future__ import annotations

import difflib
import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import ValidationError
from pydantic_core import PydanticCustomError

# A problem a validator found, worded for the file's editor: rendered as "<field> <message>".
INVALID = "invalid"

_TEXTS = {
    "int_type": "must be a whole number, got {input!r}",
    "int_from_float": "must be a whole number, got {input!r}",
    "int_parsing": "must be a whole number, got {input!r}",
    "float_type": "must be a number, got {input!r}",
    "bool_type": "must be true or false, got {input!r}",
    "string_type": "must be text, got {input!r}",
    "string_too_short": "must not be empty",
    "greater_than": "must be greater than {gt:g}, got {input!r}",
    "greater_than_equal": "must be at least {ge:g}, got {input!r}",
    "less_than_equal": "must be at most {le:g}, got {input!r}",
    "literal_error": "must be one of {expected}, got {input!r}",
    "tuple_type": "must be a list, got {input!r}",
    "list_type": "must be a list, got {input!r}",
}
_MAPPING_TYPES = {"dict_type", "model_type", "model_attributes_type", "dataclass_type", "dataclass_exact_type"}
_UNKNOWN_KEY_TYPES = {"extra_forbidden", "unexpected_keyword_argument"}


def invalid(message: str) -> PydanticCustomError:
    """An error for a validator to raise; ``message`` follows the field name ("must be a slug")."""
    # No context is given, so braces in a quoted value are never read as placeholders.
    return PydanticCustomError(INVALID, message)


def one_or_many(value: Any) -> Any:
    """A lone string where a list is expected is a list of one (``sheet: Peserta``, ``formats: XLSX``)."""
    return (value,) if isinstance(value, str) else value


def describe(error: ValidationError, root: Any, prefix: tuple[str, ...] = ()) -> list[str]:
    """One line per problem in ``error``, raised while validating ``root`` (a class or annotation).

    Fields are named as in the YAML (``limits.max_rows``, ``targets[1].value``),
    under ``prefix`` when ``root`` sits at that key of a larger document. An
    unknown key names the close known one, or lists the allowed keys.
    """
    lines, implied = [], set()
    for detail in error.errors():
        line, close = _line(detail, root, prefix)
        lines.append(line)
        if close:
            implied.add(f"missing {close}")
    # A misspelt required key is one mistake: "unknown key 'valeu' (did you mean 'value'?)" says it all.
    return [line for line in lines if line not in implied]


def _line(detail: dict[str, Any], root: Any, prefix: tuple[str, ...]) -> tuple[str, str | None]:
    """The message, and for an unknown key the dotted path of the known key it is close to."""
    kind, ctx, value = detail["type"], detail.get("ctx") or {}, detail.get("input")
    path, holder = _walk(root, detail["loc"])
    path = [*prefix, *path]
    if kind in _UNKNOWN_KEY_TYPES:
        key, allowed = str(path.pop()), _field_names(holder)
        close = _close(key, allowed)
        return _prefixed(path, unknown_key(key, allowed)), _dotted([*path, close]) if close else None
    return _text(kind, ctx, value, path, detail["msg"]), None


def _text(kind: str, ctx: dict[str, Any], value: Any, path: list, msg: str) -> str:
    if kind == "missing":
        return f"missing {_dotted(path)}"
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        path = [*path, ctx["discriminator"].strip("'")]
        if kind == "union_tag_not_found":
            return f"missing {_dotted(path)}"
        return f"{_dotted(path)} must be one of {ctx['expected_tags']}, got {ctx['tag']!r}"
    if kind == INVALID:
        text = msg
    elif kind in _MAPPING_TYPES:
        text = f"must be a mapping, got {value!r}"
    elif kind in _TEXTS:
        text = _TEXTS[kind].format(input=value, **ctx)
    else:
        text = msg[:1].lower() + msg[1:]
    return f"{_dotted(path)} {text}" if path else text


def unknown_key(key: str, allowed: list[str]) -> str:
    """Refusal of ``key``, naming the allowed key it is close to (a typo), else all of them."""
    close = _close(key, allowed)
    if close:
        return f"unknown key {key!r} (did you mean {close!r}?)"
    return f"unknown key {key!r}; allowed: {', '.join(allowed)}"


def _close(key: str, allowed: list[str]) -> str | None:
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    return close[0] if close else None


def _prefixed(path: list, text: str) -> str:
    return f"{_dotted(path)}: {text}" if path else text


def _dotted(path: list) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _walk(root: Any, loc: tuple) -> tuple[list, Any]:
    """The error location as the YAML spells it (union tags dropped), and the class holding its last key."""
    current, path, holder = _leaves(root), [], None
    for part in loc:
        if isinstance(part, int):
            current = [leaf for tp in current for arg in get_args(tp)[:1] for leaf in _leaves(arg)]
            path.append(part)
            continue
        tagged = [tp for tp in current if _tag(tp) == part]
        if tagged and len(current) > 1:  # pydantic names the union member it tried, which the file does not
            current = tagged
            continue
        holder = next((tp for tp in current if part in _fields(tp)), current[0] if current else None)
        field = _fields(holder).get(part) if holder is not None else None
        current = _leaves(field.annotation) if field is not None else []
        path.append(part)
    return path, holder


def _leaves(annotation: Any) -> list[Any]:
    origin = get_origin(annotation)
    if origin is Annotated:
        return _leaves(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        return [leaf for arg in get_args(annotation) for leaf in _leaves(arg)]
    return [] if annotation is type(None) else [annotation]


def _fields(cls: Any) -> dict[str, Any]:
    # Both pydantic models and pydantic dataclasses keep their resolved fields here.
    return getattr(cls, "__pydantic_fields__", None) or {}


def _field_names(cls: Any) -> list[str]:
    return list(_fields(cls))


def _tag(cls: Any) -> Any:
    field = _fields(cls).get("kind")
    if field is None or get_origin(field.annotation) is not Literal:
        return None
    return get_args(field.annotation)[0]
