"""The rule catalogue (``expectations/rules.yaml``): consequence and messages per rule."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

RULES_YAML = Path(__file__).with_name("rules.yaml")
CONSEQUENCES = ("reject", "flag", "block")


@dataclass(frozen=True)
class Rule:
    """One data-check rule."""

    code: str
    stage: str
    consequence: str
    pesan: str  # Indonesian, for the office
    gloss: str  # English, for engineers
    perbaikan: str  # the fix expected, Indonesian
    # An office habit rather than a slip in one row (a whole file without certificate
    # numbers, a regency reporting the province's expert levels): when it hits more
    # than half of a file's rows, the feedback report says so once for the file.
    habit: bool = False
    # Informational: not an error the office must fix (the feedback summary mentions it).
    informational: bool = False

    @property
    def reason(self) -> str:
        """The quarantine/feedback message: Indonesian with the English gloss."""
        return f"{self.pesan} / {self.gloss}"


@lru_cache(maxsize=1)
def rules() -> dict[str, Rule]:
    """All rules by code."""
    document = yaml.safe_load(RULES_YAML.read_text(encoding="utf-8"))
    catalogue = {code: Rule(code=code, **spec) for code, spec in document["rules"].items()}
    for rule in catalogue.values():
        if rule.consequence not in CONSEQUENCES:
            raise ValueError(f"rule {rule.code}: consequence {rule.consequence!r} not in {CONSEQUENCES}")
    return catalogue


def rule(code: str) -> Rule:
    """One rule; KeyError names the unknown code."""
    try:
        return rules()[code]
    except KeyError:
        raise KeyError(f"unknown data-check rule {code!r} (see expectations/rules.yaml)") from None
