"""Subtitles (SRT, ASS/SSA, WebVTT): the dialogue only, through pysubs2.

pysubs2 parses the timing and strips ASS override blocks and SRT tags; what it
leaves for WebVTT (ruby readings, karaoke timestamps, entities, voice tags) is
removed here. Lines without Chinese (the English half of bilingual subtitles) and
sounds in brackets (（電話鈴聲）) are left out, and a line repeated by the next cue
(rolling captions, two styles of one line) is read once.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from deckgen.errors import SourceError
from deckgen.reading.formats import TIMED_LINE, Extracted
from deckgen.script import has_han

_RUBY = re.compile(r"<rt>.*?</rt>|<rp>.*?</rp>", re.S | re.I)
_LEFTOVER_TAG = re.compile(r"<\d{1,2}:\d{2}(?::\d{2})?\.\d{3}>|</?[a-zA-Z][^>]*>")
_SPACES = re.compile(r"\s+")
# A cue wholly in brackets is a sound for the deaf, not speech: （電話鈴聲）, [音樂], 【敲門聲】.
_SOUND = re.compile(r"[\[［(（【][^\[\]［］()（）【】]{1,20}[\]］)）】]")
# ... and so is a song's line between notes: ♪ 长沙的夜 灯火亮 ♪
_SONG = re.compile(r"[♪♫♬][^♪♫♬]*[♪♫♬]?")
# A cue opened by its speaker's name in brackets: （小王）我破防了. The name is no speech.
_SPEAKER = re.compile(r"^[(（][^()（）\s]{1,6}[)）]\s*(?=\S)")


_VTT_BLOCK = re.compile(r"^(?:NOTE|STYLE|REGION)(?:[ \t][^\n]*)?\n(?:[^\n]+\n?)*", re.M)


# An ASS file's styles for what is on screen, not said: captions, notes, signs, titles,
# the credits and a song's words (屏幕字, 注释, Sign, Title, OP, ED, Staff).
_ON_SCREEN = re.compile(
    r"屏幕|注释|註釋|标注|標註|说明|說明|字幕组|字幕組|sign|title|note|caption|staff|^op|^ed\b|song", re.IGNORECASE)
# ... and a song's line timed for karaoke ({\k20}), whatever its style
_KARAOKE = re.compile(r"\\[kK][fo]?[0-9]")
# What ends an utterance within a cue: the next line of it is another.
_UTTERANCE_ENDS = frozenset("。！？!?…")


def extract(path: Path, data: bytes, *, encoding: str | None = None) -> Extracted:
    import pysubs2

    from deckgen.reading.decoding import _decode

    text, used = _decode(data, path, encoding)
    text = _RUBY.sub("", text.lstrip("\ufeff"))
    if text.startswith("WEBVTT"):
        # a WebVTT file's notes, styles and regions, wherever they stand, are no cues; pysubs2
        # reads those after the first cue into the cue before them
        text = _VTT_BLOCK.sub("", text.replace("\r\n", "\n"))
    if TIMED_LINE.match(text.split("\n", 1)[0]):
        return _timed_lines(text, path, used)
    try:
        subs = pysubs2.SSAFile.from_string(text)
    except (pysubs2.exceptions.Pysubs2Error, ValueError) as error:
        raise SourceError(f"cannot read the subtitles: {error}", path=path,
                          hint="Check that the file is SRT, ASS or WebVTT; open it in a subtitle editor.") from None
    lines: list[str] = []
    places: list[str] = []
    speakers: set[str] = set()
    previous: set[str] = set()
    for number, event in enumerate(subs, 1):
        if event.is_comment or event.is_drawing or _ON_SCREEN.search(event.style or "") or _KARAOKE.search(event.text):
            continue
        if event.name and has_han(event.name):
            speakers.add(event.name.strip())
        plain = event.plaintext
        if subs.format in ("vtt", "srt"):
            plain = html.unescape(_LEFTOVER_TAG.sub("", plain))
        current: set[str] = set()
        said: list[str] = []  # the cue's new lines: one utterance, unless a dash opens a second speaker's
        for raw in plain.splitlines():
            line = _SPACES.sub(" ", raw.replace("\xa0", " ")).strip()
            turn = line[:1] in "-–—"
            line = line.lstrip("-–— ").strip()
            if _SOUND.fullmatch(line) or _SONG.fullmatch(line):
                continue
            line = _SPEAKER.sub("", line)
            if not line or not has_han(line) or line in previous or line in current:
                continue
            current.add(line)
            if said and not turn and said[-1][-1:] not in _UTTERANCE_ENDS:
                # 周明，我爸妈提前来了 / 就把爸妈接过来一起住。: a pause where no comma says so
                said[-1] += ("" if said[-1][-1:] in "，,、；;：:" else " ") + line
            else:
                said.append(line)
        for line in said:
            lines.append(line)
            places.append(f"cue {number} at {_clock(event.start)}")
        if current:
            previous = current
    if not lines:
        raise SourceError("the subtitles hold no Chinese dialogue", path=path,
                          hint="Choose the Chinese subtitle track of the video.")
    return Extracted(tuple(lines), tuple(places), None, "subtitles", used, speakers=tuple(sorted(speakers)))


def _timed_lines(text: str, path: Path, encoding: str) -> Extracted:
    """A transcript a cue a line, each opened by its times ([00:04.200 --> 00:09.800] …);
    a line without times goes on the cue before it."""
    lines: list[str] = []
    places: list[str] = []
    for line in text.splitlines():
        timed = TIMED_LINE.match(line)
        said = (timed.group(2) if timed else line).strip()
        if not said or not has_han(said):
            continue
        if timed or not lines:
            lines.append(said)
            places.append(f"cue {len(lines)} at {timed.group(1).split('.')[0].split(',')[0] if timed else '0:00'}")
        else:
            lines[-1] += said
    if not lines:
        raise SourceError("the transcript holds no Chinese", path=path, hint="Choose the Chinese transcript.")
    return Extracted(tuple(lines), tuple(places), None, "subtitles", encoding)


def _clock(ms: int) -> str:
    seconds = max(ms, 0) // 1000
    return f"{seconds // 3600}:{seconds // 60 % 60:02}:{seconds % 60:02}"
