#!/bin/sh
# Build the remediation appendix of a PAR Index workbook in every format and check the
# target index: the same job as the GitHub and GitLab examples beside it, for any CI (or
# a cron job on the Sở Nội vụ's own server). Run from the repository's root:
#
#   sh examples/ci/remediation.sh            # Lâm Đồng's published appendix: 37 rows
#   WORKBOOK=data/2024.xlsx CRITERIA=province-2022 PLAN="..." YEAR=2025 TARGET=85 sh examples/ci/remediation.sh
#
# parcalc must be installed (pip install . in this repository). Exit codes: 0 done,
# 1 the index is below TARGET, 2 a problem with the inputs (one line each on stderr).
set -eu

WORKBOOK=${WORKBOOK:-examples/lam-dong-2020.xlsx}
CRITERIA=${CRITERIA:-province-2020}
PLAYBOOK=${PLAYBOOK:-province-2020}
PLAN=${PLAN:-"6006/KH-UBND ngày 23 tháng 8 năm 2021 của UBND tỉnh"}
YEAR=${YEAR:-2021}            # given, so the same workbook gives the same bytes on any day
TARGET=${TARGET:-80}
OUT=${OUT:-out}

mkdir -p "$OUT"
for format in xlsx docx md csv json; do
  parcalc remediation "$WORKBOOK" --criteria "$CRITERIA" --assume-full --playbook "$PLAYBOOK" \
    --plan "$PLAN" --year "$YEAR" -o "$OUT/phu-luc.$format" --force
done
echo "phụ lục: $OUT/phu-luc.{xlsx,docx,md,csv,json}"
parcalc score "$WORKBOOK" --criteria "$CRITERIA" --assume-full --fail-under "$TARGET" -f md -o "$OUT/diem.md" --force
