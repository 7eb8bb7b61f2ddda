"""What counts as an education figure, for scoping long documents.

A government work report is mostly about the economy; its education figures sit in a few
sentences. The coverage ledger may leave a whole passage out with one reason
(data/coverage_passages.csv), but a figure in it that looks like an education figure must still
be curated or excluded on its own. "Looks like" is deliberately generous: an expression the
candidate finder hints as a `figure`, in a sentence that contains one of EDUCATION_KEYWORDS.
A false alarm costs one per-figure ledger line; a miss would silently drop a figure.
"""
from __future__ import annotations

import re

EDUCATION_KEYWORDS: tuple[str, ...] = (
    # sector and institutions
    "教育", "学校", "校舍", "校园", "校区", "校长", "幼儿园", "托幼", "学前", "小学", "中学", "初中", "高中",
    "中小学", "大学", "高校", "学院", "职教", "职业教育", "技校", "技工学校", "中职", "中专", "特教", "特殊教育",
    # people
    "教学", "职校", "学生", "教师", "老师", "师资", "特岗", "学龄", "儿童入学", "在校", "毕业生", "留守儿童",
    # enrolment and places
    "招生", "入学", "入园", "学位", "班额", "大班额", "辍学", "巩固率", "升学", "高考", "中考",
    # student aid, fees, programmes
    "两免一补", "免除学杂费", "学杂费", "免费教科书", "教科书", "助学", "奖学", "资助", "营养改善", "营养餐",
    "寄宿", "贫困生", "改薄", "薄弱学校", "义务教育", "普九", "两基", "教育费", "学费",
    # buildings and housing
    "危房改造工程", "中小学危房", "周转房", "教师公寓",
)
"""Words that make a sentence an education sentence (Chinese, as printed). 普及 alone is not one:
it also makes tap water, greening and technology sentences (自来水普及率, 绿化普及, 科技普及); where it
is about schooling it stands next to a word of this list (普及高中阶段教育, 学前教育普及), and the
abbreviations 普九 (普及九年义务教育) and 两基 are listed on their own."""

NOT_EDUCATION: tuple[str, ...] = (
    "深入学",                                   # 入学 inside 深入学习
    "入园企业", "入园项目", "退城入园", "搬迁入园",   # 入园 of an industrial park
    "教育实践活动", "专题教育", "学习教育",          # party campaigns
)
"""Phrases in which a keyword does not mean education; a keyword inside one is ignored."""

SENTENCE_END = "。；;！!？?\n\r"
"""Characters that end a sentence for the keyword search."""

WINDOW = 120
"""At most this many characters either side of a figure are searched (a run-on sentence)."""

_KEYWORDS = re.compile("|".join(re.escape(k) for k in sorted(EDUCATION_KEYWORDS, key=len, reverse=True)))
_NOT = re.compile("|".join(re.escape(k) for k in NOT_EDUCATION))


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """[from, to) of the sentence around text[start:end], at most WINDOW characters either side."""
    lo = max(0, start - WINDOW)
    left = max((text.rfind(ch, lo, start) for ch in SENTENCE_END), default=-1)
    lo = left + 1 if left >= 0 else lo
    hi = min(len(text), end + WINDOW)
    rights = [i for i in (text.find(ch, end, hi) for ch in SENTENCE_END) if i >= 0]
    return lo, (min(rights) if rights else hi)


def education_keyword(text: str, start: int, end: int) -> str | None:
    """The first education keyword in the sentence around text[start:end], or None."""
    lo, hi = sentence_bounds(text, start, end)
    ignored = [m.span() for m in _NOT.finditer(text, max(0, lo - 8), min(len(text), hi + 8))]
    for m in _KEYWORDS.finditer(text, lo, hi):
        if not any(a <= m.start() and m.end() <= b for a, b in ignored):
            return m.group()
    return None
