"""`parcalc report`: one self-contained HTML page. Its style is inlined, its charts are
inline SVG (report_charts), and it has no script, font, image or link to fetch: it
shows the same offline, from a mail attachment or a CI artifact. Vietnamese by default,
numbers with a decimal comma."""

from __future__ import annotations

from decimal import Decimal
from html import escape

from ..analysis.report import NODE_CHANGES, Report
from ..core import labels
from . import report_charts as charts
from .common import display_name, points_cell, points_text, summary_lines

# Above this many units the ranking is drawn as a histogram and the field table is not
# drawn (its rows would be too thin to read); the tables below still list every unit.
MOST_UNITS_DRAWN = 200

_T = {
    "vi": {
        "summary": "Tóm tắt", "unit": "Đơn vị", "index": "Chỉ số", "rank": "Xếp hạng", "of": "trên", "points": "Tổng điểm",
        "lost": "Điểm bị mất", "mean": "Trung bình", "fields": "Các lĩnh vực", "sub_index": "Chỉ số thành phần",
        "tree": "Cây tiêu chí và điểm bị mất", "tree_note": "Các dòng mất điểm được tô màu và đánh dấu ▼.",
        "lost_chart": "Điểm bị mất theo lĩnh vực", "ranking": "Xếp hạng các đơn vị", "heat": "Chỉ số thành phần theo lĩnh vực",
        "heat_note": "Mỗi cột tô màu theo thang riêng của lĩnh vực đó: đỏ thấp nhất, xanh cao nhất.",
        "against": "{unit} so với trung bình các đơn vị", "changes": "Thay đổi so với năm trước",
        "index_change": "Thay đổi chỉ số", "rank_change": "Thay đổi thứ hạng", "before": "Năm trước", "now": "Năm nay",
        "node_drops": "Các tiêu chí giảm điểm nhiều nhất của {unit}", "node_gains": "Các tiêu chí tăng điểm nhiều nhất của {unit}",
        "code": "STT", "name": "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "max": "Điểm chuẩn", "appraised": "Điểm thẩm định",
        "change": "Thay đổi", "difference": "Chênh lệch", "only_old": "Chỉ có ở năm trước", "only_new": "Chỉ có ở năm nay", "sources": "Dữ liệu",
        "previous": "Năm trước", "mean_index": "Chỉ số trung bình", "units": "đơn vị", "no_change_unit": "{unit} không có ở năm trước.",
        "too_many": "{n} đơn vị: biểu đồ cho biết có bao nhiêu đơn vị ở mỗi mức chỉ số; bảng dưới liệt kê từng đơn vị.",
        "heat_too_many": "{n} đơn vị: quá nhiều để vẽ; xem bảng chỉ số thành phần trong parcalc rank -o FILE.xlsx.",
        "count": "Số đơn vị", "made_by": "Tạo bởi parcalc {version}. Trang không tải gì từ mạng.",
        "since": "So với năm trước",
    },
    "en": {
        "summary": "Summary", "unit": "Unit", "index": "Index", "rank": "Rank", "of": "of", "points": "Points",
        "lost": "Lost points", "mean": "Mean", "fields": "Fields", "sub_index": "Sub-index",
        "tree": "Criterion tree and lost points", "tree_note": "Rows that lost points are highlighted and marked ▼.",
        "lost_chart": "Lost points per field", "ranking": "Ranking of the units", "heat": "Field sub-indexes",
        "heat_note": "Each column is coloured on its own field's scale: red lowest, green highest.",
        "against": "{unit} against the mean of the units", "changes": "Changes since the previous year",
        "index_change": "Index change", "rank_change": "Rank change", "before": "Previous year", "now": "This year",
        "node_drops": "Largest drops of {unit}", "node_gains": "Largest gains of {unit}",
        "code": "Code", "name": "Field/Criterion/Sub-criterion", "max": "Standard points", "appraised": "Appraised points",
        "change": "Change", "difference": "Difference", "only_old": "Only in the previous year", "only_new": "Only in this year", "sources": "Data",
        "previous": "Previous year", "mean_index": "Mean index", "units": "units", "no_change_unit": "{unit} is not in the previous year.",
        "too_many": "{n} units: the chart shows how many units have each index; the table below lists every unit.",
        "heat_too_many": "{n} units: too many to draw; see the sub-index sheet of parcalc rank -o FILE.xlsx.",
        "count": "Units", "made_by": "Made by parcalc {version}. The page loads nothing from the network.",
        "since": "Since the previous year",
    },
}

STYLE = """
body{font-family:"Times New Roman",Times,"Liberation Serif",serif;margin:0 auto;max-width:62rem;padding:1.5rem;color:#222;line-height:1.4}
h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.25rem;border-bottom:2px solid #1565C0;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.05rem}.meta{color:#555;margin:.1rem 0}
.cards{display:flex;flex-wrap:wrap;gap:.8rem;margin:1rem 0}.card{border:1px solid #ccc;border-radius:6px;padding:.5rem .8rem;min-width:7rem}
.card b{display:block;font-size:1.45rem}.card span{color:#555;font-size:.9rem}
table{border-collapse:collapse;width:100%;margin:.6rem 0;font-size:.95rem}th,td{border:1px solid #bbb;padding:.25rem .45rem;vertical-align:top}
th{background:#f1f4f8}td.n{text-align:right;white-space:nowrap}td.c{text-align:center}
tr.field td{font-weight:bold}tr.lost td{background:#fdecea}tr.focus td{font-weight:bold;background:#e8f0fb}
.l2{padding-left:1.4rem}.l3{padding-left:2.8rem}.l4{padding-left:4.2rem}
.chart{max-width:100%;height:auto;display:block;margin:.5rem 0}.note{color:#555;font-size:.9rem}
.down{color:#C62828}.up{color:#2E7D32}footer{margin-top:2.5rem;color:#777;font-size:.85rem}
@media print{body{max-width:none}h2{break-after:avoid}.chart{break-inside:avoid}}
""".strip()


def report_html(report: Report) -> str:
    t = _T[report.lang]
    sep = labels.decimal_sep(report.lang)
    parts = [_head(report, t, sep), _summary(report, t, sep), _tree(report, t, sep)]
    if report.many:
        parts += [_ranking(report, t, sep), _heat(report, t, sep), _against(report, t, sep)]
    if report.comparison is not None:
        parts.append(_changes(report, t, sep))
    from .. import __version__

    parts.append(f'<footer>{escape(t["made_by"].format(version=__version__))}</footer>')
    return (f'<!DOCTYPE html>\n<html lang="{report.lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(report.title)}</title>\n'
            f"<style>\n{STYLE}\n</style>\n</head>\n<body>\n" + "\n".join(parts) + "\n</body>\n</html>\n")


def _n(value: Decimal | None, sep: str) -> str:
    return points_text(value, sep)


def _signed(value: Decimal, sep: str) -> str:
    text = points_text(value, sep)
    return f"+{text}" if value > 0 else text


def _head(report: Report, t: dict, sep: str) -> str:
    lines = [f"<header><h1>{escape(report.title)}</h1>",
             f'<p class="meta">{escape(t["unit"])}: <b>{escape(report.focus.unit)}</b></p>']
    if report.sources:
        lines.append(f'<p class="meta">{escape(t["sources"])}: {escape(", ".join(report.sources))}</p>')
    if report.previous_sources:
        lines.append(f'<p class="meta">{escape(t["previous"])}: {escape(", ".join(report.previous_sources))}</p>')
    return "\n".join(lines) + "</header>"


def _focus(chosen: bool) -> str:
    return ' class="focus"' if chosen else ""


def _card(value: str, caption: str) -> str:
    return f'<div class="card"><b>{escape(value)}</b><span>{escape(caption)}</span></div>'


def _summary(report: Report, t: dict, sep: str) -> str:
    result = report.result
    word = labels.grade_word(result.grades, report.lang)
    cards = [_card(_n(result.index, sep), t["index"]), _card(result.group, word),
             _card(f"{_n(result.total_points, sep)}/{_n(result.total_max, sep)}", t["points"]),
             _card(_n(result.total_lost, sep), t["lost"])]
    if report.many:
        cards.append(_card(f"{report.focus.rank}/{len(report.ranking.units)}", t["rank"]))
        cards.append(_card(_n(report.ranking.mean_index, sep), t["mean_index"]))
    change = report.focus_change
    if change is not None:
        cards.append(_card(_signed(change.index_delta, sep), t["since"]))
    lines = "".join(f"<li>{escape(line)}</li>" for line in summary_lines(result, report.lang)[2:])
    rows = []
    for field, sub_index in zip(result.fields, (result.sub_index(field) for field in result.fields)):
        rows.append(f"<tr><td>{escape(field.code)}</td><td>{escape(display_name(field, report.lang))}</td>"
                    f'<td class="n">{_n(field.max, sep)}</td><td class="n">{points_cell(field, report.lang)}</td>'
                    f'<td class="n">{_n(field.lost, sep)}</td><td class="n">{_n(sub_index, sep)}</td></tr>')
    table = (f'<table><thead><tr><th>{t["code"]}</th><th>{t["fields"]}</th><th>{t["max"]}</th><th>{t["appraised"]}</th>'
             f'<th>{t["lost"]}</th><th>{t["sub_index"]}</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')
    return (f'<section id="summary"><h2>{t["summary"]}</h2><div class="cards">{"".join(cards)}</div>'
            f"<ul>{lines}</ul>{table}</section>")


def _tree(report: Report, t: dict, sep: str) -> str:
    losses = report.field_losses()
    names = [f"{node.code}. {display_name(node, report.lang)}" for node, _ in losses]
    chart = charts.signed_chart(names, [lost for _, lost in losses], "lost", t["lost_chart"], sep, t["lost"],
                                colours=(charts.LOST, charts.LOST))
    rows = []
    for node in report.result.nodes:
        lost = node.lost is not None and node.lost > 0
        classes = " ".join(filter(None, ("field" if node.criterion.level == 1 else "", "lost" if lost else "")))
        mark = " ▼" if lost else ""
        rows.append(f'<tr class="{classes}"><td>{escape(node.code)}</td>'
                    f'<td class="l{min(node.criterion.level, 4)}">{escape(display_name(node, report.lang))}</td>'
                    f'<td class="n">{_n(node.max, sep)}</td><td class="n">{points_cell(node, report.lang)}</td>'
                    f'<td class="n">{_n(node.lost, sep) if node.lost is not None else "…"}{mark}</td></tr>')
    return (f'<section id="tree"><h2>{t["tree"]}</h2><h3>{t["lost_chart"]}</h3>{chart}'
            f'<p class="note">{t["tree_note"]}</p><table><thead><tr><th>{t["code"]}</th><th>{t["name"]}</th>'
            f'<th>{t["max"]}</th><th>{t["appraised"]}</th><th>{t["lost"]}</th></tr></thead><tbody>'
            + "\n".join(rows) + "</tbody></table></section>")


def _ranking(report: Report, t: dict, sep: str) -> str:
    units = report.ranking.units
    grades = report.result.grades
    word = labels.grade_word(grades, report.lang)
    if len(units) > MOST_UNITS_DRAWN:
        chart = (f'<p class="note">{escape(t["too_many"].format(n=len(units)))}</p>'
                 + charts.histogram_chart([u.result.index for u in units], grades, word, t["ranking"], sep, t["index"]))
    else:
        chart = charts.ranking_chart([(u.unit, u.result.index, u.result.group) for u in units], grades, report.focus.unit,
                                     word, t["ranking"], sep)
    rows = "".join(
        f'<tr{_focus(unit is report.focus)}><td class="c">{unit.rank}</td><td>{escape(unit.unit)}</td>'
        f'<td class="n">{_n(unit.result.total_points, sep)}</td><td class="n">{_n(unit.result.index, sep)}</td>'
        f'<td class="c">{escape(unit.result.group)}</td></tr>' for unit in units)
    counts = "; ".join(f"{word} {name}: {count}" for name, count in report.ranking.group_counts.items())
    return (f'<section id="ranking"><h2>{t["ranking"]}</h2>{chart}<p>{escape(counts)}; {t["mean_index"]}: '
            f'{_n(report.ranking.mean_index, sep)}</p><table><thead><tr><th>{t["rank"]}</th><th>{t["unit"]}</th>'
            f'<th>{t["points"]}</th><th>{t["index"]}</th><th>{escape(word)}</th></tr></thead><tbody>{rows}</tbody></table></section>')


def _headings(report: Report) -> list[str]:
    return [f"{code}. {name}" for code, name in zip(report.ranking.field_codes, report.field_names)]


def _heat(report: Report, t: dict, sep: str) -> str:
    units = report.ranking.units
    if len(units) > MOST_UNITS_DRAWN:
        body = f'<p class="note">{escape(t["heat_too_many"].format(n=len(units)))}</p>'
    else:
        body = charts.heat_chart([u.unit for u in units], _headings(report), [u.field_indexes for u in units],
                                 report.focus.unit, t["heat"], sep) + f'<p class="note">{t["heat_note"]}</p>'
    return f'<section id="heat"><h2>{t["heat"]}</h2>{body}</section>'


def _against(report: Report, t: dict, sep: str) -> str:
    title = t["against"].format(unit=report.focus.unit)
    headings = _headings(report)
    means = report.ranking.field_means
    chart = charts.pair_chart(headings, report.focus.field_indexes, means, (report.focus.unit, t["mean"]), title, sep, t["sub_index"])
    rows = "".join(
        f'<tr><td>{escape(heading)}</td><td class="n">{_n(own, sep)}</td><td class="n">{_n(mean, sep)}</td>'
        f'<td class="n">{_signed(own - mean, sep) if own is not None and mean is not None else "—"}</td></tr>'
        for heading, own, mean in zip(headings, report.focus.field_indexes, means))
    return (f'<section id="against"><h2>{escape(title)}</h2>{chart}<table><thead><tr><th>{t["fields"]}</th>'
            f'<th>{escape(report.focus.unit)}</th><th>{t["mean"]}</th><th>{t["difference"]}</th></tr></thead>'
            f"<tbody>{rows}</tbody></table></section>")


def _changes(report: Report, t: dict, sep: str) -> str:
    comparison = report.comparison
    assert comparison is not None
    parts = [f'<section id="changes"><h2>{t["changes"]}</h2>']
    if len(comparison.units) > 1:
        shown = comparison.units[:MOST_UNITS_DRAWN]
        parts.append(charts.signed_chart([u.unit for u in shown], [u.index_delta for u in shown], "changes",
                                         t["index_change"], sep, t["index_change"]))
    rows = "".join(
        f'<tr{_focus(unit.new.unit == report.focus.unit)}><td>{escape(unit.unit)}</td>'
        f'<td class="n">{_n(unit.old.result.index, sep)}</td><td class="n">{_n(unit.new.result.index, sep)}</td>'
        f'<td class="n {"down" if unit.index_delta < 0 else "up" if unit.index_delta > 0 else ""}">{_signed(unit.index_delta, sep)}</td>'
        f'<td class="c">{unit.old.rank} → {unit.new.rank}</td></tr>' for unit in comparison.units)
    parts.append(f'<table><thead><tr><th>{t["unit"]}</th><th>{t["before"]}</th><th>{t["now"]}</th><th>{t["index_change"]}</th>'
                 f'<th>{t["rank"]}</th></tr></thead><tbody>{rows}</tbody></table>')
    for key, names in (("only_old", comparison.only_old), ("only_new", comparison.only_new)):
        if names:
            parts.append(f'<p class="note">{t[key]}: {escape(", ".join(names))}</p>')
    change = report.focus_change
    if change is None:
        parts.append(f'<p class="note">{escape(t["no_change_unit"].format(unit=report.focus.unit))}</p>')
    else:
        drops = [node for node in change.nodes if node.delta < 0][:NODE_CHANGES]
        gains = sorted((node for node in change.nodes if node.delta > 0), key=lambda node: -node.delta)[:NODE_CHANGES]
        for key, nodes in (("node_drops", drops), ("node_gains", gains)):
            if not nodes:
                continue
            body = "".join(f'<tr><td>{escape(node.code)}</td><td>{escape(node.name or "")}</td><td class="n">{_n(node.old, sep)}</td>'
                           f'<td class="n">{_n(node.new, sep)}</td><td class="n {"down" if node.delta < 0 else "up"}">'
                           f"{_signed(node.delta, sep)}</td></tr>" for node in nodes)
            parts.append(f'<h3>{escape(t[key].format(unit=report.focus.unit))}</h3><table><thead><tr><th>{t["code"]}</th>'
                         f'<th>{t["name"]}</th><th>{t["before"]}</th><th>{t["now"]}</th><th>{t["change"]}</th></tr></thead>'
                         f"<tbody>{body}</tbody></table>")
    parts.append("</section>")
    return "".join(parts)
