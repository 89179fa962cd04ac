"""The documents as real clients show them: LibreOffice prints the ranking (xlsx, docx)
and the remediation appendix (docx, xlsx) to PDF, and the PDF is checked page by page
with poppler (page count, A4 landscape, no table row broken across a page, a page number
on every page from the second); headless Chromium opens the HTML report, which must log
no console error, and its screenshot must show the charts.

Skipped where a program is missing: LibreOffice (`soffice`), poppler (`pdfinfo`,
`pdftotext`), Chromium (`chromium`). CI does not install them (that would cost minutes on
every run); run them by hand after `apt-get install libreoffice-calc libreoffice-writer
poppler-utils chromium fonts-liberation2`:

    python -m pytest tests/test_real_clients.py -v

The exact page counts assume Times New Roman or its metric twin Liberation Serif (the
package fonts-liberation2); with another font in its place they are not checked."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, LAM_DONG

DEPARTMENTS = EXAMPLES / "departments"
RANK = ("rank", DEPARTMENTS / "departments.xlsx", "--criteria", DEPARTMENTS / "department-set.yaml", "--year", "2024",
        "--plan", "Quyết định số 123/QĐ-UBND ngày 20/01/2025 của UBND tỉnh", "--unit", "Sở Tư pháp")
REMEDIATION = ("remediation", LAM_DONG, "--criteria", "province-2020", "--assume-full", "--playbook", "province-2020", "--year", "2021")
A4_LANDSCAPE = (841.89, 595.3)  # points

office = pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdfinfo") and shutil.which("pdftotext")),
                            reason="LibreOffice (soffice) and poppler (pdfinfo, pdftotext) are needed")
CHROMIUM = next((name for name in ("chromium", "chromium-browser", "google-chrome") if shutil.which(name)), None)


def _metric_font() -> bool:
    """Whether Times New Roman, or Liberation Serif with its metrics, is what prints."""
    if not shutil.which("fc-match"):
        return False
    found = subprocess.run(["fc-match", "Times New Roman"], capture_output=True, text=True).stdout
    return "Times New Roman" in found or "Liberation Serif" in found


def to_pdf(document: Path, folder: Path) -> Path:
    """LibreOffice's PDF of `document`, with a profile of its own (another soffice may be running)."""
    profile = folder / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), str(document)], check=True, capture_output=True, timeout=240)
    pdf = folder / (document.stem + ".pdf")
    assert pdf.is_file(), f"LibreOffice wrote no PDF of {document.name}"
    return pdf


def pages_of(pdf: Path) -> list[str]:
    count = int(re.search(r"^Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                                                              check=True).stdout, re.M).group(1))
    return [subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout for page in range(1, count + 1)]


def page_sizes(pdf: Path, count: int) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", str(count), str(pdf)], capture_output=True, text=True, check=True).stdout
    return [(float(width), float(height)) for width, height in re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info, re.M)]


def check_pages(pdf: Path, first_cells: list[str], headings: list[str], pages: int | None) -> list[str]:
    """Page count (when the metric font is there), A4 landscape, the page number at the
    top of every page from the second and none on the first; every row of the table
    found in order, and every page that goes on with the table starts, under its
    repeated header, with a row's first cell (a row broken across a page leaves a piece
    of it there, with no first cell)."""
    texts = pages_of(pdf)
    if pages is not None and _metric_font():
        assert len(texts) == pages, f"{pdf.name}: {len(texts)} pages, not {pages}"
    for size in page_sizes(pdf, len(texts)):
        assert abs(size[0] - A4_LANDSCAPE[0]) < 1 and abs(size[1] - A4_LANDSCAPE[1]) < 1, f"{pdf.name}: page of {size}"
    heading_words = {word for heading in headings for word in re.split(r"[\s/]+", heading) if word}
    expected = list(first_cells)
    for number, text in enumerate(texts, start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if number == 1:
            assert lines[0] != "1", f"{pdf.name}: page 1 carries a number"
        else:
            assert lines[0] == str(number), f"{pdf.name}: page {number} starts with {lines[0]!r}, not its number"
        starts = [i for i, line in enumerate(lines) if line.split()[0] == headings[0].split()[0]]
        if not starts or not expected:
            continue  # no table on this page (a chart, the notes), or another table after it
        for line in lines[starts[0]:]:
            first = line.split()[0]
            if expected and first == expected[0]:
                break
            stray = [word for word in re.split(r"[\s/]+", line) if word and word not in heading_words]
            assert not stray, f"{pdf.name}: page {number} goes on with a piece of a row broken from the page before: {line!r}"
        for line in lines[starts[0]:]:
            if expected and line.split()[0] == expected[0]:
                expected.pop(0)
    assert not expected, f"{pdf.name}: rows not found in order, from {expected[0]!r}"
    return texts


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    from typer.testing import CliRunner

    from parcalc.cli import app

    folder = tmp_path_factory.mktemp("clients")
    runner = CliRunner()
    for args, name in ((RANK, "xep-hang.xlsx"), (RANK, "xep-hang.docx"), (REMEDIATION, "phu-luc.docx"), (REMEDIATION, "phu-luc.xlsx")):
        run = runner.invoke(app, [str(arg) for arg in (*args, "-o", folder / name)])
        assert run.exit_code == 0, run.output
    return folder


def _ranking_rows() -> tuple[list[str], list[str]]:
    from parcalc import api

    appendix = api.ranking_appendix(api.rank_workbooks([DEPARTMENTS / "departments.xlsx"], DEPARTMENTS / "department-set.yaml"))
    return [str(unit.rank) for unit in appendix.ranking.units], list(appendix.heading_row())


def _appendix_rows() -> tuple[list[str], list[str]]:
    from parcalc import api

    appendix = api.remediation_appendix(LAM_DONG, "province-2020", year=2021, assume_full=True, playbook="province-2020")
    return [row.code for row in appendix.rows], list(appendix.heading_row())


@office
def test_ranking_docx_in_libreoffice(documents):
    ranks, headings = _ranking_rows()
    texts = check_pages(to_pdf(documents / "xep-hang.docx", documents / "docx"), ranks, headings, pages=2)
    assert "KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024 CỦA CÁC SỞ, BAN, NGÀNH" in texts[0]
    whole = "\n".join(texts)
    assert "Chỉ số trung bình: 80,22" in whole and "Nhóm B (từ 80 đến dưới 90): 11" in whole


@office
def test_ranking_xlsx_in_libreoffice(documents):
    ranks, headings = _ranking_rows()
    texts = check_pages(to_pdf(documents / "xep-hang.xlsx", documents / "xlsx"), ranks, headings, pages=3)
    assert "Sở Tư pháp" in texts[0] and "Chỉ số trung bình" in texts[0]  # the appendix and its summary on page 1
    assert "Chỉ số CCHC của các đơn vị, theo nhóm" in texts[1]  # the charts, drawn by LibreOffice
    assert "Chỉ số thành phần của Sở Tư pháp so với trung bình" in texts[1]
    assert "Chỉ số thành phần theo lĩnh vực" in texts[2]


@office
@pytest.mark.parametrize("name, pages", [("phu-luc.docx", 5), ("phu-luc.xlsx", 4)])
def test_remediation_appendix_in_libreoffice(documents, name, pages):
    codes, headings = _appendix_rows()
    texts = check_pages(to_pdf(documents / name, documents / name.replace(".", "-")), codes, headings, pages=pages)
    assert "PHỤ LỤC" in texts[0]


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is needed")
def test_report_in_headless_chromium(tmp_path):
    """No console error (the page has no script, so none is expected), nothing fetched
    (every host is unreachable), and a screenshot that shows the charts in their colours."""
    from PIL import Image
    from typer.testing import CliRunner

    from parcalc.cli import app

    page = tmp_path / "bao-cao.html"
    run = CliRunner().invoke(app, [str(arg) for arg in (
        "report", DEPARTMENTS / "departments.xlsx", "--previous", DEPARTMENTS / "departments-previous-year.xlsx",
        "--criteria", DEPARTMENTS / "department-set.yaml", "--unit", "Sở Tư pháp", "-o", page)])
    assert run.exit_code == 0, run.output
    shot = tmp_path / "shot.png"
    browser = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
               "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=0", "--hide-scrollbars"]
    dom = subprocess.run([*browser, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0 and dom.stdout.count("<svg") == 5
    assert not re.findall(r"CONSOLE|Uncaught|Failed to load resource|net::ERR", dom.stderr), dom.stderr
    taken = subprocess.run([*browser, "--window-size=1280,4200", f"--screenshot={shot}", page.as_uri()],
                           capture_output=True, text=True, timeout=120)
    assert taken.returncode == 0 and shot.is_file(), taken.stderr
    assert not re.findall(r"CONSOLE|Uncaught|Failed to load resource|net::ERR", taken.stderr), taken.stderr
    image = Image.open(shot).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 500  # text, tables and charts, not a blank page
    counts = {colour: count for count, colour in colours}
    inked = sum(count for colour, count in counts.items() if colour != (255, 255, 255))
    assert inked > image.width * image.height * 0.05
    for name, colour in (("group B bars", (0x15, 0x65, 0xC0)), ("group C bars", (0xF9, 0xA8, 0x25)), ("lost points", (0xC6, 0x28, 0x28))):
        assert counts.get(colour, 0) > 500, f"the {name} are not drawn"
