"""Simplified/Traditional conversion and regional variants, through OpenCC.

Converters are built lazily, once: OpenCC loads its dictionaries on construction.
"""

from __future__ import annotations

import re
from enum import Enum

from deckgen.memo import memo


class Script(str, Enum):
    SIMPLIFIED = "simplified"
    TRADITIONAL = "traditional"


# Han ideographs: CJK Unified (and Extensions A-H), compatibility ideographs, 〇.
HAN_RANGES = (
    "\u3007"
    "\u3400-\u4dbf"
    "\u4e00-\u9fff"
    "\uf900-\ufaff"
    "\U00020000-\U0002ebef"
    "\U0002f800-\U0002fa1f"
    "\U00030000-\U000323af"
)
_ANY_HAN = re.compile(f"[{HAN_RANGES}]")


def is_han(char: str) -> bool:
    """Whether `char` is one Han character (False for "" or a longer string).
    Comparisons, not a regex, because reading calls this for every character."""
    if len(char) != 1:
        return False
    code = ord(char)
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF
            or code == 0x3007 or 0x20000 <= code <= 0x2EBEF or 0x2F800 <= code <= 0x2FA1F
            or 0x30000 <= code <= 0x323AF)


def has_han(text: str) -> bool:
    return _ANY_HAN.search(text) is not None

# OpenCC's t2s maps 昇 to 升, which turns the product name 昇腾/昇騰 into the
# ordinary word 升腾. Names like these are protected from conversion.
_PROTECTED_NAME = re.compile("昇腾|昇騰")

# Pairs OpenCC's Taiwan phrase tables miss (tw2sp leaves 通膨 alone), mainland first.
_EXTRA_REGIONAL = {
    "通胀": "通膨",
}


@memo(8)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


@memo(65536)
def _convert(text: str, config: str) -> str:
    # Memoised: annotation converts the same headwords and sentences again and again
    # (each note's forms, each example in the deck's script, both decks of a run).
    converter = _converter(config)
    # Convert the pieces between protected names, keep the names as written
    # (in the target script: 昇騰 <-> 昇腾 differ only in 腾/騰).
    target = "昇腾" if config.startswith(("t2s", "tw2s")) else "昇騰"
    out: list[str] = []
    done = 0
    for name in _PROTECTED_NAME.finditer(text):
        out.append(converter.convert(text[done : name.start()]))
        out.append(target)
        done = name.end()
    out.append(converter.convert(text[done:]))
    return "".join(out)


def to_simplified(text: str) -> str:
    """Characters only: 晶片 stays 晶片 (a Taiwan word written in simplified). In text
    written in Traditional characters, Taiwan's 著 for the aspect marker and its kin
    (拿著, 接著, 隨著, 著急) is 着, as OpenCC's Taiwan table of variants reads it; 著 'to
    write' and 'marked' stays (著名, 原著, 土著). Text in simplified characters writes 着
    for those, so its 著 is always 'to write' or 'marked'."""
    converted = _convert(text, "t2s")
    if "著" in converted and converted != text:
        converted = _aspect_marker(text, converted)
    return converted


# Words of 著 'to write' that OpenCC's Taiwan table turns into 着: 原著 'the original
# work', 土著 'aboriginal'.
_WRITTEN = re.compile("原著|专著|论著|编著|译著|遗著|新著|拙著|大著|卓著|土著|所著")
_REACH = 4  # characters either side that OpenCC's phrases for 著 look at


def _aspect_marker(text: str, simplified: str) -> str:
    """`simplified` with 着 where the Taiwan table reads the 著 of `text` as 着, outside the
    words of 著 'to write' it misses. Only the few characters around each 著 are looked at."""
    if len(text) != len(simplified):
        return simplified
    chars = list(simplified)
    at = simplified.find("著")
    while at >= 0:
        start = max(0, at - _REACH)
        taiwan = _convert(text[start:at + _REACH + 1], "tw2s")
        written = any(m.start() <= at < m.end() for m in _WRITTEN.finditer(simplified, start, at + _REACH + 1))
        if len(taiwan) == len(text[start:at + _REACH + 1]) and taiwan[at - start] == "着" and not written:
            chars[at] = "着"
        at = simplified.find("著", at + 1)
    return "".join(chars)


def simplified_in_place(text: str) -> str:
    """to_simplified, checked to keep every character in place, so that spans found in
    the simplified form map back onto the text as written: a character whose
    conversion would change the length is kept as it is."""
    converted = to_simplified(text)
    if len(converted) == len(text):
        return converted
    out = []
    for char in text:
        one = to_simplified(char) if is_han(char) else char
        out.append(one if len(one) == 1 else char)
    return "".join(out)


def to_traditional(text: str) -> str:
    """Characters only: 芯片 becomes 芯片, not 晶片."""
    return _convert(text, "s2t")


def to_common_traditional(text: str) -> str:
    """Characters only, in the forms Traditional text is printed in (為, 床, 眾 as in
    Taiwan, Hong Kong and CC-CEDICT), not OpenCC's older standard forms (爲, 牀, 衆)."""
    return _convert(text, "s2tw")


def to_script(text: str, script: Script) -> str:
    return to_simplified(text) if script is Script.SIMPLIFIED else to_common_traditional(text)


def in_script_in_place(text: str, script: Script) -> str:
    """to_script, keeping every character in place (spans found in `text` stay valid):
    a piece whose conversion would change the length is converted character by
    character, and a character that would still change it is kept as it is."""
    converted = to_script(text, script)
    if len(converted) == len(text):
        return converted
    out = []
    for char in text:
        one = to_script(char, script) if is_han(char) else char
        out.append(one if len(one) == 1 else char)
    return "".join(out)


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
    """The script a text is written in, by which conversion changes it more (Simplified
    where neither tells)."""
    return script_if_told(text[:20000]) or Script.SIMPLIFIED


def script_if_told(text: str) -> Script | None:
    """The script `text` is written in, or None where its characters do not tell (no Han
    character, or only ones both scripts share)."""
    changed_by_t2s = sum(a != b for a, b in zip(text, to_simplified(text)))
    changed_by_s2t = sum(a != b for a, b in zip(text, to_traditional(text)))
    if changed_by_t2s == changed_by_s2t:
        return None
    return Script.TRADITIONAL if changed_by_t2s > changed_by_s2t else Script.SIMPLIFIED
