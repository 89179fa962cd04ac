"""`parcalc report`: one self-contained HTML page, its charts inline SVG, checked against
figures worked out here from the workbooks' cells (and Lâm Đồng's published losses)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal
from html import escape

import pytest

from tests.conftest import EXAMPLES, LAM_DONG, ROOT, wide_points

pytest.importorskip("matplotlib")

D = Decimal
DEPARTMENTS = EXAMPLES / "departments"
SET = DEPARTMENTS / "department-set.yaml"
MAXIMA = {"1": D(15), "2": D(30), "3": D(20), "4": D(20), "5": D(15)}  # department-set.yaml's fields
ARGS = ("report", DEPARTMENTS / "departments.xlsx", "--previous", DEPARTMENTS / "departments-previous-year.xlsx",
        "--criteria", SET, "--unit", "Sở Tư pháp", "--year", "2024")
UNIT = "Sở Tư pháp"


def two(value: Decimal) -> Decimal:
    return value.quantize(D("0.01"), ROUND_HALF_UP)


def comma(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",")


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    from typer.testing import CliRunner

    from parcalc.cli import app

    folder = tmp_path_factory.mktemp("report")
    runner = CliRunner()
    for name, extra in (("report.html", ()), ("again.html", ()), ("en.html", ("--lang", "en"))):
        run = runner.invoke(app, [str(arg) for arg in (*ARGS, *extra, "-o", folder / name)])
        assert run.exit_code == 0, run.output
    return folder


def section(html: str, name: str) -> str:
    return html.split(f'<section id="{name}">', 1)[1].split("</section>", 1)[0]


def test_the_page_needs_nothing_from_the_network(pages):
    html = (pages / "report.html").read_text(encoding="utf-8")
    assert html.startswith('<!DOCTYPE html>\n<html lang="vi">') and '<meta charset="utf-8">' in html
    for forbidden in ("http://", "https://", "<script", "<link", "<img", "<iframe", "<object", " src=", "@import", "//"):
        assert forbidden not in html.replace("</", "<"), forbidden
    assert set(re.findall(r"url\((.)", html)) <= {"#"}  # only the charts' own clip paths
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))  # five charts on one page, no id twice
    assert set(re.findall(r'href="(.)', html)) <= {"#"}


def test_five_charts_as_inline_svg(pages):
    html = (pages / "report.html").read_text(encoding="utf-8")
    labels = re.findall(r'<svg role="img" aria-label="([^"]+)" class="chart"', html)
    assert labels == ["Điểm bị mất theo lĩnh vực", "Xếp hạng các đơn vị", "Chỉ số thành phần theo lĩnh vực",
                      "Sở Tư pháp so với trung bình các đơn vị", "Thay đổi chỉ số"]
    assert html.count("<svg") == 5 and html.count("</svg>") == 5


def test_summary_ranking_and_heatmap_match_the_cells(pages):
    html = (pages / "report.html").read_text(encoding="utf-8")
    points = wide_points(DEPARTMENTS / "departments.xlsx")
    indexes = {unit: two(sum(fields.values())) for unit, fields in points.items()}  # the scale is 100
    rank = 1 + sum(index > indexes[UNIT] for index in indexes.values())
    summary = section(html, "summary")
    assert f"<b>{comma(indexes[UNIT])}</b><span>Chỉ số</span>" in summary
    assert f"<b>{rank}/20</b><span>Xếp hạng</span>" in summary
    mean = two(sum(indexes.values()) / 20)
    assert f"<b>{comma(mean)}</b><span>Chỉ số trung bình</span>" in summary
    ranking = section(html, "ranking")
    chart = ranking.split("</svg>")[0]
    for unit, index in indexes.items():
        assert f">{escape(unit)}</text>" in chart and f">{comma(index)}</text>" in chart, unit
    assert re.search(r'font-weight: 700[^>]*>Sở Tư pháp</text>', chart)  # the unit the page is about, in bold
    sub_indexes = {unit: {field: two(value * 100 / MAXIMA[field]) for field, value in fields.items()} for unit, fields in points.items()}
    heat = section(html, "heat")
    for field, value in sub_indexes[UNIT].items():
        assert f">{comma(value)}</text>" in heat, field
    against = section(html, "against")
    for field in MAXIMA:
        mean_field = two(sum(unit[field] for unit in sub_indexes.values()) / 20)
        own = sub_indexes[UNIT][field]
        difference = own - mean_field
        assert (f'<td class="n">{comma(own)}</td><td class="n">{comma(mean_field)}</td>'
                f'<td class="n">{"+" if difference > 0 else ""}{comma(difference)}</td>') in against, field


def test_changes_since_the_previous_year(pages):
    html = (pages / "report.html").read_text(encoding="utf-8")
    now = {unit: two(sum(fields.values())) for unit, fields in wide_points(DEPARTMENTS / "departments.xlsx").items()}
    before = {unit: two(sum(fields.values())) for unit, fields in wide_points(DEPARTMENTS / "departments-previous-year.xlsx").items()}
    rank = lambda indexes, unit: 1 + sum(other > indexes[unit] for other in indexes.values())  # noqa: E731
    changes = section(html, "changes")
    delta = now[UNIT] - before[UNIT]
    row = (f'<tr class="focus"><td>{UNIT}</td><td class="n">{comma(before[UNIT])}</td><td class="n">{comma(now[UNIT])}</td>'
           f'<td class="n {"down" if delta < 0 else "up"}">{"+" if delta > 0 else ""}{comma(delta)}</td>'
           f'<td class="c">{rank(before, UNIT)} → {rank(now, UNIT)}</td></tr>')
    assert row in changes
    worst = min(now, key=lambda unit: (now[unit] - before[unit], unit))
    assert changes.index(f"<td>{escape(worst)}</td>") < changes.index(f"<td>{UNIT}</td>") or worst == UNIT  # largest drop first
    assert "Các tiêu chí giảm điểm nhiều nhất của Sở Tư pháp" in changes
    assert f'<b>{"+" if delta > 0 else ""}{comma(delta)}</b><span>So với năm trước</span>' in section(html, "summary")


def test_the_same_bytes_every_time(pages):
    assert (pages / "report.html").read_bytes() == (pages / "again.html").read_bytes()


def test_english(pages):
    html = (pages / "en.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "<h1>PAR Index report 2024</h1>" in html
    assert "<span>Index</span>" in html and "78.90" in html and "78,90" not in html


def test_one_unit_lost_points_as_published(cli, tmp_path):
    """Lâm Đồng 2020: the published appendix's losses per field (DOMAIN.md)."""
    target = tmp_path / "lam-dong.html"
    run = cli("report", LAM_DONG, "--criteria", "province-2020", "--assume-full", "-o", target)
    assert run.exit_code == 0, run.output
    html = target.read_text(encoding="utf-8")
    assert html.count("<svg") == 1 and 'id="ranking"' not in html  # one unit: nothing to rank
    chart = section(html, "tree").split("</svg>")[0]
    for lost in ("1,03", "0,00", "0,05", "1,34", "0,50", "3,42", "0,34", "2,08", "7,31"):
        assert f">{lost}</text>" in chart, lost
    assert "<b>83,93</b><span>Chỉ số</span>" in html
    assert re.search(r'<tr class="lost"><td>3\.4\.3</td>.*?<td class="n">0,996</td><td class="n">0,004 ▼</td></tr>', html)


@pytest.mark.parametrize("extra, english, vietnamese", [
    (("-o", "report.pdf"), "parcalc: error: report.pdf: a report is an HTML page: name it .html",
     "parcalc: lỗi: report.pdf: báo cáo là một trang HTML: đặt tên tệp có đuôi .html"),
    (("--unit", "Sở Z", "-o", "x.html"), "parcalc: error: --unit: 'Sở Z' is not a unit of the workbooks",
     "parcalc: lỗi: --unit: «Sở Z» không phải là đơn vị nào trong các bảng tính"),
])
def test_usage_errors(cli, tmp_path, monkeypatch, extra, english, vietnamese):
    monkeypatch.chdir(tmp_path)
    for lang, expected in (("", vietnamese), ("en", english)):
        run = cli("report", DEPARTMENTS / "departments.xlsx", "--criteria", SET, *extra, lang=lang)
        assert run.exit_code == 2 and run.stderr.startswith(expected) and run.stderr.count("\n") == 1, run.stderr
    assert list(tmp_path.iterdir()) == []


def test_without_matplotlib_one_line_and_exit_2(tmp_path):
    code = ("import sys; sys.modules['matplotlib'] = None\n"
            "from parcalc.cli import run\n"
            f"sys.exit(run(['report', {str(DEPARTMENTS / 'departments.xlsx')!r}, '-o', {str(tmp_path / 'r.html')!r}]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr == ("parcalc: lỗi: parcalc report: cần thư viện vẽ biểu đồ matplotlib nhưng chưa được cài đặt: "
                          "pip install 'parcalc[report]'\n")
    assert not (tmp_path / "r.html").exists()


def test_only_report_imports_matplotlib():
    code = ("import sys; from parcalc.cli import run\n"
            "run(['score', sys.argv[1], '-f', 'json']); run(['rank', sys.argv[1], '-f', 'json'])\n"
            "print('matplotlib' in sys.modules, file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code, str(LAM_DONG)], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert out.stderr.strip().endswith("False")


def test_python_users_get_the_same_page(pages):
    from parcalc import api

    report = api.unit_report([DEPARTMENTS / "departments.xlsx"], SET, previous=[DEPARTMENTS / "departments-previous-year.xlsx"],
                             unit="Sở Tư pháp", year=2024)
    assert report.focus.unit == UNIT and report.comparison is not None
    assert api.report_html(report) == (pages / "report.html").read_text(encoding="utf-8")


def test_the_previous_years_workbook_is_an_input_too(cli, tmp_path):
    import shutil

    old = tmp_path / "old.xlsx"
    shutil.copyfile(DEPARTMENTS / "departments-previous-year.xlsx", old)
    before = old.read_bytes()
    run = cli("report", DEPARTMENTS / "departments.xlsx", "--criteria", SET, "--previous", old, "-o", old, "--force")
    assert run.exit_code == 2 and run.stderr == f"parcalc: lỗi: {old}: cũng là tệp đầu vào: hãy ghi kết quả ra tệp khác\n"
    assert old.read_bytes() == before
    page = tmp_path / "page.html"
    page.write_text("kept", encoding="utf-8")
    run = cli("report", DEPARTMENTS / "departments.xlsx", "--criteria", SET, "-o", page)
    assert run.exit_code == 2 and page.read_text(encoding="utf-8") == "kept"  # never over a file without --force
