"""A printable vocabulary handout of a built deck: one HTML file with print CSS.

A table per source article: hanzi, pinyin in tone colours, meaning, and one example
with its pinyin. Printed on A4 or Letter (the printer's paper: no page size is
forced), a row is never split across pages and each page repeats the table header.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from deckgen.packaging.exports import DeckRow, _grouped

_CSS = """\
:root { --tone1: #d40000; --tone2: #c06a00; --tone3: #178a17; --tone4: #1c55c8; --tone5: #777; }
body { font-family: "Noto Sans CJK SC", "Noto Sans CJK TC", "PingFang SC", "Microsoft YaHei", sans-serif;
       color: #111; margin: 1.5em; font-size: 11pt; line-height: 1.35; }
h1 { font-size: 18pt; margin: 0 0 0.2em; }
.about { color: #555; font-size: 9pt; margin-bottom: 1em; }
h2 { font-size: 13pt; margin: 1.2em 0 0.4em; break-after: avoid; page-break-after: avoid; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
thead { display: table-header-group; }
th { text-align: left; font-size: 9pt; color: #444; border-bottom: 1.5pt solid #333; padding: 3pt 4pt; }
td { vertical-align: top; border-bottom: 0.5pt solid #bbb; padding: 4pt; overflow-wrap: anywhere; }
tr { break-inside: avoid; page-break-inside: avoid; }
col.n { width: 2.2em; } col.hz { width: 17%; } col.py { width: 15%; } col.en { width: 25%; }
td.n { color: #888; font-size: 8pt; }
td.hz { font-size: 17pt; line-height: 1.2; }
td.en { font-size: 10pt; }
td.ex .zh { font-size: 11pt; }
td.ex .zh b { font-weight: 700; }
td.ex .expy { display: block; color: #555; font-size: 8.5pt; }
.tone1 { color: var(--tone1); } .tone2 { color: var(--tone2); } .tone3 { color: var(--tone3); }
.tone4 { color: var(--tone4); } .tone5 { color: var(--tone5); }
@page { margin: 14mm 12mm; }
@media print {
  body { margin: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section { break-before: auto; }
}
"""


def handout_html(deck_name: str, rows: Sequence[DeckRow], about: str = "") -> str:
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh"><head><meta charset="utf-8">',
        f"<title>{e(deck_name)} — vocabulary</title>",
        f"<style>\n{_CSS}</style></head><body>",
        f"<h1>{e(deck_name)}</h1>",
        f'<p class="about">{e(about)}</p>' if about else "",
    ]
    number = 0
    for source, group in _grouped(list(rows)):
        parts.append(f'<section><h2>{e(source)}</h2><table><colgroup><col class="n"><col class="hz"><col class="py">'
                     '<col class="en"><col class="ex"></colgroup><thead><tr><th>#</th><th>Hanzi</th><th>Pinyin</th>'
                     "<th>Meaning</th><th>Example</th></tr></thead><tbody>")
        for row in group:
            number += 1
            pinyin = " ".join(f'<span class="tone{tone}">{e(s)}</span>' if tone else e(s) for s, tone in row.tones)
            example = ""
            if row.examples:
                x = row.examples[0]
                zh = (e(x.text[: x.term_start]) + f"<b>{e(x.text[x.term_start:x.term_end])}</b>"
                      + e(x.text[x.term_end:]))
                example = f'<span class="zh">{zh}</span><span class="expy">{e(x.pinyin)}</span>'
            parts.append(f'<tr id="row-{number}"><td class="n">{number}</td><td class="hz">{e(row.hanzi)}</td>'
                         f'<td class="py">{pinyin}</td><td class="en">{e(row.english)}</td>'
                         f'<td class="ex">{example}</td></tr>')
        parts.append("</tbody></table></section>")
    parts.append("</body></html>\n")
    return "\n".join(p for p in parts if p)
