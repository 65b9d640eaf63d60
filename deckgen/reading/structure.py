"""What each line of a text is: running text, or a part of the page around it.

Plain-text articles keep the furniture of the page they came from: a title, section
headings (1.2 显生宙, （二）总体思路。, 第 3 條), bylines and credits (文/曹博凱, ·鲁迅·,
法新社), photo captions (▲, 圖／…), reference and "see also" sections, link lists,
lists of bare names, rows of tables, lines in another language (the English paragraphs of a
bilingual article), and a wiki's navigation and notices. None of it is running text: mining counts and quotes running
text only, and titles and headings tell it what the text is about.

Only short lines are furniture: a numbered clause of a law (一、末期病人：…。) is prose.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import groupby

from deckgen.lexicon import cedict as dictionary
from deckgen.script import has_han, is_han, to_simplified

TEXT = "text"
TITLE = "title"
HEADING = "heading"
LIST_ITEM = "list item"
CAPTION = "caption"
BYLINE = "byline"
REFERENCE = "reference"
LINK = "link"
OTHER_LANGUAGE = "other language"  # a line with no Chinese: the English of a bilingual article
NOTICE = "notice"  # a wiki's navigation and maintenance notices, copied with its article

# Kinds that say what the text is about (mining gives their words salience).
TOPICAL = frozenset({TITLE, HEADING})

# Longer than this, a line is prose whatever it starts with.
_SHORT = 40

_NUMERAL = "0-9０-９零〇一二三四五六七八九十百千两"

_HAN_CLASS = "\u3400-\u9fff\uf900-\ufaff"

# Headings are names of sections, no clauses: 第 3 條, 第二章 总则, （二）总体思路。,
# 1.2 地质年代比例, 三、主要任务, 【台北】老乾杯. 第九条 自然人之间的借款合同… is an article, not a heading.
_HEADING = re.compile(
    rf"^(?:#{{1,6}}(?:[ \t]+\S.*|(?![^#]{{1,30}}#)\S.*)"  # markdown, not a microblog's #topic#
    rf"|第\s*[{_NUMERAL}]+(?:\s*[-－]\s*[0-9０-９]+)?\s*[条條款](?:\s+[^，,；;。：:]{{0,12}})?"  # 第 7-2 條
    rf"|第\s*[{_NUMERAL}]+\s*[章节節编編部篇回卷](?:\s+[^，,；;。：:]{{0,24}})?"  # 第一章　刑法的任务、基本原则…
    rf"|[（(][{_NUMERAL}]+[）)]\s*[^，,；;。：:、的]{{1,20}}。?"
    rf"|[{_NUMERAL}]+(?:\.[0-9]+)*\s+[{_HAN_CLASS}][^，,；;。：:]*"
    # 3　产业化进程：从半固态到全固态
    rf"|[0-9]+(?:\.[0-9]+)*[ \u3000]+[{_HAN_CLASS}][^，,；;。！？：:]{{1,14}}[：:][^，,；;。！？：:]{{1,16}}"
    rf"|[{_NUMERAL}]+[、．]\s*[^，,；;。：:]{{1,20}}"
    # 三、周末补觉，补得回来吗？ （一）取消强制配储，需求逻辑根本转变
    rf"|(?:[一二三四五六七八九十]+、|[（(][{_NUMERAL}]+[）)])\s*[^，,；;。：:]{{2,12}}[，,][^，,；;。：:！？!?]{{2,12}}[？?]?"
    # a report's section, a name and what it finds: 三、经济性：价差扩大叠加成本下行，独立储能IRR分化
    rf"|(?:[一二三四五六七八九十]+、|[（(][{_NUMERAL}]+[）)])\s*[^，,；;。：:、]{{2,10}}[：:][^；;。！？!?：:]{{2,30}}"
    rf"|[0-9]+\.(?![0-9])\s*[{_HAN_CLASS}][^，,；;。：:、的]{{0,19}}。?"  # 1.加快工业领域设备更新。
    rf"|[〈【][^〉】]{{1,20}}[〉】][^，,；;。！？!?]*"  # 〈要排就拒吃〉只想從從容容 不想狼狽等待
    rf")$"
)

# ... and a report's figures and tables: 图表1：…, 图 3：…, 表2：…
_CAPTION = re.compile(
    r"^(?:[\[［【](?:PPT|ppt|幻灯片|幻燈片|投影片|图|圖|视频|視頻)\s*[：:][^\]］】]*[\]］】]$|[▲▼△▽►]|[圖图][为為说說](?![^，,。]*[？?])|[圖图]\s*[0-9０-９]*\s*[／/：:︰]|[圖图表]\s*[0-9０-９]+(?:[-.－][0-9]+)?\s+(?=[^。！？!?]+$)|[圖图]表\s*[0-9０-９]+\s*[／/：:︰]|表\s*[0-9０-９]+\s*[：:︰]|[圖图]片?[來来]源|[资資]料照|[摄攝]影\s*[／/：:]|[【［][圖图](?:片|[說说])?[】］]|(?:艺术家|藝術家)(?:笔下|筆下|想象|想像|概念)(?=[^。]*$))"
)
# A wiki's montage of pictures, each by where it sits (上：…；中左：大雁塔；中右：钟楼；下：…), and
# its map's caption (西安市在陕西省的地理位置).
_PLACED_IN_A_MONTAGE = re.compile(r"(?:^|[；;，,\s])(?:[上中下左右]{1,2}|[左右][上下])\s*[：:]")
_WHERE_ON_A_MAP = re.compile(r"^[^，,。！？；;]{2,24}[在於于][^，,。！？；;]{1,12}的(?:地理)?位置$")
# ... never a clause: 542 ± 0.3 Ma：寒武纪大爆发－…，古生代开始 is a line of a list of events
_CLAUSE_MARK = re.compile(r"[，。；！？：,;!?:]")
# A label, a bar and what it is: a spec sheet's or a credits' row (作者｜周雨桐)
_FIELD_AND_VALUE = re.compile(r"^[\u3400-\u9fff]{1,6}\s*[｜|]\s*[^｜|。！？]{1,60}$")
# A table of figures, a row a line: cells apart, at least half of them numbers.
_TABLE_ROW_CELLS = 4
# (a forecast's year is 2025E, an actual one 2023A)
_TABLE_NUMBER = re.compile(r"^[≥≤><~约]?[−\-+]?[0-9]+(?:[.,][0-9]+)?[%％月日年℃°万亿个张]?[EA]?$")
# A line that ends by crediting a picture after a short text: 24小時雨量預測。（取自中央氣象署官網）,
# 行政院5日再次呼籲國會，儘速審議今年總預算。（Photo by 呂翔禾／台灣醒報）
# ... or by its photographer, bracketed or not: 中央社記者張家銘攝 113年5月21日, 記者林建宏／攝影
_PHOTOGRAPHER = re.compile(
    r"[记記]者\s*[\u3400-\u9fff]{2,4}\s*[／/]?\s*[摄攝](?:影)?(?:\s*[0-9]{2,4}年[0-9]{1,2}月[0-9]{1,2}日)?[）)]?$")
_CREDIT_CLOSES = ("攝）", "摄）", "攝)", "摄)")
_CREDITED = re.compile(
    r"[（(]\s*(?:(?:示意)?(?:[圖图]片?\s*[／/：:︰]|[圖图]片?[來来]源|取自|翻[摄攝]|[摄攝]影|截[圖图]|[资資]料照)"
    r"|Photo\s*(?:by\b|[:：]))[^（）()]{0,30}[）)]$",
    re.IGNORECASE,
)

_BYLINE = re.compile(
    r"^(?:[·•‧]\s*\S{1,6}\s*[·•‧]$"  # ·鲁迅·
    r"|(?:【[^】]{1,6}】\s*)?[（(【\[]?(?:文|撰文|作者|[记記]者|[编編]者|[编編]?[辑輯]|整理|口述|采[访訪]|採[訪访]|排版|[责責]任[编編][辑輯]|来源|來源|出[处處])"
    r"\s*[／/：:︰|｜╱]\s*[^。！？?，,]{1,15}$"  # 文/曹博凱, 【纠错】 【责任编辑：张樵苏】, not 記者：a question
    # a paper's byline after its date: 2024-05-20 06:30　聯合報／記者林佳蓉、陳冠宇／台北報導
    r"|(?:[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}(?:\s+[0-9]{1,2}:[0-9]{2})?[\s\u3000]+)?[^。！？]{0,12}[／/╱]\s*"
    r"(?:記者|记者)[^。！？]{1,30}[／/╱]\s*[^。！？／/╱]{1,10}(?:報導|报道)$"
    # a newspaper's own reporters: 本报记者  孙婉清, 本報記者 王小明 李華
    r"|(?:本[报報刊台网網]|本[报報]特[约約])[记記]者(?:\s*[\u3400-\u9fff·]{2,4}){1,4}$"
    # an author's bio, roles apart by slashes: CFA持证人 / 前公募基金研究员 / 只讲大白话的理财博主
    r"|[^。！？/]{2,20}(?:\s+/\s+[^。！？/]{2,20}){2,}$"
    # a film's credits: 总导演：许知衡, 特别鸣谢：泾县各宣纸生产企业, 本片由泾川文化传媒有限公司出品
    r"|(?:总?导演|總?導演|监制|監製|制片人?|製片人?|出品人?|特别鸣谢|特別鳴謝|鸣谢|鳴謝)\s*[：:]\s*[^。！？?]{1,30}$"
    # ... and as the screen shows them, a role, a space and who: 学术顾问 周立群 王晨曦, 剪辑 李想
    r"|(?:总?导演|總?導演|编导|編導|监制|監製|制片人?|製片人?|出品人?|特别鸣谢|特別鳴謝|鸣谢|鳴謝|摄影|攝影|摄像|攝像"
    r"|剪辑|剪輯|解说|解說|配音|撰稿|(?:学术|學術)?顾问|(?:学术|學術)?顧問|音乐|音樂|作曲|调色|調色|航拍|录音|錄音|混音|字幕)"
    r"[ \u3000]+[^。！？?，,：:]{2,40}$"
    r"|本(?:片|节目|節目|视频|視頻|集)由[^。！？]{2,30}(?:出品|制作|製作|摄制|攝製|联合出品|聯合出品)$"
    # a programme's guest and who they are: 何　佳（江南某汽车零部件集团数字化中心负责人）
    r"|[\u3400-\u9fff](?:[ \u3000]?[\u3400-\u9fff]){1,3}\s*[（(][^（）()。！？]{6,40}[）)]$"
    # a talk's speaker, host or translator, with their post: 主讲：张启明（某大学生命科学学院教授）
    r"|(?:主[讲講]人?|[讲講]者|演[讲講]者?|嘉[宾賓]|主持人?|翻[译譯]|[译譯]者|校[对對]|审[校订]|審[校訂])\s*[：:]\s*"
    r"[\u3400-\u9fff·A-Za-z]{2,12}(?:\s*[（(][^（）()。！？?]{1,30}[）)]|\s*[｜|]\s*[^。！？?｜|]{2,40})?$"
    # the paper and page an article was printed on: 《 人民日报 》（ 2024年03月18日 第 10 版）
    r"|《[^》]{1,12}》\s*[（(]\s*[0-9]{4}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日[^（）()]{0,12}[）)]$"
    # a press release's date, source and contact: 發布日期：113-12-19, 資料來源：環境部,
    # 新聞聯絡人：王小明 科長, 聯絡電話：02-2311-7722 分機 2101
    r"|(?:[发發][布佈]日期|成文日期|印[发發]日期|日期|[资資]料[来來]源|(?:[新][闻聞])?[联聯][络絡]人|[联聯][络絡][电電][话話]|[联聯][系繫][电電][话話]"
    r"|[电電][话話]|[传傳]真|[电電]子信箱|[电電]子[邮郵]件|E-?mail)\s*[：:]\s*[^。！？?，,]{1,30}$"
    # a report's sources, however many (资料来源：CNESA，华泰研究), its analysts and its rating
    r"|(?:[资資]料|[数數]据|[數]據)[来來]源\s*[：:]\s*[^。！？?]{1,40}$"
    r"|(?:分析[师師]|研究[员員]|[联聯][系繫]人|[邮郵]箱|(?:[执執]业|[執]業)?[证證][书書][编編][号號]|(?:投[资資]|行[业業]|公司)?[评評][级級])"
    r"\s*[：:]\s*[^。！？?]{1,40}$"
    # a date alone: 2024年05月20日, 2025/08/23 09:12, 二〇二三年九月十八日; a Taiwan judgment's
    # 中  華  民  國  112  年  9  月  14  日 and 民國 112 年 09 月 14 日
    r"|(?:(?:中\s*[华華]\s*)?民\s*[国國]\s*)?(?:[0-9]{2,4}|[〇○零一二三四五六七八九]{4})\s*[年/.\-]\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2})\s*[月/.\-]"
    r"\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日?(?:\s*[（(]?(?:星期|週|周|礼拜|禮拜)[一二三四五六日天][）)]?)?"
    r"(?:\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?(?:\s*[（(][^（）()]{0,16}[更][新][）)])?$"  # …（12/06 09:15 更新）
    # ... or a month, closing a story: 一九二一年一月。
    r"|(?:[0-9]{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2})\s*月。?$"
    r"|.{0,20}(?:法新社|路透社?|美[联聯]社|新[华華]社|中央社|[彭]博社?|共同社|合[众眾]社)[^。！？]{0,20}$"
    # a reporter's credit: 台灣醒報／ 記者呂翔禾╱台北報導, 【台灣醒報記者呂翔禾台北報導】
    r"|[〔【\[（(]?[^。！？，,]{0,12}[记記]者[^。！？，,]{1,20}(?:[报報][导導]|[电電])[〕】\]）)]?$"
    # a PTT post's header: 作者 lovecat (貓奴) 看板 Gossiping, 時間 Tue Dec  3 21:15:42 2024
    r"|作者\s+\S+.*\s看板\s+\S+$|[時时]間\s+[A-Z][a-z]{2} [A-Z][a-z]{2}\s+\d.*$"
    # a social-media post's author, account and time: 原创 小鹿 鹿鸣财经 2023-05-06 08:00 发表于北京
    r"|(?:原创|原創)\s.{0,40}$|.{0,30}\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?:\s*(?:发表于|發表於)\S{0,6})?$"
    # the number an official document is issued under: 国发〔2023〕16号, 鄂政發〔2018〕26號
    r"|[^\s，,。]{1,10}\s*[〔\[［【(（]\s*(?:19|20)[0-9]{2}\s*[〕\]］】)）]\s*[0-9]{1,4}\s*[号號]$"
    # ... and the number of a court's case: （2023）京0105民初12345号
    r"|[〔\[［(（]\s*(?:19|20)[0-9]{2}\s*[〕\]］)）]\s*[^\s，,。]{1,16}[0-9]\s*[号號]$)"
)

_REFERENCES = re.compile(
    r"^(?:[0-9.]+\s*)?(?:参考文献|參考文獻|参考资料|參考資料|参考书目|參考書目|外部链接|外部連結|延伸阅读|延伸閱讀"
    r"|参见|參見|参阅|參閱|相关条目|相關條目|另见|另見|注释|註釋|脚注|腳註|References|See also|External links"
    r"|Further reading|Notes|往期推荐|往期推薦|往期回顾|往期回顧|推荐阅读|推薦閱讀|相关阅读|相關閱讀|相关推荐|相關推薦"
    r"|热门推荐|熱門推薦|猜你喜欢|猜你喜歡|相关新闻|相關新聞|相关报道|相關報導|延伸新闻|延伸新聞"
    # ... and a research note's statements, its boilerplate after the analysis
    r"|分析师声明|分析師聲明|免责声明|免責聲明|重要声明|重要聲明|法律声明|法律聲明|特别声明|特別聲明"
    r"|(?:投资)?评级说明|(?:投資)?評級說明|版权声明|版權聲明)\s*[：:]?$",
    re.IGNORECASE,
)

# ... and a file to download: 附件1　…推動計畫（核定本）.pdf　（2.31MB）
_LINK = re.compile(r"https?://|www\.|\.(?:com|org|net|gov|edu)\b|\.(?:pdf|docx?|xlsx?|odt|ods|pptx?|zip|rar)\b",
                   re.IGNORECASE)

# A blog's tags, each a link to its other posts: #台南美食 #牛肉湯 #府城小吃, or closed as
# Weibo and Xiaohongshu write them: #大理旅游攻略# #洱海#
_HASHTAGS = re.compile(r"^(?:[#＃][^#＃\s]+[#＃]?\s*){2,}$")

# What Wikipedia prints around an article, in either script: its motto, the links that skip
# to navigation, and the notices asking for sources (此條目需要补充更多来源。, 请协助補充多方面
# 可靠来源以改善这篇条目…, 致使用者：请搜索一下条目的标题…), each opening its line. Whole lines, however long:
# their words (条目, 可靠来源, 查证) are the wiki's, not the article's.
_NOTICE = re.compile(
    r"(?:跳(?:转|轉)?[到至](?:导航|導航|导览|導覽|搜索|搜尋)"
    # a blog's affiliate notice, a call to follow an account, a link to click, a count of comments
    r"|.{0,20}(?:含有|包含)?(?:聯盟行銷|联盟营销|推廣|推广|贊助|赞助)(?:連結|链接)"
    # a programme's sponsor: 本集節目由「職涯實驗室 CareerLab」贊助播出。
    r"|(?:本集|本期|本节目|本節目).{0,30}由.{1,40}(?:赞助|贊助)(?:播出|播放|提供)?。?$"
    r"|.{0,10}(?:欢迎|歡迎|记得|記得)(?:关注|關注|追蹤|追踪|訂閱|订阅|分享|轉發|转发|按讚|点赞).{0,60}$"
    r"|.{0,40}(?:點這裡|点这里|點此|点此|點我|点我)(?:看|購買|购买|前往|查看|了解)?.{0,12}$"
    r"|(?:留言|评论|評論)\s*[（(][0-9]+[）)]$|(?:回覆|回复)$|(?:回|返回|回到)(?:頁首|页首|顶部|頂部)$"
    # a contents line with its leaders and page: 一、指导思想………………3
    r"|.{1,40}?[.…·．・]{4,}\s*[0-9]{1,4}\s*$"
    # a page's tools: 【字体：大 中 小】 打印本页 分享到：微信 微博, 扫一扫在手机打开当前页
    r"|.{0,60}(?:字[体體]\s*[：:]?\s*[【\[]?\s*大\s+中\s+小|打印本[页頁]|友善列印|列印本[页頁]|[关關][闭閉][窗视視]口|扫一扫在手机|分享到\s*[：:])"
    # a line wholly in brackets that is no number and no sentence: （完）, （本文来源：外交部网站）,
    # a transcript's （10時15分） and （發言台下有委員插話）; not a blogger's aside (不妙阿,我被当花痴了吗?囧)
    r"|[（(](?![一二三四五六七八九十0-9０-９]+[）)])[^（）()。！？!?，,；;]{1,24}[）)]$"
    r"|[此本](?:条目|條目)(?:需要|没有|沒有|可能|的|存在)|.{0,20}[请請](?:协助|協助).{0,30}(?:条目|條目)"
    r"|致使用者\s*[：:]"
    r"|(?:词条图册|詞條圖冊|更多图册|更多圖冊|词条标签|詞條標籤|本词条|本詞條)"  # Baidu Baike's
    # ... and what any site prints around a page: where the page is (您的位置: 首页 » 法律法规 »),
    # and where to click to download it
    r"|(?:您的位置|您现在的位置|您現在的位置|当前位置|當前位置|现在位置|現在位置)\s*[：:]"
    r"|(?:首页|首頁)\s*[»>›/]|(?:英文)?(?:法規名稱|法规名称)\s*[：:]"
    # ... a path of sections, after a label or not: 法規類別：行政 ＞ 內政部 ＞ 營建目
    r"|(?:[\u3400-\u9fff]{2,6}\s*[：:]\s*)?[\u3400-\u9fff]{1,10}(?:\s*[>＞»›]\s*[\u3400-\u9fff]{1,10}){2,}$"
    # ... a page's count of readers, its licence number and the screen it is best seen on:
    # 點閱次數：1234, 京ICP备12345678号, 最佳瀏覽解析度 1024x768
    r"|.{0,30}(?:點閱|点阅|瀏覽|浏览|閱覽|阅览)(?:次數|次数|人次)|.{0,30}ICP\s*[备備证證]"
    r"|.{0,30}(?:瀏覽|浏览)(?:解析度|分辨率)|(?:下载地址|下載地址)\s*[：:]|(?:点击|點擊)(?:此处|此處|这里|這裡)"
    # ... and a social-media account's calls to follow, share and read on (WeChat's 点击上方蓝字
    # 关注我们, 长按识别二维码, 点个“在看”, 阅读原文)
    r"|(?:点击|點擊|戳)(?:上方|下方|蓝字|藍字|关注|關注)|(?:长按|長按|扫码|掃碼|扫描|掃描)(?:识别|識別)?"
    r"(?:二维码|二維碼|图中|圖中|下方|关注|關注)|点个?\s*[“\"「]?在看|(?:阅读|閱讀)原文$"
    # ... and what PTT adds to a post: ※ 發信站: 批踢踢實業坊(ptt.cc), ※ 文章網址: …, ※ 編輯: …
    r"|※\s*(?:發信站|发信站|文章網址|文章网址|編輯|编辑|引述|轉錄|转录)"
    # ... and a wiki's hatnotes: 关于其他类型的痴呆，请见“痴呆”。 (its redirects: _REDIRECT)
    r"|(?:本文|此[条條]目|本[条條]目)?(?:介[绍紹]的是|[说說]明的是).{0,30}[。，,]\s*(?:关于|關於)"
    r"|(?:关于|關於).{1,30}[，,]\s*(?:请见|請見|请参见|請參見|参见|參見|请参阅|請參閱|参阅|參閱)"
    # ... and a statute's history and the amendments it notes, each wholly in brackets:
    # （1979年7月1日第五届全国人民代表大会第二次会议通过　…修正）, （根据《…修正案（十一）》修改）
    r"|[（(](?:[^（）()]|[（(][^（）()]{1,8}[）)])*(?:通过|通過|修正|修改|公布|施行|增加|删去|刪去|删除|刪除)[）)]$"
    r"|(?:目录|目錄|目次)$"
    # ... and an online encyclopedia's buttons and synonym line: 编辑, 播报, 同义词 钙钛矿电池一般指…
    r"|(?:[编編][辑輯]|播[报報]|[编編][辑輯]\s*播[报報])$|同[义義][词詞]\s"
    # ... and a report's or a site's disclaimer: 免责声明：本报告仅供…客户参考。…
    r"|(?:免责|免責|法律|重要|特别|特別)(?:声明|聲明)\s*[：:])"
)

# A wiki's redirect: （重定向自老年痴呆症）, “老年痴呆”重定向至此。
_REDIRECT = re.compile(r"[（(]?(?:重定向自|重新[导導]向自)|.{0,20}(?:重定向至此|重新[导導]向至此)")

# A site's or an author's claim to the text, however it is worded around it: 著作权归作者所有。
# 商业转载请联系作者获得授权，非商业转载请注明出处。 (Zhihu), 版权所有，翻印必究: its words
# (转载, 授权, 出处) are no words of the text.
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|Ⓒ|Copyright\b)|(?:著作权|著作權|版权|版權)(?:归|歸)|(?:版权|版權)所有|(?:转载|轉載)(?:请|請)|(?:未经|未經)(?:许可|許可|授权|授權|同意)"
    r"|(?:不得|禁止|谢绝|謝絕)(?:转载|轉載)|(?:商业|商業)(?:转载|轉載)|(?:免责|免責)(?:声明|聲明)"
)
# ... and a transcript's note on how it was made: （本文根据现场录音整理，未经主讲人审阅）
_MADE_FROM = re.compile(r"(?:根据|根據)[^，,。]{0,12}"
                        r"(?:录音|錄音|速记|速記|视频|視頻|音频|音頻|发言|發言|节目|節目|播客)[^，,。]{0,4}整理"
                        r"|(?:未经|未經)[^，,。]{0,8}(?:审阅|審閱|审定|審定|审核|審核)")

# The counts and buttons a social site prints around a post: 关注者 3,281 被浏览 2,145,907,
# 赞同 1.2 万　986 条评论　分享　收藏　喜欢. Two of them on a short line make it the site's.
_SOCIAL_COUNTS = re.compile(
    r"关注者|關注者|被浏览|被瀏覽|赞同|贊同|点赞|點讚|条评论|條評論|分享|收藏|喜欢|喜歡|转发|轉發|阅读量|閱讀量|举报|舉報"
)

# ... one count alone on its line (赞同 2.3 万, 1,024 条评论, 2,341 人赞同了该回答, 展开其余 1,018 条评论),
# and where the writer posted from (编辑于 2024-03-02・IP 属地北京)
_ONE_COUNT = re.compile(
    r"^\W*(?:(?:赞同|贊同|赞|讚|喜欢|喜歡|收藏|评论|評論|转发|轉發)\s*[0-9][0-9.,]*\s*[万萬千]?"
    r"|(?:[展查]\w{0,3}\s*)?[0-9][0-9.,]*\s*[万萬]?\s*(?:条评论|條評論|人赞同了该回答|人贊同了該回答|个回答|個回答|次浏览|次瀏覽))\W*$")
_IP_REGION = re.compile(r"IP\s*(?:属地|屬地)")

_NOTICE_LENGTH = 60  # characters: a notice is a line or two; a paragraph on copyright is text

# ... and the motto anywhere in a line, where a copy runs the page's lines together.
_WIKI_MOTTO = re.compile(r"[维維]基百科\s*[，,]\s*自由的百科全[书書]")

# A page's own details on one line: 时间:2024-04-29 来源: 法律资料网 作者:… 阅读:9237. Two such
# labels or more make it the page's byline, whatever its length.
_PAGE_DETAIL = re.compile(
    r"(?:发布时间|發佈時間|發布時間|时间|時間|日期|来源|來源|作者|阅读|閱讀|浏览量?|瀏覽量?|点击|點擊|"
    r"责任编辑|責任編輯|编辑|編輯|分类|分類|字号|字號|"
    r"撰稿|摄影|攝影|剪辑|剪輯|导演|導演|制片|製片|配音|解说|解說)\s*[：:]"  # a film's credits
)


_SENTENCE_END = re.compile(r"[。！？!?；;…]")

# A bullet (● 全球储能装机持续高增长。): a list item, or prose if it holds sentences.
_BULLET = re.compile(r"^[*•·‧．・\-－—–◎○●◇◆■]\s*\S")


# What an official document prints around its text, at any length: who is responsible for
# a task (责任单位：省发展改革委、省财政厅), who gets copies (抄送：…), its annexes, its
# salutation (各市、县（区）人民政府，省政府各部门：) and the office and day it was issued.
_OFFICIAL = re.compile(
    r"^(?:(?:责任|牵头|配合|主办|承办|协办|参与)单位|[责責]任[单單]位|抄送|抄报|抄報|附件\s*[0-9]*|主题词|主題詞)\s*[：:]"
    r"|^各[^。！？]{1,40}[：:]$"
    # ... however many it addresses: 各省、自治区、直辖市及计划单列市…主管部门，国资委，有关中央企业：
    r"|^各(?=(?:[^、]*、){3})[^。！？]{41,200}[：:]$"
    r"|^(?:[关關][键鍵][词詞字]|Key ?words?)\s*[：:]"  # a paper's keywords: 关键词：新能源汽车；动力电池
    r"|^(?:相[关關])?(?:标签|標籤|Tags?)\s*[：:]"  # a page's tags: 标签：新能源汽车　反补贴税　欧盟
    # a government site's details of a document: 主题分类：网络安全\数据安全, 发文字号：…令第21号
    r"|^(?:主[题題]分[类類]|[发發]布机[关關]|[发發]布機關|[发發]文机[关關]|[发發]文機關|[发發]文字[号號]|文\s*[号號])\s*[：:]"
    # a statute's history, a line an amendment, and its date: 2.中華民國一百零五年十一月十六日總統華總一義字
    # 第10500140811號令修正公布第 5、16 條條文; 修正日期：民國 113 年 05 月 29 日
    r"|^[0-9]+\s*[.、．]\s*中華民國.{2,16}年.{1,6}月.{1,6}日.{0,6}(?:總統|行政院|立法院|考試院|司法院)"
    r"|^(?:修正|公布|發布|施行|生效)日期\s*[：:]"
)
# A judgment's parties, their representatives and its bench, each with their details.
_PARTY = re.compile(
    r"^(?:原告|被告|上诉人|被上诉人|原审原告|原审被告|第三人|申请人|被申请人|申请执行人|被执行人|委托诉讼代理人|委托代理人"
    r"|诉讼代理人|法定代表人|法定代理人|辩护人|公诉机关|原告人|被告人|上訴人|被上訴人|訴訟代理人)"
    r"(?:[（(][^（）()]{1,12}[）)])?\s*[：:]"
)
_PARTY_OPENINGS = frozenset("原被上第申委诉法辩公訴")
# An official document's title, on one line or broken over two: …关于印发《…》的通知
_DOCUMENT_TITLE = re.compile(
    r"^[^，,。；;！？!?：:]{2,60}?(?:(?:的)?(?:通知|意见|意見|决定|決定|办法|辦法|方案|规定|規定|批复|批覆|公告|通报|通報|决议|決議)"
    r"|《[^》]{2,40})$"
)
# what _OFFICIAL opens with
_OFFICIAL_OPENINGS = frozenset("责責牵牽配主承协協参參抄附各关關Kk0123456789修公發施生相标標Tt发文")
_ISSUED = re.compile(r"^[^。！？，,]{2,30}\s+(?:19|20)[0-9]{2}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日\s*印[发發]$")

# A heading run into its paragraph: （一）指导思想。以习近平…, 1.加快工业领域设备更新。围绕…; not
# a statute's item and its proviso (四、經當事人書面同意。但逾越…)
_RUN_IN_HEADING = re.compile(
    rf"^(?:(?:[（(][{_NUMERAL}]+[）)]|[0-9]+[.．](?![0-9]))\s*[^，,；;。：:、“”「」]{{1,20}}"
    rf"|关于争议焦点[{_NUMERAL}]+|關於爭議焦點[{_NUMERAL}]+)[。．]$")  # a judgment's 关于争议焦点一。


def sentence_kind(line_kind: str, sentence: str, opens_line: bool) -> str:
    """The kind of a sentence on a line of `line_kind`: a line's own, except a heading run
    into the paragraph it heads (`opens_line`: the line's first sentence, more after it)."""
    if line_kind == TEXT and opens_line and _RUN_IN_HEADING.match(sentence) and not sentence[:-1].endswith("的"):
        return HEADING
    if line_kind == TEXT and "." in sentence and _listed_companies(sentence):
        return LIST_ITEM
    return line_kind


# A listed company's code in brackets after its name: 宁德时代（300750.SZ）
_STOCK_CODE = re.compile(r"[（(][0-9]{4,6}\.[A-Z]{1,3}[）)]")
_ITEM_OPENING = re.compile(r"^(?:[0-9]{1,2}[）)]|[（(][0-9一二三四五六七八九十]{1,2}[）)])")


def _listed_companies(sentence: str) -> bool:
    """A research note's picks, companies and their codes: 2）储能电芯：宁德时代（300750.SZ）、
    亿纬锂能（300014.SZ）； two codes or more, or one in a numbered item."""
    codes = len(_STOCK_CODE.findall(sentence))
    return codes >= 2 or (codes == 1 and _ITEM_OPENING.match(sentence) is not None)


def page_furniture(lines: list[str]) -> frozenset[int]:
    """Indices of the lines a PDF viewer's copy keeps of each page's edges: its number
    (— 2 —, 第 3 页, - 4 -) and the running header or footer printed beside it on every
    page (江州市养老服务体系建设“十五五”规划). Only in a text with two page numbers at least."""
    numbers = [i for i, line in enumerate(lines) if line.strip() and _PAGE_NUMBER.match(line)]
    if len(numbers) < 2:
        return frozenset()
    near = {j for i in numbers for j in range(i - 2, i + 3) if 0 <= j < len(lines)}
    repeated = Counter(line.strip() for line in lines if 0 < len(line.strip()) <= 2 * _SHORT)
    running = {j for j in near if repeated[lines[j].strip()] >= 2 and not _SENTENCE_END.search(lines[j].strip()[-1:])}
    return frozenset(numbers) | frozenset(running)


# A page's number alone on its line: — 2 —, - 3 -, 第 4 页, 第4页 共12页, 5/12
_PAGE_NUMBER = re.compile(
    r"^[\s\-—–－·•|]*(?:第\s*[0-9]+\s*[页頁](?:\s*[/，,]?\s*共\s*[0-9]+\s*[页頁])?|[0-9]+\s*/\s*[0-9]+"
    r"|(?<=[\-—–－])\s*[0-9]{1,3})[\s\-—–－·•|]*$")


def cue_kinds(text: str) -> list[str]:
    """The kind of each line of subtitles: dialogue, however short and unpunctuated,
    but for what a film prints on screen besides it: a name and who they are
    (汪德明｜宣纸捞纸工), its credits, and the next episode's trailer announced."""
    kinds = []
    for line in (line.strip() for line in text.split("\n")):
        if _FIELD_AND_VALUE.match(line) or (
                _NAME_AND_ROLE.match(line) and dictionary.is_surname(to_simplified(line[0]))):
            kinds.append(LIST_ITEM)
        elif _BYLINE.match(line) or (line.count("：") + line.count(":") >= 2 and len(_PAGE_DETAIL.findall(line)) >= 2):
            kinds.append(BYLINE)
        elif _NOTICE.match(line) or _NEXT_EPISODE.match(line):
            kinds.append(NOTICE)
        else:
            kinds.append(TEXT)
    return kinds


# A name on screen and who they are, a space between: 何长贵 湖南岳阳市君山区护渔员 (a surname
# first, and a post or a body last: 员, 长, 师, 家, 主播, 教授, 办公室…).
_NAME_AND_ROLE = re.compile(
    r"^[\u3400-\u9fff]{2,3}[ \u3000]+[^。！？?，,：:]{2,40}"
    r"(?:员|員|长|長|师|師|家|手|工|者|主播|教授|博士|书记|書記|主任|经理|經理|老板|老闆|代表|女儿|女兒|儿子|兒子|室|所|局|站|队|隊|会|會)$")


_NEXT_EPISODE = re.compile(r"^(?:下集|下期|下一集|下一期)(?:预告|預告)$")


def line_kinds(text: str, furniture: frozenset[int] | None = None) -> list[str]:
    """The kind of each line of `text` (index 0 is line 1); `furniture`: the page_furniture
    of its lines, where the caller has it already."""
    lines = text.split("\n")
    kinds = []
    first = True  # no line of the text itself yet: the page's furniture may come before its title
    for line in lines:
        kinds.append(_kind(line.strip(), first))
        first = first and (not line.strip() or kinds[-1] in _BEFORE_TITLE)
    for i in page_furniture(lines) if furniture is None else furniture:
        kinds[i] = NOTICE
    _mark_lists(lines, kinds)
    _mark_table_rows(lines, kinds)
    _mark_chapters(lines, kinds)
    _mark_infobox(lines, kinds)
    _mark_author_notes(lines, kinds)
    _mark_author_line(lines, kinds)
    _mark_captions_above_credits(lines, kinds)
    _mark_entry_names(lines, kinds)
    _mark_bare_headings(lines, kinds)
    _mark_contents(lines, kinds)
    _mark_references(lines, kinds)
    return kinds


def _mark_table_rows(lines: list[str], kinds: list[str]) -> None:
    """A line of cells apart by tabs beside a row of as many cells is a row too, though a
    cell holds a clause (效率记录长期领先；TiO2需高温烧结): a table copied from a page."""
    cells = [line.strip().count("\t") + 1 if "\t" in line else 0 for line in lines]
    for i, kind in enumerate(kinds):
        if kind == TEXT and cells[i] >= 2 and any(
                0 <= j < len(lines) and kinds[j] == LIST_ITEM and cells[j] == cells[i] for j in (i - 1, i + 1)):
            kinds[i] = LIST_ITEM


def _mark_chapters(lines: list[str], kinds: list[str]) -> None:
    """Lines that open with a time, three or more in a row, one of them past 23 minutes or
    at 00:00, are a programme's chapters and the time each starts at (03:15　人才缺口到底缺在哪？
    … 46:20　非本科系可以轉職嗎？): a list, whatever each says; a day's timetable keeps
    its clock times under 24:00, and its rows are the author's prose."""
    times = [_CHAPTER_TIME.match(line.strip()) for line in lines]
    for run in _runs_where([bool(time) for time in times]):
        found = [times[k] for k in run]
        if len(run) >= 3 and any(m and (int(m.group(1)) >= 24 or m.group(0).startswith(("00:00", "0:00")))
                                 for m in found):
            for k in run:
                kinds[k] = LIST_ITEM


def _mark_infobox(lines: list[str], kinds: list[str]) -> None:
    """Rows of a label and a value after a space, two or more among three or more rows of a
    list, are an infobox (症狀 記憶減退、語言障礙…, 藥物 乙醯膽鹼酯酶抑制劑、…): data, no
    sentences. One such line alone may be a headline (政院催審總預算 盼6日付委國會辯論)."""
    rows = [kind == TEXT and bool(_INFOBOX_ROW.match(line.strip())) for line, kind in zip(lines, kinds)]
    # ... and among them, rows of a short phrase: 病程 長期
    members = [kind == LIST_ITEM or (kind == TEXT and bool(_LABELLED.match(line.strip())))
               for line, kind in zip(lines, kinds)]
    for run in _runs_where(members):
        if len(run) >= 3 and sum(rows[k] for k in run) >= 2:
            for k in run:
                kinds[k] = LIST_ITEM


def _runs_where(flags: list[bool]) -> Iterator[range]:
    """The stretches of consecutive lines for which `flags` holds."""
    start = 0
    for flag, group in groupby(flags):
        length = sum(1 for _ in group)
        if flag:
            yield range(start, start + length)
        start += length


def _mark_captions_above_credits(lines: list[str], kinds: list[str]) -> None:
    """A short paragraph right above a picture's credit (圖／聯合報系資料照片) is the picture's
    caption: 少子化衝擊下，私立幼兒園招生壓力沉重…家長抽籤抽到心累。"""
    for i, line in enumerate(lines):
        if kinds[i] != CAPTION or not _PICTURE_CREDIT.match(line.strip()):
            continue
        above = next((j for j in range(i - 1, -1, -1) if lines[j].strip()), None)
        if above is not None and kinds[above] == TEXT and len(lines[above].strip()) <= _CAPTION_ABOVE:
            kinds[above] = CAPTION


_PICTURE_CREDIT = re.compile(r"^(?:[圖图]|照片|[圖图]片|攝影|摄影)\s*[／/：:]")
_CAPTION_ABOVE = 100


def _mark_author_notes(lines: list[str], kinds: list[str]) -> None:
    """The paragraph under a heading that introduces the author (【作者簡介】, 关于作者) is
    who wrote the text, no text of it: 林晏如，彰化芳苑人……曾獲台積電青年學生文學獎; and
    so is a line that opens with such a heading (【作者简介】贾秋生，1957年生…) or says where
    the text first appeared (（原载《北岸文学》1998年第4期，…本文为节选。）)."""
    for i, line in enumerate(lines):
        if kinds[i] == TEXT and (_ABOUT_THE_AUTHOR_INLINE.match(line.strip()) or _FIRST_PRINTED.match(line.strip())):
            kinds[i] = BYLINE
        if not _ABOUT_THE_AUTHOR.match(line.strip()):
            continue
        if kinds[i] == TEXT:
            kinds[i] = BYLINE  # the heading itself (作者簡介)
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        while j < len(lines) and lines[j].strip() and kinds[j] == TEXT:
            kinds[j] = BYLINE
            j += 1


_ABOUT_THE_AUTHOR = re.compile(
    r"^[【\[［〔]?\s*(?:(?:作者|译者|譯者|講者|讲者)(?:简介|簡介|介绍|介紹|小传|小傳)|关于作者|關於作者)\s*[】\]］〕]?[：:]?$")


_ABOUT_THE_AUTHOR_INLINE = re.compile(
    r"^[【\[［〔]\s*(?:作者|译者|譯者)(?:简介|簡介|介绍|介紹|小传|小傳)\s*[】\]］〕]\s*[：:]?\s*\S")
_FIRST_PRINTED = re.compile(
    r"^[（(]\s*(?:原载|原載|原刊|刊于|刊於|选自|選自|摘自|转载自|轉載自|首发于|首發於|本文(?:原|选|選|摘|首))[^（）()]*"
    r"(?:[（(][^（）()]*[）)][^（）()]*)*[）)]$"
    # ... or, unbracketed, a sentence of it alone: 本文原載於《聯合文學》2025年1月號，經作者同意轉載。
    r"|^本文(?:原[载載]|原刊|首[发發]|[选選]自|摘自)[于於]?《[^》]{1,20}》[^。]{0,30}。?$")


def _mark_author_line(lines: list[str], kinds: list[str]) -> None:
    """A line with nothing but a person's name right under the title is its author's:
    工　龄 / 贾秋生 / 题记：…"""
    title = next((i for i, kind in enumerate(kinds) if kind == TITLE), None)
    if title is None:
        return
    after = next((i for i in range(title + 1, len(lines)) if lines[i].strip()), None)
    if after is None or kinds[after] != TEXT:
        return
    name = re.sub(r"[\s\u3000]", "", lines[after])
    if 2 <= len(name) <= 4 and all(map(is_han, name)) and dictionary.is_surname(to_simplified(name[0])) \
            and not dictionary.knows(name):
        kinds[after] = BYLINE


_CHAPTER_TIME = re.compile(r"^([0-9]{1,2}):[0-9]{2}(?::[0-9]{2})?[ \u3000\t]+(?=\S)[^。]{1,50}$")


def _mark_entry_names(lines: list[str], kinds: list[str]) -> None:
    """An online encyclopedia prints its buttons under the entry's name (播报 alone) and
    under each section's (播报 and 编辑, or 编辑): the entry's name is the title, whatever
    the page printed above it (百度首页, 登录, 进入词条), and the sections' are headings."""
    named = False
    for i, line in enumerate(lines):
        name = line.strip()
        if not name or len(name) > _BARE_HEADING or _PUNCTUATION.search(name) or _BUTTONS.match(name):
            continue
        buttons = [lines[j].strip() for j in range(i + 1, min(len(lines), i + 5)) if lines[j].strip()][:2]
        if not buttons or not _BUTTONS.match(buttons[0]):
            continue
        if not named and buttons[0] in ("播报", "播報") and not (len(buttons) > 1 and _BUTTONS.match(buttons[1])):
            for j in range(i):
                if kinds[j] == TITLE:
                    kinds[j] = NOTICE
            kinds[i] = TITLE
        else:
            kinds[i] = HEADING
        named = True


_BUTTONS = re.compile(r"^(?:播[报報]|[编編][辑輯])(?:\s*(?:播[报報]|[编編][辑輯]))?$")


def _mark_contents(lines: list[str], kinds: list[str]) -> None:
    """The headings listed after a table of contents' own (目录) are its entries, not the
    text's headings, which come again below: up to the first line of another kind, or the
    first heading whose name is listed a second time (the text's own, numbered or not)."""
    for i, line in enumerate(lines):
        if kinds[i] != NOTICE or line.strip() not in ("目录", "目錄", "目次"):
            continue
        listed: set[str] = set()
        for j in range(i + 1, len(lines)):
            # an entry by its name, without the number the text's own heading may leave out (1 生平: 生平)
            entry = re.sub(r"^[0-9０-９]+(?:\.[0-9]+)*\s*|^=+\s*|\s*=+$", "", " ".join(lines[j].split()))
            if not entry:
                continue
            # the contents list the references' heading too (6 參考文獻): no references begin there
            if kinds[j] not in (HEADING, REFERENCE) or entry in listed:
                break
            listed.add(entry)
            kinds[j] = NOTICE


# What a page may print above an article's title.
_BEFORE_TITLE = frozenset({NOTICE, BYLINE, LINK})


# Pictographs a blog opens its lines with (📍地址：…, ⏰營業時間：…, 📖 延伸閱讀): no part of what
# the line is.
_PICTOGRAPHS = re.compile("^[\U0001F000-\U0001FAFF\u2600-\u27BF\u2300-\u23FF\u2B00-\u2BFF\uFE0F\u200D\\s]+")


def _may_open_with_pictographs(char: str) -> bool:
    return "\u2300" <= char <= "\u2bff" or char >= "\U0001f000" or char in "\ufe0f\u200d"


# A shop's or a trip's details, however they go on: 地址：…, 營業時間：14:00–18:30，賣完為止,
# 票價：…; what a trip cost: 🍱 餐費：大約NT$3,000; a meeting record's time, place and chair
_DETAILS = re.compile(
    r"^(?:地址|[电電][话話]|[营營][业業]?[时時][间間]|[营營][业業]|[公店]休|[价價][格位]|票[价價]|[门門]票|[网網]址|停[车車]"
    r"|[订訂][位房]|[预預]约|[预預]約|官[网網]|粉[丝絲][团團]|IG|FB)\s*[：:]"
    r"|^[\u3400-\u9fff]{1,6}\s*[：:][^。！？]{0,20}(?:NT\$|US\$|\$|￥|¥)\s*[0-9][0-9,]*[^。！？]{0,12}$"
    # a record's heading fields, the label spread out by wide spaces: 時　　間：…, 主　　席：…
    r"|^[\u3400-\u9fff](?:[\u3000 ]+[\u3400-\u9fff]){1,3}[\u3000 ]*[：:]"
    # ... and who speaks, a name alone after its role: 发言人：毛宁, 主持人：王芳, and who they are:
    # 嘉宾B：林琳（某地级市税务系统公务员，2022年考公上岸）
    r"|^[\u3400-\u9fff]{2,5}[\u3000 ]*[：:][\u3000 ]*[\u3400-\u9fff]{2,4}$"
    r"|^[\u3400-\u9fff]{2,5}[A-Za-z0-9]?[\u3000 ]*[：:][\u3000 ]*[\u3400-\u9fff]{2,4}[\u3000 ]*"
    r"[（(][^（）()]{6,40}[）)]$"
)


def _kind(line: str, first: bool) -> str:
    if line and _may_open_with_pictographs(line[0]) and (pictographs := _PICTOGRAPHS.match(line)):
        line = line[pictographs.end():]
    if not line:
        return TEXT
    if len(line) <= _NOTICE_LENGTH and ("：" in line or ":" in line) and _DETAILS.match(line):
        return BYLINE
    if _NOTICE.match(line) or _WIKI_MOTTO.search(line) or (len(line) <= _NOTICE_LENGTH and (
            _COPYRIGHT.search(line) or (("未" in line or "整理" in line) and _MADE_FROM.search(line)))):
        return NOTICE
    if "向" in line and _REDIRECT.match(line):
        return NOTICE
    if _SHARE_BAR.match(line):
        return NOTICE  # a page's buttons: 讚　分享　LINE　複製連結　字級
    if (len(line) <= _NOTICE_LENGTH and line[-1] not in "。！？!?；;…" and not _SENTENCE_END.search(line)
            and len(_SOCIAL_COUNTS.findall(line)) >= 2):
        return NOTICE
    if len(line) <= _SHORT and (_ONE_COUNT.match(line) or _IP_REGION.search(line)):
        return NOTICE
    if len(line) <= 3 * _SHORT and line.count(":") + line.count("：") >= 2 and len(_PAGE_DETAIL.findall(line)) >= 2:
        return BYLINE
    if line[0] in _PARTY_OPENINGS and _PARTY.match(line):
        return BYLINE  # a judgment's parties and their details: 被告：北京…有限公司，住所地…
    if _DOCUMENT_TITLE.match(line) and ("关于" in line or "關於" in line or "》的" in line or (
            len(line) <= _SHORT and not _PUNCTUATION.search(line))):
        # an official document's title, however it is broken: 国务院办公厅关于印发《…; the
        # page's title where only the site's details of the document come before it
        return TITLE if first else HEADING
    if (line[0] in _OFFICIAL_OPENINGS and _OFFICIAL.match(line)) or (
            line.endswith(("印发", "印發")) and _ISSUED.match(line)):
        return BYLINE
    if (_LINK.search(line) and len(line) <= 2 * _SHORT) or _HASHTAGS.match(line):
        return LINK
    credit = _CREDITED.search(line) or (("攝" in line or "摄" in line) and _PHOTOGRAPHER.search(line)) or None
    # (a photographer credited in brackets closes a caption however long: …廣告。（記者陳冠宇攝）)
    if _CAPTION.match(line) or (credit and (credit.start() <= _SHORT or line.endswith(_CREDIT_CLOSES))) or (
            len(line) <= 3 * _SHORT and (len(_PLACED_IN_A_MONTAGE.findall(line)) >= 2 or _WHERE_ON_A_MAP.match(line))):
        return CAPTION
    if _TABLE_ROW_CELLS <= len(cells := line.split()) and not _CLAUSE_MARK.search(line) and (
            2 * sum(bool(_TABLE_NUMBER.match(cell)) for cell in cells) >= len(cells)):
        return LIST_ITEM  # a row of a table of figures: 平均高温 °C 6.1 10.1 16.1 …
    if line.count("|") + line.count("｜") >= 2 and all(
            len(cell.strip()) <= _SHORT for cell in _BARS.split(line)):
        return LIST_ITEM  # a row of a table (繁體字 | 維基百科 |, 3 ｜ 拓展村级便民商店服务功能 ｜ 商务部): data
    if ("\t" in line or "\u3000\u3000" in line or "   " in line) and not _SENTENCE_END.search(line) and (
            cells := _CELL_GAP.split(line)) and len(cells) >= 2 and len(cells[0]) <= _LABEL and not (
            _SECTION_NUMBER.fullmatch(cells[0])) and all(
            len(cell) <= (2 * _SHORT if "\t" in line else _SHORT) for cell in cells):
        return LIST_ITEM  # a row of a table copied from a page, cells apart by tabs or wide gaps (納保率	逾99%)
    if _ISSUERS.match(line):
        return BYLINE  # the bodies that issue a document: 工业和信息化部 国家发展改革委 教育部 科技部
    if _NUMBERED_ROW.match(line):
        return LIST_ITEM  # a task table's row: 2 攻关核心零部件 工业和信息化部 科技部、国务院国资委
    if _SCHEDULE.match(line):
        return LIST_ITEM  # a trip's or a day's plan: Day1：武康路—安福路—愚园路, 10:30 圆明园路
    if _FIELD_AND_VALUE.match(line):
        return LIST_ITEM  # a spec sheet's row: 處理器｜Intel Core Ultra 7 155H, 螢幕｜14 吋 2.8K OLED
    if _LATIN_VALUE_ROW.match(line):
        return LIST_ITEM  # an infobox's row: 常見聚合物　PE、PP、PS、PET、PVC、PA
    if _ITEMS_BY_DOTS.match(line):
        return LINK  # a navigation box's row: 类型　热木星 · 超级地球 · 迷你海王星; 2024/10/16 · 58 分鐘 · 科技
    if _EPISODE.match(line):
        return LINK  # a programme's episode: EP.105｜研發替代役怎麼選？
    if _AMOUNT_ROW.match(line):
        return LIST_ITEM  # a budget's row: 共享办公工位（含网络、咖啡无限续）：399
    if (line[0] == "《" or line[0].isdigit()) and _DATED_TITLE.match(line):
        return LINK  # a research note's earlier reports: 2.《钠离子电池专题：从实验室走向储能电站》2025-06-03
    if _BULLET.match(line) and len(line) <= 2 * _SHORT:
        if line[1:].lstrip().startswith("【"):
            return LINK  # a related story: · 【新华视点】机器人“进厂打工”，还需跨过几道坎？
        if len(line) > _SHORT and not _SENTENCE_END.search(line):
            return LIST_ITEM  # a glossary's entry: · RAG（Retrieval-Augmented Generation，检索增强生成）
    if _NOTE_ENTRY.match(line):
        return REFERENCE  # an editor's note on a word of the story: 〔1〕朝奉：旧时对当铺中管事…的称呼。
    if _ZERO_NUMBERED.match(line) or _INTRODUCING.match(line):
        return HEADING  # a post's numbered section: 04 “县城婆罗门”和我的退路焦虑
    if wikitext := _WIKITEXT_HEADING.match(line):  # == 參考資料 ==, as a wiki's source writes its headings
        return REFERENCE if _REFERENCES.match(wikitext.group(2)) else HEADING
    if _NAVIGATION.match(line):
        return LINK
    if len(line) <= 3 * _SHORT and sum(map(line.count, ">＞»")) >= 2 and not _SENTENCE_END.search(line):
        return NOTICE  # where the page is: 自由時報　首頁 > 社會 >
    if first and _SHORT < len(line) <= _HEADLINE and not _STATEMENT_END.search(line) and not line.endswith(
            ("：", ":")) and _HEADLINE_PARTS.search(line):
        return TITLE  # a long headline in parts: 假投資詐騙再進化！AI深偽名人影片誘入「飆股群組」　刑事局：…
    if len(line) > _SHORT:
        return TEXT if has_han(line) else OTHER_LANGUAGE
    if _BYLINE.match(line):
        return BYLINE
    if _REFERENCES.match(line):
        return REFERENCE
    if first and not line.endswith(("：", ":")) and (not _SENTENCE_END.search(line[:-1]) or (
            not _STATEMENT_END.search(line) and _HEADLINE_PARTS.search(line))):
        return TITLE
    if _HEADING.match(line) or _SPACED_OUT.match(line):
        return HEADING
    if not has_han(line):
        # an English link text or name left among Chinese lines, or a short sentence
        return OTHER_LANGUAGE if _SENTENCE_END.search(line) else LINK
    if _BULLET.match(line) and not _SENTENCE_END.search(line):
        return LIST_ITEM
    return TEXT


# A headline longer than a short line, in parts apart by an exclamation, a question, a bar
# or a wide space: the first line of the text, with no sentence closed by 。 or ；.
_HEADLINE = 60
_HEADLINE_PARTS = re.compile(r"[！？!?｜|]\s*\S|\S\u3000+\S")
_STATEMENT_END = re.compile(r"[。；;]")

# What parts the cells of a table copied as text: a tab, or two wide spaces or three narrow
# ones (相關災害　　　強風、豪雨); one space parts words (新华社记者　陈浩然　摄).
_SECTION_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)*")  # a contents line's: 2.1	遺傳
_CELL_GAP = re.compile(r"\s*\t\s*|[ \u3000]*\u3000\u3000[ \u3000]*| {3,}")
_LABEL = 16  # characters of a row's first cell, a label or a name
_BARS = re.compile(r"[|｜]")

_SCHEDULE = re.compile(
    r"^(?:(?:Day|DAY|D)\s*[0-9]{1,2}|第[一二三四五六七八九十0-9]{1,3}[天日])\s*[：:]"
    r"|^[0-9]{1,2}\s*[:：]\s*[0-9]{2}(?:\s*[-–—~～]\s*[0-9]{1,2}\s*[:：]\s*[0-9]{2})?\s+[^。！？!?，,]{1,20}$"
    # ... and a programme's chapters, the time each starts at: 00:24:10　工厂里的真实场景：质检报告、设备运维
    # (a day's timetable told in phrases, 17:30　收工，骑小电驴去洱海边吹风, is the author's prose)
    r"|^[0-9]{1,2}:[0-9]{2}:[0-9]{2}[ \u3000\t]+[^。！？!?]{1,40}$"
)

# Bodies of government, three or more apart by spaces, nothing else: who issued a document.
_BODY = r"[\u3400-\u9fff（）()]{1,14}(?:部|委|局|院|署|办|辦|会|會|厅|廳|行|委员会|委員會)"
_ISSUERS = re.compile(
    rf"^(?:(?:发文|發文|发布|發布)(?:机关|機關|机构|機構|单位|單位)\s*[：:]\s*)?{_BODY}(?:[ \u3000]+{_BODY}){{2,}}$")

# A table's row copied as text: its number, then three cells or more apart by spaces, no
# clause (542 ± 0.3 Ma：寒武纪大爆发－…，古生代开始 is a line of a list of events).
_NUMBERED_ROW = re.compile(r"^[0-9]{1,3}[ \u3000]+[^\s。！？!?，,；;：:]+(?:[ \u3000]+[^\s。！？!?，,；;：:]+){2,}$")

_NOTE_ENTRY = re.compile(r"^[〔［\[【]\s*[0-9]{1,3}\s*[〕］\]】]\s*[^，。：:]{1,12}[：:]")
# A post's sections numbered 01–09, a question among them: 04 “县城婆罗门”和我的退路焦虑,
# 01 先搞懂：mRNA是个什么“信使”？
_ZERO_NUMBERED = re.compile(r"^0[1-9][ \u3000]+[^。！？!?]{2,28}[？?]?$")
# A numbered line that introduces what follows it: a judgment's 三、兩造不爭執事項（見本院卷…）：,
# ㈠系爭契約為定型化契約，應有消保法及系爭應記載事項之適用：
_INTRODUCING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[\u3220-\u3229])[^。！？!?；;]{2,70}[：:]$")

_WIKITEXT_HEADING = re.compile(r"^(={2,6})\s*([^=]{1,30}?)\s*\1$")

# A label and, after a wide space, a value in letters and figures: an infobox's row.
_LATIN_VALUE_ROW = re.compile(r"^[\u3400-\u9fff]{2,8}\u3000+[^。！？，,\u3400-\u9fff]{2,60}$")

# ... or a label and, after a space, a value that is no sentence (病程 長期; no chapter's
# heading, 第二章　生产、销售和维修); an infobox's row holds a list or a figure (症狀 記憶減退、
# 語言障礙, 首次确认　1992年（…）), which a heading of two phrases does not (少子化加速 工作年齡人口逐年下滑).
_LABEL_AND_VALUE = (r"^(?!第)[\u3400-\u9fff]{2,10}(?:[（(][\u3400-\u9fff]{1,6}[）)])?(?:\u3000+| )(?=\S)"
                    r"(?:[^。！？!?，,；;：:]|(?<=[0-9]),(?=[0-9])){2,60}$")
_INFOBOX_ROW = re.compile(r"(?=[^、]*[、0-9])" + _LABEL_AND_VALUE)
_LABELLED = re.compile(_LABEL_AND_VALUE)

# Short items apart by middle dots, three or more: a row of links or a page's details.
_ITEMS_BY_DOTS = re.compile(r"^[^。！？!?，,；;]{1,20}?(?:\s*[·・‧•]\s*[^。！？!?，,；;·・‧•]{1,16}){2,}$")

# An episode of a programme by its number, and its title: EP.112｜半導體人才荒是真的嗎？
_EPISODE = re.compile(r"^(?:EP|Ep|ep|E)\s*\.?\s*[0-9]{1,4}\s*[｜|:：．.　 ]")

# A row of a budget or a price list: what, and how much after a colon.
_AMOUNT_ROW = re.compile(
    r"^(?=[^：:]*[\u3400-\u9fff])[^。！？!?：:]{2,40}[：:]\s*[约約]?[0-9][0-9,.]*\s*(?:元|块|塊|%|％|万|萬)?(?:/[月天年])?$")

# A report's list of related reports, each a title and its date: 《固态电池专题之六：…》2025-03-18
_DATED_TITLE = re.compile(
    r"^(?:[0-9]{1,2}\s*[.、．]\s*)?《[^》]{4,60}》\s*[（(]?(?:19|20)[0-9]{2}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?[）)]?$")

# A page's buttons to like, share, copy, print or size its text, three or more in a row.
_SHARE_BUTTON = (r"(?:讚|赞|按讚|分享|轉寄|转发|收藏|列印|打印|留言|評論|评论|複製連結|复制链接|字級|字级|字體|字体|"
                 r"LINE|Line|Facebook|FB|Twitter|X|微信|微博|QQ空间)")
_SHARE_BAR = re.compile(rf"^{_SHARE_BUTTON}(?:[ \u3000|｜]+{_SHARE_BUTTON}){{2,}}$")

# A site's row of tabs or links, names apart: 所有條文　條號查詢　條文檢索　沿革　編章節　法規異動
_NAVIGATION = re.compile(r"^[\u3400-\u9fff]{2,6}(?:[ \u3000]+[\u3400-\u9fff]{2,6}){3,}$")

# A heading spread out by spaces, as courts print theirs: 民 事 判 决 书, 主  文
_SPACED_OUT = re.compile(r"^[\u3400-\u9fff](?:[ \u3000]+[\u3400-\u9fff]){1,7}$")


# An unnumbered heading (概述, 霍金辐射 in a copied Wikipedia article, 官方刺激需求 開闢新賽道
# in a magazine's): a short line with no punctuation after a finished paragraph and
# before a paragraph of prose. Lists are told apart first.
# A heading may quote a phrase (银发经济不只是“老年人的经济”, 让“老有所养”迈向“老有所乐”), and an
# interview's heading is followed by the interviewer's question (记者：在您看来，…？).
_BARE_HEADING = 16
_PUNCTUATION = re.compile(r"[，,。！？!?；;：:、“”‘’「」『』《》〈〉（）()…—～~]")
_QUOTED = re.compile(r"[“「‘][^“”「」‘’。！？!?]{1,10}[”」’]")
_PARAGRAPH_END = ("。", "！", "？", "!", "?", "」", "”", "』", "》", "…")
_ASKED = re.compile(r"[ \u3000]*(?:[记記]者|问|問|主持人|Q)\s*[：:]")


def _mark_bare_headings(lines: list[str], kinds: list[str]) -> None:
    # From the last line up, so that a section's heading right above its first subsection's
    # (生平 / 早年 / …) sees that one marked already.
    marked: set[int] = set()
    for i in range(len(lines) - 1, -1, -1):
        if not _may_be_bare_heading(lines[i], kinds[i]):
            continue
        before = next((j for j in range(i - 1, -1, -1) if lines[j].strip()), None)
        after = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
        ended = (before is None or kinds[before] != TEXT or lines[before].strip().endswith(_PARAGRAPH_END)
                 or _may_be_bare_heading(lines[before], kinds[before]))
        if ended and after is not None and (after in marked or (kinds[after] == TEXT and (
                len(lines[after].strip()) > _SHORT or _ASKED.match(lines[after])))):
            kinds[i] = HEADING
            marked.add(i)


def _may_be_bare_heading(line: str, kind: str) -> bool:
    line = line.strip()
    if kind != TEXT or len(line) > _BARE_HEADING + 4:
        return False
    unquoted = _QUOTED.sub("", line)
    # a news report's subheading may pair two phrases: 场景开放牵引，量产“拐点”渐近, 公幼抽籤像樂透
    # 雙薪家庭被迫延長育嬰留停, and give who says the second: 私幼熄燈潮 老園長：真的撐不下去
    halves = unquoted.split("，")
    if len(halves) == 2 and all(len(half) >= 4 for half in halves):
        return not any(_PUNCTUATION.search(half) for half in halves)
    parts = re.split(r"[ \u3000]+|：", unquoted)
    if 2 <= len(parts) <= 3 and len("".join(parts)) >= 10:
        return all(len(part) >= 3 and not _PUNCTUATION.search(part) for part in parts)
    return len(unquoted) >= 2 and len(line) <= _BARE_HEADING and not _PUNCTUATION.search(unquoted)


# A run of this many short unpunctuated lines is a list (of subjects, names, links).
_LIST_RUN = 3
_ITEM = 20


def _is_item(line: str, kind: str) -> bool:
    line = line.strip()
    if kind in (LINK, BYLINE, NOTICE):  # a date among the signatures closing a law or a judgment, a count
        return True
    if kind == LIST_ITEM and "\t" in line:
        return True  # a table's row, whatever its cells hold: ICD-10	G30, F00
    return kind in (TEXT, LIST_ITEM) and 0 < len(line) <= _ITEM and not re.search(r"[。！？!?；;，,：:]", line)


# Characters of grammar that lines of speech are full of and lists of names or
# subjects hardly hold: subtitles or a transcript pasted a line a phrase
# (今天应网友的要求 / 做一家庭版的佛跳墙) are prose, not a list, when a third of the
# lines have one (a cook's orders, 大火烧开转小火, have none).
_GRAMMAR = re.compile(r"[的了呢吗吧啊呀着过是在就都也还把被给你我他她咱们这那么]")


def _spoken_lines(lines: list[str]) -> bool:
    filled = [line for line in lines if line.strip()]
    return 3 * sum(bool(_GRAMMAR.search(line)) for line in filled) >= len(filled)


def _mark_lists(lines: list[str], kinds: list[str]) -> None:
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and (_is_item(lines[end], kinds[end]) or (end > start and not lines[end].strip())):
            end += 1
        if sum(bool(lines[i].strip()) for i in range(start, end)) >= _LIST_RUN:
            if not _spoken_lines(lines[start:end]):
                for i in range(start, end):
                    if kinds[i] == TEXT and lines[i].strip():
                        kinds[i] = LIST_ITEM
            start = end
        else:
            start += 1


def _mark_references(lines: list[str], kinds: list[str]) -> None:
    """A reference or "see also" heading: the lines after it, up to the next heading,
    are references too. A numbered section's own sub-headings (5.1 引用, 5.2 来源 under
    5 参考文献) and what follows them stay inside it."""
    inside = False
    section = ""
    for i, kind in enumerate(kinds):
        if kind == REFERENCE:
            inside = True
            section = _section_number(lines[i])
        elif kind in (HEADING, TITLE) and not (inside and section and
                                               _section_number(lines[i]).startswith(section + ".")):
            inside = False
        elif inside and lines[i].strip():
            kinds[i] = REFERENCE


def _section_number(line: str) -> str:
    """The number a heading starts with ('5.1 引用' -> '5.1'), "" if none."""
    m = re.match(r"\s*(\d+(?:\.\d+)*)\.?\s", line)
    return m.group(1) if m else ""
