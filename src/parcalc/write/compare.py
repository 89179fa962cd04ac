"""`parcalc compare` output: units by index change, then each unit's nodes by change."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from decimal import Decimal
from typing import Iterator

from ..core import labels
from ..analysis.compare import Comparison, NodeDelta
from ..analysis.ranking import RankedUnit
from ..core.numbers import to_json_number
from .common import neutralise, points_text
from .json_text import Encoded, JsonNumbers, JsonTexts, encoded_list, indented_json_pieces, json_string, object_shape
from .terminal import TABLE_UNITS, print_lines, sections_lines, units_note

SCHEMA = "parcalc/compare-1"


_NODE_KEYS = ("code", "name", "old", "new", "delta")
_UNIT_KEYS = ("unit", "old", "new", "index_delta", "rank_change", "nodes", "only_old", "only_new")  # as compare_data gives them


def compare_data(comparison: Comparison) -> dict:
    """The comparison as JSON data (compare_json writes its text)."""
    n = to_json_number
    units = [
        {
            "unit": u.unit,
            "old": {"index": n(u.old.result.index), "rank": u.old.rank, "group": u.old.result.group, "criteria": u.old.result.criteria.id},
            "new": {"index": n(u.new.result.index), "rank": u.new.rank, "group": u.new.result.group, "criteria": u.new.result.criteria.id},
            "index_delta": n(u.index_delta),
            "rank_change": u.rank_change,
            "nodes": [dict(zip(_NODE_KEYS, (d.code, d.name, n(d.old), n(d.new), n(d.delta)))) for d in u.nodes],
            "only_old": list(u.only_old),
            "only_new": list(u.only_new),
        }
        for u in comparison.units
    ]
    return {
        "schema": SCHEMA,
        "units": units,
        "units_only_old": list(comparison.only_old),
        "units_only_new": list(comparison.only_new),
    }


def compare_json(comparison: Comparison, lang: str) -> str:
    return "".join(compare_json_pieces(comparison, lang))


def compare_json_pieces(comparison: Comparison, lang: str) -> Iterator[str]:
    """compare_data as json.dumps(indent=2) writes it, faster, a unit at a time: each
    unit from one template (`_UNIT_KEYS`) of its values' texts, each distinct value
    written once. The million node changes of two 10,000-unit workbooks are a few
    thousand distinct NodeDeltas, shared (see parcalc.analysis.compare), each written
    once into one shape and looked up by identity in C. 169 MB for bench_matrix.py's
    compare case in 0.62 s, where the units written through indented_json took 1.06 s
    (time.perf_counter, three runs each, 2026-12-01)."""
    numbers, texts = JsonNumbers(), JsonTexts()
    node_shape = object_shape(_NODE_KEYS, depth=4)  # {"units": [{"nodes": [{...
    year_shape = object_shape(("index", "rank", "group", "criteria"), depth=3)
    unit_shape = object_shape(_UNIT_KEYS, depth=2)
    written: dict[int, str] = {}  # id of a NodeDelta -> its text: ids are unique while `comparison` holds them all

    def year(unit: RankedUnit) -> str:
        result = unit.result
        return year_shape % (numbers[result.index], unit.rank, texts[result.group], texts[result.criteria.id])

    def nodes(deltas: tuple[NodeDelta, ...]) -> Encoded:
        ids = list(map(id, deltas))
        try:
            return encoded_list(list(map(written.__getitem__, ids)), depth=3)
        except KeyError:  # changes not written yet
            for d in deltas:
                if id(d) not in written:
                    written[id(d)] = node_shape % (texts[d.code], texts[d.name], numbers[d.old], numbers[d.new], numbers[d.delta])
            return encoded_list(list(map(written.__getitem__, ids)), depth=3)

    def codes(found: tuple[str, ...]) -> Encoded:
        return encoded_list(list(map(texts.__getitem__, found)), depth=3)

    units = (Encoded(unit_shape % (json_string(u.unit), year(u.old), year(u.new), numbers[u.index_delta], u.rank_change, nodes(u.nodes),
                                   codes(u.only_old), codes(u.only_new)))
             for u in comparison.units)
    return indented_json_pieces({**compare_data(replace(comparison, units=())), "units": units})


def _plain(points: Decimal) -> str:
    """A node's points in their shortest form (9.5, 10, 0), as JSON writes them: scored
    unit by unit or by columns, equal points can carry different trailing zeros (9.50)."""
    return points_text(points, ".", 0)


def compare_csv(comparison: Comparison, lang: str) -> str:
    return "".join(compare_csv_pieces(comparison, lang))


def compare_csv_pieces(comparison: Comparison, lang: str) -> Iterator[str]:
    """One row per unit and node: unit, code, name, old, new, delta (the index with its
    two published decimals); a code, or a unit, with points in one year only has a row
    whose name says only_old or only_new. A unit's rows at a time, as compare_json_pieces."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")

    def taken() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(("unit", "code", "name", "old", "new", "delta"))
    for unit in comparison.units:
        name = neutralise(unit.unit)
        writer.writerow((name, "", "index", unit.old.result.index, unit.new.result.index, unit.index_delta))
        writer.writerows((name, node.code, neutralise(node.name or ""), _plain(node.old), _plain(node.new), _plain(node.delta))
                         for node in unit.nodes)
        writer.writerows((name, code, side, "", "", "") for side, codes in (("only_old", unit.only_old), ("only_new", unit.only_new))
                         for code in codes)
        yield taken()
    writer.writerows((neutralise(name), "", side, "", "", "") for side, names in (("only_old", comparison.only_old), ("only_new", comparison.only_new))
                     for name in names)
    yield taken()


def _lines(comparison: Comparison, lang: str, units: int | None = None) -> list[tuple[str, list[str], list[list[str]]]]:
    """Titled sections: the index of every unit (or the first `units`), then each of
    those units' nodes."""
    shown = comparison.units[:units]
    sep = labels.decimal_sep(lang)
    f = lambda value: points_text(value, sep)  # noqa: E731
    vi = lang == "vi"
    unit_head = ["Đơn vị" if vi else "Unit", "Trước" if vi else "Before", "Sau" if vi else "After",
                 "Chênh lệch" if vi else "Delta", "Hạng trước" if vi else "Rank before", "Hạng sau" if vi else "Rank after"]
    sections = [("Chỉ số" if vi else "Index", unit_head,
                 [[u.unit, f(u.old.result.index), f(u.new.result.index), f(u.index_delta), str(u.old.rank), str(u.new.rank)] for u in shown])]
    node_head = [labels.text("code", lang), labels.text("name", lang), unit_head[1], unit_head[2], unit_head[3]]
    for u in shown:
        title = f"{u.unit}: " + ("giảm nhiều nhất trước" if vi else "largest drops first")
        sections.append((title, node_head, [[d.code, d.name or "", f(d.old), f(d.new), f(d.delta)] for d in u.nodes]))
        for codes, label in ((u.only_old, "chỉ có ở năm trước" if vi else "only in the old year"), (u.only_new, "chỉ có ở năm sau" if vi else "only in the new year")):
            if codes:
                sections.append((f"{u.unit}: {label}: {', '.join(codes)}", [], []))
    for names, label in ((comparison.only_old, "đơn vị chỉ có ở năm trước" if vi else "units only in the old year"),
                         (comparison.only_new, "đơn vị chỉ có ở năm sau" if vi else "units only in the new year")):
        if names:
            sections.append((f"{label}: {', '.join(names)}", [], []))
    return sections


def compare_markdown(comparison: Comparison, lang: str) -> str:
    out = []
    for title, heads, rows in _lines(comparison, lang):
        out += [f"### {title}", ""]
        if heads:
            out += ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
            out += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def compare_table_text(comparison: Comparison, lang: str, width: int = 100, console=None) -> str:
    """The sections of the first TABLE_UNITS units, and how to see the others."""
    width = console.width if console is not None else width
    notes = units_note(len(comparison.units), ("--format csv", "--format md"), lang)
    return print_lines(sections_lines(_lines(comparison, lang, TABLE_UNITS), width, labels.text("name", lang), notes), console)
