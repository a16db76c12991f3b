"""Korean particles chosen by the final consonant of the word before them, as the department writes
('보고서와', '기록과', '접수일자가', '접수 경로가'), never the machine's 「은(는)」."""
from __future__ import annotations

# particle pairs: (after a final consonant, after a vowel)
_PAIRS = {
    "은/는": ("은", "는"), "이/가": ("이", "가"), "을/를": ("을", "를"), "과/와": ("과", "와"),
    "이다/다": ("이다", "다"), "으로/로": ("으로", "로"), "이나/나": ("이나", "나"), "이라/라": ("이라", "라"),
}
# How digits and Latin letters are read aloud, for words that end in them ('3건' ends in 건, '2025' in 오).
_DIGIT_HAS_FINAL = {"0": True, "1": True, "2": False, "3": True, "4": False, "5": False, "6": True,
                    "7": True, "8": True, "9": False}
_LATIN_HAS_FINAL = set("lmnr")


def has_final_consonant(word: str) -> bool:
    """Whether the last sounded syllable of `word` ends in a consonant (받침)."""
    for ch in reversed(str(word).strip()):
        if "가" <= ch <= "힣":
            return (ord(ch) - 0xAC00) % 28 != 0
        if ch.isdigit():
            return _DIGIT_HAS_FINAL[ch]
        if ch.isalpha():
            return ch.lower() in _LATIN_HAS_FINAL
    return False


def particle(word: str, pair: str) -> str:
    """The particle of `pair` ('은/는', '이/가', …) that follows `word`. '으로/로' after ㄹ is '로'."""
    after_consonant, after_vowel = _PAIRS[pair]
    if pair == "으로/로" and str(word).strip()[-1:] and "가" <= str(word).strip()[-1] <= "힣" \
            and (ord(str(word).strip()[-1]) - 0xAC00) % 28 == 8:
        return after_vowel
    return after_consonant if has_final_consonant(word) else after_vowel


def josa(word: str, pair: str) -> str:
    """`word` followed by its particle: josa('접수일자', '이/가') -> '접수일자가'."""
    return f"{word}{particle(word, pair)}"
