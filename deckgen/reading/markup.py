"""Marks a page's format leaves in its text that are no part of it: Markdown emphasis
(**经济总体回升向好**, as chat answers and blogs are pasted), the reference marks of
Wikipedia and of answers that cite sources (增长5.2%[4], [注 1], [來源請求]), the place of a
picture in a copy from an e-book reader (脖子几乎与头一边儿[插图]粗), the numbers
of the official documents a sentence cites, in brackets ((国发〔2014〕45号)), a reporter's
credit or an agency's dateline opening a paragraph (〔記者鍾麗華／台北報導〕藍白續掌國會多數…,
新华社上海1月1日电（记者王辰阳）1日下午，…), what a transcript
notes of the room ([掌声], （笑）), a microblog's handles and emoticons (@旅行达人阿杰, [允悲]),
the id and time around a PTT push (推 abc123: … 12/03 21:16), and the
reading some sites print after each character of many readings (長(zhǎng)期, 導(dǎo)致),
which cuts the words it stands in."""

from __future__ import annotations

import re

_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
# ... and the place of a picture an e-book reader's copy leaves ([插图], [图片]).
_REFERENCE_MARK = re.compile(
    r"\[(?:[0-9]{1,3}(?:\s*[-–,，]\s*[0-9]{1,3})*|[a-z]|[注註]\s*[0-9]{1,3}|[來来]源[請请]求|需要[來来]源|需要引用|需要引[證证]|[來来]源[無无]效"
    r"|[插挿]?[图圖](?:片|像)?(?:\s*[0-9]{1,3})?)\]"
)


# What a transcript notes of the room, in brackets: [掌声], （笑）, （全场鼓掌）, [Applause].
# Sounds and pauses, not speech: their words (掌声, 鼓掌, 停顿) are no terms of the talk.
_STAGE_DIRECTION = re.compile(
    r"[\[［(（【]\s*(?:全场|全場|观众|觀眾|众人|眾人|现场|現場)?(?:热烈|熱烈)?"
    r"(?:掌声|掌聲|鼓掌|笑声|笑聲|大笑|众笑|眾笑|哄笑|笑|音乐|音樂|背景音乐|背景音樂|停顿|停頓|沉默|咳嗽|叹气|嘆氣"
    r"|欢呼|歡呼|哭|哭泣|哽咽|鼓掌欢呼|鼓掌歡呼|掌声笑声|掌聲笑聲|Applause|Laughter|Laughs|Music|Pause|Silence)"
    r"\s*[\]］)）】]",
    re.IGNORECASE,
)


# What a microblog adds to a post: the handles it mentions, replies to and reposts from (回复
# @旅行达人阿杰：, 转发微博 //@小鹿爱旅行:), whose words are names (达人 of 旅行达人阿杰), and its emoticons in
# brackets ([允悲], [doge]). Within its line: a line of handles leaves an empty line, so
# the lines after it keep their numbers.
# A transcript's time code opening a turn: [00:12:30] 张教授：… (the speaker label after it is
# then left out with it, as at any line's start).
_TIME_CODE = re.compile(
    r"^[ \t\u3000]*[\[［【(（]\s*[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:[.,][0-9]{1,3})?\s*[\]］】)）][ \t\u3000]*",
    re.MULTILINE)
# A wire story's last editor and its date code after its last sentence: （編輯：林志明）1130521.
_EDITOR_AFTER = re.compile(
    r"[（(](?:[责責]任)?[编編][辑輯][：:][^（）()\n]{1,12}[）)][ \t\u3000]*[0-9]{0,8}[ \t\u3000]*$", re.MULTILINE)
# A blog comment's author and time, glued to the comment: 小米粒 2024-05-19 13:05謝謝你～
_COMMENT_HEADER = re.compile(
    r"^[ \t\u3000]*[^\s，。！？]{1,20}[ \t\u3000]+(?:19|20)[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2}[ \t\u3000]+"
    r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?[ \t\u3000]*(?=[^\s\d])", re.MULTILINE)
_HANDLE = re.compile(
    r"(?:回复|回覆|转发微博|轉發微博)?[ \t\u3000]*(?://)?(?<![\w.%+-])@[^\s@:：,，。!！?？)）]{1,30}[ \t\u3000]*[:：]?")
_EMOTICON = re.compile(r"\[(?![注註])(?:[\u4e00-\u9fff]{1,4}|doge|good|ok|haha|bm\w{0,8})\]", re.IGNORECASE)


# A PTT push: its mark (推, 噓, →), the pusher's id and the time after it, around the comment:
# 推 abc123: 養不起啊 房價這麼高          12/03 21:16
_PUSH = re.compile(r"^(?:推|噓|→) ?[A-Za-z0-9_]{2,12}\s*:[ \t]?(.*?)[ \t]*(?:\d{2}/\d{2}(?: \d{2}:\d{2})?)?[ \t]*$",
                   re.MULTILINE)


# One syllable of pinyin with its tone mark, in brackets right after a Han character.
_TONE_MARKED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_READING_AFTER_CHARACTER = re.compile(
    rf"(?<=[\u3400-\u9fff\uf900-\ufaff])[(（]([a-zü]*[{_TONE_MARKED}][a-zü]*)[)）]")


_DOCUMENT_NUMBER = re.compile(
    r"[(（]\s*[^\s()（），,。]{1,10}\s*[〔\[［【]\s*(?:19|20)[0-9]{2}\s*[〕\]］】]\s*[0-9]{1,4}\s*[号號]\s*[)）]")


_REPORTERS_CREDIT = re.compile(
    r"^[ \t\u3000]*[〔【\[［(（][^〕】\]］)）\n]{0,12}[记記]者[^〕】\]］)）\n]{1,20}"
    r"(?:[报報][导導]|[电電])[〕】\]］)）][ \t\u3000]*(?=\S)", re.MULTILINE)


# A news agency's dateline before its first sentence: 新华社上海1月1日电（记者王辰阳、贾远琨）,
# 中新网北京5月20日电 (记者 张三), 本报讯, （中央社記者王承中台北20日電）, 【明報專訊】: the
# agency's words, not the story's. An agency names itself or a reporter follows in brackets:
# 他在5月20日电话里说 and 5月20日电视台 are no datelines.
_DAY = r"(?:[0-9０-９一二三四五六七八九十]{1,3}月)?[0-9０-９一二三四五六七八九十]{1,3}日"
_BY = r"[^\s，,。；;：:（()）\n]"
_REPORTER = r"\s*[（(][^（）()\n]{1,30}[）)]"
_DATELINE = re.compile(
    r"^[ \t\u3000]*(?:"
    rf"{_BY}{{0,12}}?[社网網报報台]{_BY}{{0,8}}?{_DAY}[电電讯訊](?:{_REPORTER})?"
    rf"|{_BY}{{0,12}}?{_DAY}[电電讯訊]{_REPORTER}"
    rf"|(?:本[报報]|{_BY}{{1,4}}[社网網报報台])[讯訊](?:{_REPORTER}|[ \t\u3000])"
    r"|[（(][^（）()\n]{0,30}?[0-9０-９]{1,2}日[电電][）)]"
    r"|【[^】\n]{1,12}[讯訊]】"
    r")[ \t\u3000]*(?=\S)",
    re.MULTILINE,
)


# ... but a picture's place opening a line with words after it is a caption the copy kept
# ([圖片] 2009年8月7日接近臺灣的莫拉克颱風，由…衛星拍攝): it stays a caption, as 图：… says.
_CAPTIONED_PICTURE = re.compile(r"(?m)^[ \t]*[\[［]\s*[插挿]?[图圖](?:片|像)?(?:\s*[0-9]{1,3})?\s*[\]］][ \t]*(?=\S)")


def without_markup(text: str) -> str:
    """The text without emphasis marks, reference marks, cited document numbers,
    reporters' credits opening a paragraph and editors' closing it, a transcript's time codes and
    notes of the room and readings
    printed after characters; its
    lines stay as they were."""
    if "图" in text or "圖" in text:
        text = _CAPTIONED_PICTURE.sub("图：", text)
    text = _REFERENCE_MARK.sub("", _EMPHASIS.sub(r"\2", text))
    if "推 " in text or "→ " in text:
        text = _PUSH.sub(r"\1", text)
    if "@" in text:  # most texts have none: the handle's optional lead-in is slow to scan for
        text = _HANDLE.sub("", text)
    text = _EMOTICON.sub("", text)
    if "编辑" in text or "編輯" in text:
        text = _EDITOR_AFTER.sub("", text)
    text = _TIME_CODE.sub("", text)
    if ":" in text:
        text = _COMMENT_HEADER.sub("", text)
    text = _REPORTERS_CREDIT.sub("", _DOCUMENT_NUMBER.sub("", _STAGE_DIRECTION.sub("", text)))
    if "电" in text or "電" in text or "讯" in text or "訊" in text:
        text = _DATELINE.sub("", text)
    return _READING_AFTER_CHARACTER.sub("", text)
