"""A text cut into sentences, each with the line it starts on."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from deckgen.reading.structure import page_furniture
from deckgen.records import Sentence

_TERMINATORS = frozenset("。！？!?；;")


_CLOSERS = frozenset("」』”’）》〉】〕)]\"'")


_QUOTE_PAIRS = {"「": "」", "『": "』", "“": "”", "‘": "’", "（": "）", "《": "》", "(": ")", '"': '"'}
_QUOTATION_MARKS = frozenset("「『“‘\"")  # of the pairs, those that quote someone (not brackets nor titles)
_OPENER_OR_TERMINATOR = re.compile("[" + re.escape("".join(_QUOTE_PAIRS) + "".join(_TERMINATORS)) + "]")


# A quotation this short is kept whole, whatever punctuation it holds.
_SHORT_QUOTE = 40


# Pieces longer than this are cut, at a comma or space near the limit if there is one.
MAX_SENTENCE = 200


_SOFT_BREAKS = frozenset("，,、：: 　")


_SOFT_BREAK_REACH = 50


# An interview label at the start of a line: a short name of letters (Han or Latin)
# followed by a colon, e.g. 问： 記者: 米磊： Q: — not a time (10:30) or a URL.
# A press conference writes the questioner's outlet after it (记者（凤凰卫视）：), and a
# Taiwan legislature's transcript a member by surname, title and given name (王委員建國：,
# 郭部長振宇：, 林委員OO：).
_LABEL = re.compile(r"[ \u3000]*([^\W\d_]{1,4}|[\u3400-\u9fff]"
                    r"(?:委[員员]|[部院署局處处司次][長长]|主委|召委|[議议][員员]|[市縣县][長长]|主任|主席)"
                    r"(?:[\u3400-\u9fff]{1,2}|[OＯ○〇]{1,2}))(?:[（(][^（）()：:]{1,12}[）)])?[：:](?![/\d])")


# A paper's or an article's part named at the start of its line: 摘要：, 编者按：
_SECTION_LABEL = re.compile(
    r"[ \u3000]*(?:摘\s*要|提\s*要|[导導]\s*[语語读讀]|[编編]者按|前\s*言|引\s*言|[结結]\s*[语語])\s*[：:]\s*")


# 他說：「…」 introduces a quotation inside a sentence; it is no speaker label.
_SPEECH_VERBS = frozenset("說说道講讲曰稱称問问")


_DEFINES = re.compile(
    r"\s*(?:指|是指|意为|意思是|即|又称|网络(?:流行)?用?语|網路(?:流行)?用?語|流行语|流行語|俗称|俗稱)")
_NUMBERED_QUESTION = re.compile("^[一二三四五六七八九十]{1,3}[问問]$")


# How the names of fields, methods and problems end, and people's names hardly do: a line
# a topic opens (肖尔算法：, 密码学：, 人工智能：, 优化问题：) keeps it.
_TOPIC_ENDINGS = frozenset("学法论术题能域料器业性率式")


@dataclass(frozen=True)
class _Piece:
    start: int
    end: int
    line: int
    text: str


# A play's speaker opening a line: a name of two to four characters and wide spaces
# (王利发　（向唐铁嘴）唐先生，你外边遛遛吧！), then what they say, perhaps after a stage
# direction in brackets.
_SCRIPT_LABEL = re.compile(r"[ \u3000]*([\u3400-\u9fff]{2,4})(?:\u3000+|[ \t]{2,})(?=\S)")
_DIRECTION_AFTER_SPEAKER = re.compile(r"[（(][^（）()]{1,12}[）)][ \u3000]*")
# Lines a script's labels open, and how often one speaker at least speaks, for a text to be
# a play: a headline with a wide space after its first word (台積電　營收創新高) is none.
_SCRIPT_LINES = 3
_SCRIPT_TURNS = 2
# ... and what follows the names is speech, not the other half of a line of verse laid out
# with a wide space (关关雎鸠　在河之洲): a sentence's mark, or more than half a line's characters.
_SCRIPT_HALF_LINE = 8
_SPEECH_MARK = re.compile(r"[，。！？,!?…；;：:“”「」]")


def script_speakers(text: str) -> frozenset[str]:
    """The names a play's lines open with (王利发, 唐铁嘴), as the text writes them: the
    speakers' names, which are no part of what they say."""
    if "\u3000" not in text and "  " not in text:
        return frozenset()
    found: Counter = Counter()
    spoken = 0
    for line in text.split("\n"):
        if m := _SCRIPT_LABEL.match(line):
            found[m.group(1)] += 1
            speech = line[m.end():].strip()
            spoken += len(speech) > _SCRIPT_HALF_LINE or _SPEECH_MARK.search(speech) is not None
    if sum(found.values()) < _SCRIPT_LINES or max(found.values()) < _SCRIPT_TURNS or 2 * spoken < sum(found.values()):
        return frozenset()
    return frozenset(found)


def split_sentences(text: str, source_name: str, first_line: int = 1) -> tuple[Sentence, ...]:
    """Sentences of `text`, each with the line it starts on (counting from `first_line`)."""
    return tuple(Sentence(piece.text, source_name, piece.line) for piece in _sentence_pieces(text, first_line))


def _sentence_pieces(text: str, first_line: int, wrapped: bool = True,
                     speakers: frozenset[str] = frozenset(), furniture: frozenset[int] | None = None) -> list[_Piece]:
    """`wrapped`: whether the text may be hard-wrapped (not subtitles, a cue a line);
    `speakers`: a play's (script_speakers), whose names opening a line are left out;
    `furniture`: the page_furniture of its lines, where the caller has it already."""
    pieces: list[_Piece] = []
    lines = text.split("\n")
    if not wrapped:
        furniture = frozenset()
    elif furniture is None:
        furniture = page_furniture(lines)
    wraps = _hard_wraps(lines, furniture) if wrapped else set()
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    index = 0
    while index < len(lines):
        last = index
        while last in wraps:  # a sentence a hard wrap broke goes on on the next line
            last += 1
        line_start, line_end = starts[index], starts[last] + len(lines[last])
        for start, end in _split_line(text, line_start, line_end, speakers):
            for cut_start, cut_end in _cut_long(text, start, end):
                number = next(i for i in range(last, index - 1, -1) if starts[i] <= cut_start)
                piece = text[cut_start:cut_end]
                if last > index and furniture:  # a page's edge inside the sentence is none of it
                    piece = "\n".join(part for k, part in enumerate(piece.split("\n"), number)
                                       if k == number or k not in furniture)
                pieces.append(_Piece(cut_start, cut_end, first_line + number, _WRAP_BREAK.sub("", piece)))
        index = last + 1
    return pieces


# Text copied from a PDF or a plain-text e-mail is wrapped at a fixed width, the line
# breaks falling inside sentences and words (国内 / 生产总值). Such a text has many
# lines filling that width, and none much longer; lines of one paragraph each vary.
_WRAP_MIN_WIDTH = 40  # display columns: 20 Chinese characters (a poem's lines are shorter)
# A line may stop this share of the width short of it: a word or a number kept whole,
# half-width commas and digits where the page had full-width ones.
_WRAP_SLACK = 0.15
_WRAP_MIN_LINES = 4
_WRAP_SHARE = 0.6  # of the lines at least the minimum width long
# Lines much longer than the width: a title or a paragraph someone joined by hand in a
# wrapped file, at most one or this share; a text of one paragraph a line has many.
_WRAP_LONGER = 0.05
_WRAP_ENDS = _TERMINATORS | _CLOSERS | frozenset("…:：.~～")  # "..." and "~" end a blog's sentences


def _hard_wraps(lines: list[str], furniture: frozenset[int] = frozenset()) -> set[int]:
    """Indices of the lines whose end is a hard wrap inside a sentence: lines as wide
    as most lines of the text, not ending a sentence, before a line that is no new
    paragraph (not blank, not indented). A page's edges (`furniture`: its number and
    running header) between them are passed over, wrapped into the sentence."""
    widths = [_display_width(line.rstrip()) for line in lines]
    wide = sorted(w for w in widths if w >= _WRAP_MIN_WIDTH)
    if len(wide) < _WRAP_MIN_LINES:
        return set()

    def filled(width: int) -> int:  # lines at most `width` wide, and not much less
        return bisect_right(wide, width) - bisect_left(wide, width * (1 - _WRAP_SLACK))

    width = max(set(wide), key=lambda w: (filled(w), w))
    least = width * (1 - _WRAP_SLACK)
    longer = len(wide) - bisect_right(wide, width * (1 + _WRAP_SLACK))
    if filled(width) < max(_WRAP_MIN_LINES, _WRAP_SHARE * len(wide)) or longer > max(1, _WRAP_LONGER * len(wide)):
        return set()
    wraps: set[int] = set()
    hang = 0  # columns a list item's wrapped lines are indented by, to stand under its text
    for i, line in enumerate(lines[:-1]):
        if not line[:1].isspace():
            marker = _ITEM_MARKER.match(line)
            hang = _display_width(marker.group()) if marker else 0
        after = i + 1
        while after in furniture and after + 1 < len(lines):
            after += 1
        following = lines[after]
        indent = len(following) - len(following.lstrip())
        if (widths[i] >= least and line.rstrip()[-1:] not in _WRAP_ENDS and following.strip()
                and i not in furniture and not _ENDS_IN_A_LINK.search(line)
                and (not indent or (hang and _display_width(following[:indent]) == hang))):
            wraps.update(range(i, after))
    return wraps


# A line that ends in a web address ends there: the address goes no further.
_ENDS_IN_A_LINK = re.compile(r"(?:https?://|www\.)\S+\s*$")


# A hard wrap inside a sentence, with the indent of a list item's hanging line.
_WRAP_BREAK = re.compile(r"\n[ \t\u3000]*")


# A list item's number and the space after it: 一、 四  (一) 1. — a statute as printed
# from Taiwan's law database hangs an item's wrapped lines under the text after it.
_ITEM_MARKER = re.compile(
    r"(?:[一二三四五六七八九十]{1,3}|\d{1,3}|[（(][一二三四五六七八九十\d]{1,3}[）)])(?:[、．.]\s*|\s+)"
)


def _display_width(line: str) -> int:
    """Columns the line takes in a fixed-width font: two for a Chinese character or a
    full-width sign."""
    # Runs of wide characters, not one string per character: most of a Chinese line is wide.
    return len(line) + sum(map(len, _WIDE.findall(line)))


_WIDE = re.compile("[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
                   "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]+")


def _split_line(text: str, start: int, end: int, speakers: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of one line, label and edges stripped."""
    label = _LABEL.match(text, start, end)
    if section := _SECTION_LABEL.match(text, start, end):
        start = section.end()  # 摘要：2023年，…: the part of the paper it opens, no word of it
    elif label and _is_speaker_label(text, label):
        start = label.end()
    elif speakers and (spoken := _SCRIPT_LABEL.match(text, start, end)) and spoken.group(1) in speakers:
        start = spoken.end()
        if direction := _DIRECTION_AFTER_SPEAKER.match(text, start, end):  # （惨笑）王掌柜，捧捧我吧！
            start = direction.end()
    spans: list[tuple[int, int]] = []
    sentence_start = start
    protected_until = -1
    index = start
    # Jump from one opening quote or terminator to the next: most characters are neither.
    while (found := _OPENER_OR_TERMINATOR.search(text, index, end)) is not None:
        index = found.start()
        ch = text[index]
        if ch in _QUOTE_PAIRS and index > protected_until:
            closing = text.find(_QUOTE_PAIRS[ch], index + 1, min(end, index + 1 + _SHORT_QUOTE))
            if closing != -1:
                protected_until = closing
                if ch in _QUOTATION_MARKS and text[closing - 1] in "。！？!?" and closing + 1 < end:
                    # a quotation ending its own sentence ends the one it is in:
                    # 母亲说：“你父亲比我强些。” | 那时我不懂得这话的意思。
                    spans.append((sentence_start, closing + 1))
                    sentence_start = closing + 1
        elif ch in _TERMINATORS and index > protected_until and _ends_sentence(text, index, end):
            while index + 1 < end and (text[index + 1] in _TERMINATORS or text[index + 1] in _CLOSERS):
                index += 1
            spans.append((sentence_start, index + 1))
            sentence_start = index + 1
        index += 1
    spans.append((sentence_start, end))
    return [trimmed for span in spans if (trimmed := _trim(text, *span)) is not None]


def _is_speaker_label(text: str, label: re.Match) -> bool:
    name = label.group(1)
    if _NUMBERED_QUESTION.match(name):
        return True  # an explainer's 三问：…, the question it asks
    if len(name) > 1 and name[-1] in _SPEECH_VERBS:
        return False
    if len(name) >= 3 and name[-1] in _TOPIC_ENDINGS:
        return False  # 肖尔算法：用于…, 密码学：… name a topic the line is about, no one speaking
    if _DEFINES.match(text, label.end()):
        return False  # 打工人：网络流行语，指上班族的自嘲 defines the word before the colon
    after = label.end()
    # 口号：“…” introduces a quotation; 记者：《意见》提出了… asks about a document.
    return not (after < len(text) and text[after] in _QUOTE_PAIRS and text[after] not in "《〈")


def _ends_sentence(text: str, index: int, end: int) -> bool:
    """ASCII ? ! ; end a sentence unless they sit inside a URL or an HTML entity
    (example.com/a?b=1, &amp;), where an ASCII letter follows or an entity
    name precedes them. The look-back is bounded, so splitting stays linear."""
    ch = text[index]
    if ch not in "?!;":
        return True
    following = text[index + 1] if index + 1 < end else ""
    if following.isascii() and (following.isalpha() or following in "=&_-/"):
        return False
    if ch == ";":
        back = index - 1
        while back >= 0 and index - back <= 10 and text[back].isascii() and (text[back].isalnum() or text[back] == "#"):
            back -= 1
        if back >= 0 and back < index - 1 and text[back] == "&":
            return False
    return True


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (text[start].isspace() or text[start] in _BULLET_MARKS):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    # A piece with no letter, digit or Han character (a stray "……" or "?") is no sentence.
    if _ALNUM.search(text, start, end) is None:
        return None
    return start, end


_ALNUM = re.compile(r"[^\W_]")  # what str.isalnum() accepts

# A bullet before a line's first sentence (● 全球储能装机持续高增长。) is no part of it.
_BULLET_MARKS = frozenset("●•◆■◇○◎▪")


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a long piece into parts of at most MAX_SENTENCE characters, after a comma or
    space near the limit where there is one. Each cut looks back a bounded distance,
    so this is linear in the length of the piece."""
    parts: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = limit
        for index in range(limit - 1, limit - 1 - _SOFT_BREAK_REACH, -1):
            if text[index] in _SOFT_BREAKS:
                cut = index + 1
                break
        trimmed = _trim(text, start, cut)
        if trimmed is not None:
            parts.append(trimmed)
        start = cut
    trimmed = _trim(text, start, end)
    if trimmed is not None:
        parts.append(trimmed)
    return parts


def _without_overlaps(pieces: list[_Piece], ranges: list[tuple[int, int]]) -> list[_Piece]:
    """Pieces that overlap none of the (sorted) ranges. Both lists are in text order."""
    kept: list[_Piece] = []
    next_range = 0
    for piece in pieces:
        while next_range < len(ranges) and ranges[next_range][1] <= piece.start:
            next_range += 1
        if next_range < len(ranges) and ranges[next_range][0] < piece.end:
            continue
        kept.append(piece)
    return kept
