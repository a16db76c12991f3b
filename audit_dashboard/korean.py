"""Korean particles chosen by the final consonant of the word they follow, never 「은(는)」.

    josa("고충민원 기록", "은/는") -> '고충민원 기록은'
    josa("집행 수치", "은/는")     -> '집행 수치는'
    josa("1,622건", "이/가")       -> '1,622건이'
    josa("2025Q9", "을/를")        -> '2025Q9를'   (digits and letters as they are read: 구)

A word's last sound decides: a Hangul syllable by its final consonant (받침), a digit by its
Korean reading (일, 이, 삼 …), a Latin letter by its name (엘, 엠, 엔, 알 end in a consonant).
A trailing parenthesis is skipped, as in 「추이(월말 수치)는」, and so are quotes and brackets.
「으로/로」 takes 로 after ㄹ as well as after a vowel.
"""
from __future__ import annotations

import re

_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
_RIEUL = 8  # index of ㄹ among the final consonants

# Final consonant index of each digit's reading: 영 일 이 삼 사 오 육 칠 팔 구 (0 = none).
_DIGIT_FINAL = {"0": 21, "1": 8, "2": 0, "3": 16, "4": 0, "5": 0, "6": 1, "7": 8, "8": 8, "9": 0}
# Round numbers are read by their unit: 십, 백, 천, 만, 억.
# By trailing zeros: 억(ㄱ), 만(ㄴ), 천(ㄴ), 백(ㄱ), 십(ㅂ).
_UNIT_FINAL = [(8, 1), (4, 4), (3, 4), (2, 1), (1, 17)]
# Latin letters whose Korean names end in a consonant: 엘, 엠, 엔, 알.
_LETTER_FINAL = {"l": 8, "m": 16, "n": 4, "r": 8}

_TRAILING = re.compile(r"(\s*\([^()]*\)|[\s'\"’”」』)\]>.,·…!?])+$")

PAIRS = {
    "은/는": ("은", "는"),
    "이/가": ("이", "가"),
    "을/를": ("을", "를"),
    "과/와": ("과", "와"),
    "이다/다": ("이다", "다"),
    "이나/나": ("이나", "나"),
    "이라/라": ("이라", "라"),
    "아/야": ("아", "야"),
    "으로/로": ("으로", "로"),
}


def final_consonant(word: str) -> int | None:
    """The index of the last sound's final consonant (0 when it ends in a vowel), or None if unknown."""
    core = _TRAILING.sub("", str(word).strip())
    if not core:
        return None
    last = core[-1]
    code = ord(last)
    if _HANGUL_FIRST <= code <= _HANGUL_LAST:
        return (code - _HANGUL_FIRST) % 28
    if last == "%":
        return 0  # 퍼센트
    if last.isdigit():
        digits = re.search(r"[\d,]+$", core).group().replace(",", "")
        zeros = len(digits) - len(digits.rstrip("0"))
        if digits.strip("0") and zeros:
            for places, final in _UNIT_FINAL:
                if zeros >= places:
                    return final
        return _DIGIT_FINAL[last]
    if last.isascii() and last.isalpha():
        return _LETTER_FINAL.get(last.lower(), 0)
    return None


def josa(word: str, pair: str) -> str:
    """`word` followed by the form of `pair` ('은/는', '이/가', '을/를', '과/와', '으로/로' …) its sound takes."""
    with_consonant, without = PAIRS[pair]
    final = final_consonant(word)
    if final is None:
        final = 1  # unknown (a symbol): the consonant form reads least oddly after a pause
    if pair == "으로/로":
        return f"{word}{without if final in (0, _RIEUL) else with_consonant}"
    return f"{word}{with_consonant if final else without}"


def particle(word: str, pair: str) -> str:
    """Only the particle josa() would put after `word`, for text that quotes the word: 「감사」는."""
    return josa(word, pair)[len(str(word)):]
