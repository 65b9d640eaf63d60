"""Simplified/Traditional conversion and regional variants, through OpenCC.

Converters are built lazily, once: OpenCC loads its dictionaries on construction.
"""

from __future__ import annotations

from functools import lru_cache

from deckgen.records import Script

# OpenCC's t2s maps 昇 to 升, which turns the product name 昇腾/昇騰 into the
# ordinary word 升腾. Names like these are protected from conversion.
_PROTECTED = ("昇腾", "昇騰")

# Pairs OpenCC's Taiwan phrase tables miss (tw2sp leaves 通膨 alone), mainland first.
_EXTRA_REGIONAL = {
    "通胀": "通膨",
}


@lru_cache(maxsize=None)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def _convert(text: str, config: str) -> str:
    if not any(p in text for p in _PROTECTED):
        return _converter(config).convert(text)
    # Convert the pieces between protected names, keep the names as written
    # (in the target script: 昇騰 <-> 昇腾 differ only in 腾/騰).
    out: list[str] = []
    i = 0
    while i < len(text):
        hit = next((p for p in _PROTECTED if text.startswith(p, i)), None)
        if hit:
            target = "昇腾" if config.startswith(("t2s", "tw2s")) else "昇騰"
            out.append(target)
            i += len(hit)
            continue
        j = i
        while j < len(text) and not any(text.startswith(p, j) for p in _PROTECTED):
            j += 1
        out.append(_converter(config).convert(text[i:j]))
        i = j
    return "".join(out)


def to_simplified(text: str) -> str:
    """Characters only: 晶片 stays 晶片 (a Taiwan word written in simplified)."""
    return _convert(text, "t2s")


def to_traditional(text: str) -> str:
    """Characters only: 芯片 becomes 芯片, not 晶片."""
    return _convert(text, "s2t")


def to_script(text: str, script: Script) -> str:
    return to_simplified(text) if script is Script.SIMPLIFIED else to_traditional(text)


def mainland_form(text: str) -> str:
    """Taiwan vocabulary to mainland vocabulary, in simplified: 晶片 -> 芯片, 輝達 -> 英伟达."""
    out = _convert(text, "tw2sp")
    for mainland, taiwan in _EXTRA_REGIONAL.items():
        out = out.replace(taiwan, mainland)
    return out


def taiwan_form(text: str) -> str:
    """Mainland vocabulary to Taiwan vocabulary, in traditional: 芯片 -> 晶片, 纳米 -> 奈米."""
    out = _convert(text, "s2twp")
    for mainland, taiwan in _EXTRA_REGIONAL.items():
        out = out.replace(to_traditional(mainland), taiwan)
    return out


def detect_script(text: str) -> Script:
    """The script a text is written in, by which conversion changes it more."""
    sample = text[:20000]
    changed_by_t2s = sum(a != b for a, b in zip(sample, to_simplified(sample)))
    changed_by_s2t = sum(a != b for a, b in zip(sample, to_traditional(sample)))
    return Script.TRADITIONAL if changed_by_t2s > changed_by_s2t else Script.SIMPLIFIED
