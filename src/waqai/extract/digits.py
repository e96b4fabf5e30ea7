"""Digits written Western everywhere the site shows or serves them: its search (lunr,
Arabic) drops Arabic-Indic digits, and a researcher's tools read Western ones."""
from __future__ import annotations

_WESTERN_DIGITS = str.maketrans({**{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)}})
_EASTERN_DIGITS = tuple(chr(c) for c in _WESTERN_DIGITS)


def western_digits(text: str) -> str:
    # translate() looks up every character; most pages have no Eastern digit at all, and
    # twenty substring scans find that out faster than one regular expression
    return text.translate(_WESTERN_DIGITS) if any(digit in text for digit in _EASTERN_DIGITS) else text
