"""The code column of a scoring table, read row by row as offices write it: fields
numbered I, II, ... (or 1, 2, ...), numbering that restarts inside each field (I > 1 >
1.1, read as 1.1 and 1.1.1), total and summary rows that are never criteria, and rows
named as bonus or penalty blocks (Điểm thưởng, Điểm trừ), with or without a number."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..core import codes
from ..core.messages import Msg
from ..core.model import Finding
from .headers import fold

# Rows that sum up the table, and rows that state its index, rank or grade: never
# criteria. Compared folded; a name equal to one of these, or starting with one of the
# prefixes and more words ("Tổng điểm (I+II)", "Xếp loại: Tốt"). Only sums are checked
# against the computed total.
_TOTAL_PREFIXES = ("tong cong", "tong diem", "tong so diem", "grand total")
_TOTAL_NAMES = frozenset({*_TOTAL_PREFIXES, "tong", "tong so", "cong", "total"})
_SUMMARY_PREFIXES = ("xep hang", "xep loai", "chi so cai cach hanh chinh", "chi so cchc")
_SUMMARY_NAMES = frozenset({*_SUMMARY_PREFIXES, "chi so", "index", "rank", "grade", "ranking"})
# Rows named as bonus or penalty blocks, with or without children.
_EXTRA_PREFIXES = (("diem thuong", "bonus"), ("diem cong", "bonus"), ("bonus", "bonus"),
                   ("diem tru", "penalty"), ("diem phat", "penalty"), ("penalty", "penalty"), ("deduction", "penalty"))

NODE, TOTAL, OTHER, NOT_A_CODE = "node", "total", "other", "not a code"


@dataclass(frozen=True)
class RowCode:
    """What a row is: a node with its code (and its block's kind, for a bonus or
    penalty block), a total row, another row (heading, note, spacer), or a code cell
    that holds no code."""

    role: str
    code: str | None = None
    block: str | None = None  # "bonus" or "penalty" for every row of such a block


@dataclass
class CodeColumn:
    """Settles each row's code as the rows come. Whether numbering restarts inside the
    Roman fields is decided at the first numbered row under one: a bare number (II > 1)
    or one that does not start with its field's (II > 1.1) says it does."""

    current: int | None = None  # the current Roman field's number
    nested: bool | None = None
    last_field: int = 0
    blocks: dict[str, str] = field(default_factory=dict)  # field code -> bonus / penalty
    findings: list[Finding] = field(default_factory=list)

    def read(self, code_text: str, name: str, where: str) -> RowCode:
        """The row whose code cell says `code_text` and name cell `name`; `where` is the
        code cell's place, for the one note on nested numbering."""
        code_text = code_text.strip()
        summing, kind = name_role(name, "" if name else code_text)
        if summing is not None:
            return RowCode(summing)
        roman = codes.roman_value(code_text) if code_text else None
        if roman is not None:
            self.current = roman
            return self._node(str(roman), kind)
        code = codes.normalize_code(code_text) if code_text else None
        if code is None:
            if code_text:
                return RowCode(NOT_A_CODE)
            if kind is None:
                return RowCode(OTHER)
            self.findings.append(Finding("extra_code", str(self.last_field + 1), where, {"name": name}))
            return self._node(str(self.last_field + 1), kind)  # a bonus or penalty row without a number
        if self.current is not None:
            if self.nested is None:
                head = code.split(".")[0]
                self.nested = code == head or int(head) != self.current
                if self.nested:
                    self.findings.append(Finding("nested_codes", None, where, {}))
            if self.nested:
                code = f"{self.current}.{code}"
        return self._node(code, kind)

    def _node(self, code: str, kind: str | None) -> RowCode:
        head = code.split(".")[0]
        if code == head:
            self.last_field = max(self.last_field, int(head))
            if kind is not None:
                self.blocks[code] = kind
        return RowCode(NODE, code, self.blocks.get(head))


def twice(code: str, first: str, stored_as_number: str | None) -> Msg:
    """The message for a code given a second time; `stored_as_number` is the code cell's
    number when it holds one, which explains 1.10 having become 1.1."""
    if stored_as_number is not None and "." in code:
        return Msg("code {code} appears twice (first at {first}); keep one row per code; the code cell holds the number {number}: "
                   "Excel turns a code typed as {code}0 into {code}, so format the code column as text and type the codes again",
                   code=code, first=first, number=stored_as_number)
    return Msg("code {code} appears twice (first at {first}); keep one row per code", code=code, first=first)


@lru_cache(maxsize=8192)  # sheets copied from one template repeat their names: 500 sheets' 55,000 rows, 0.9 of 3.8 s under cProfile
def name_role(name: str, code_text: str) -> tuple[str | None, str | None]:
    """(TOTAL or OTHER for a row that sums up or states the table, else None; the
    block a bonus or penalty row's name opens, else None). `code_text` only when the
    row has no name: a code cell that holds words (Tổng cộng) names the row."""
    folded = fold(name) if name else ""
    label = folded or (fold(code_text) if code_text and not codes.normalize_code(code_text) else "")
    if _matches(label, _TOTAL_NAMES, _TOTAL_PREFIXES):
        return TOTAL, None
    if _matches(label, _SUMMARY_NAMES, _SUMMARY_PREFIXES):
        return OTHER, None
    return None, next((kind for prefix, kind in _EXTRA_PREFIXES if folded == prefix or folded.startswith(prefix + " ")), None)


def _matches(folded: str, names: frozenset[str], prefixes: tuple[str, ...]) -> bool:
    return folded in names or any(folded.startswith(prefix + " ") for prefix in prefixes)
