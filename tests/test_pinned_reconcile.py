"""core/reconcile.py pinned (issue 18): the tree a workbook describes without --criteria,
and a criterion set filled from a workbook."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parcalc.core import reconcile
from parcalc.core.errors import InputError
from parcalc.core.model import Appraisal, Criterion, CriterionSet, Entry, Finding

D = Decimal


def entry(code, max=None, points=None, name=None, kind=None, cell=None):
    return Entry(code, points=points, max=None if max is None else D(max), name=name, kind=kind,
                 where={"code": f"A{cell}", "max": f"C{cell}"} if cell else {})


def shape(node):
    return (node.code, node.max, node.kind, node.partial, tuple(shape(child) for child in node.children))


def test_codes_of_10_or_more_in_tree_order_and_heading_rows_take_their_childrens_sum():
    rows = (entry("1", cell=2), entry("1.10", 1, cell=3), entry("1.9", 2, cell=4), entry("1.2", 3, cell=5),
            entry("2", 94, cell=6))
    tree, findings = reconcile.tree_from_workbook(Appraisal(rows, source="w.xlsx"))
    assert [shape(root) for root in tree.roots] == [
        ("1", D(6), "mixed", False, (("1.2", D(3), "mixed", False, ()), ("1.9", D(2), "mixed", False, ()),
                                     ("1.10", D(1), "mixed", False, ()))),
        ("2", D(94), "mixed", False, ())]
    assert findings == [] and (tree.id, tree.title, tree.origin) == ("workbook", "w.xlsx", "w.xlsx")


def test_a_row_whose_parent_is_missing_hangs_under_the_nearest_ancestor_without_a_warning():
    rows = (entry("1", 10, cell=2), entry("1.1.1", 4, cell=3), entry("1.2", 6, cell=4), entry("2", 90, cell=5))
    tree, findings = reconcile.tree_from_workbook(Appraisal(rows))
    assert findings == []
    # 1.1.1 hangs under 1, the nearest row above it in the tree; 1 is given 10 of 4 + 6: not partial
    assert shape(tree.roots[0]) == ("1", D(10), "mixed", False, (("1.1.1", D(4), "mixed", False, ()), ("1.2", D(6), "mixed", False, ())))


def test_a_top_row_below_level_1_without_a_parent():
    tree, findings = reconcile.tree_from_workbook(Appraisal((entry("1", 100, cell=2), entry("2.1", 5, cell=3))), whole=False)
    assert findings == [Finding("no_parent_row", "2.1", "A3", {})] and [root.code for root in tree.roots] == ["1", "2.1"]


def test_children_with_less_than_their_parent_make_it_partial():
    tree, _ = reconcile.tree_from_workbook(Appraisal((entry("1", 10), entry("1.1", 4), entry("1.2", 6), entry("2", 10), entry("2.1", 9))))
    assert [(root.code, root.partial) for root in tree.roots] == [("1", False), ("2", True)]


def test_children_with_more_than_their_parent_are_refused_at_its_max_cell():
    rows = (entry("1", 5, cell=2), entry("1.1", 3, cell=3), entry("1.2", "2.5", cell=4))
    with pytest.raises(InputError) as caught:
        reconcile.tree_from_workbook(Appraisal(rows))
    assert caught.value.render("en") == "C2: 1: the rows under it have 5.5 standard points together, more than its 5"
    assert caught.value.render("vi") == "C2: 1: các dòng bên dưới có tổng điểm chuẩn 5,5, nhiều hơn điểm chuẩn 5 của nó"


def test_every_row_without_standard_points_is_reported_at_once():
    rows = (entry("1", cell=2), entry("2", 5, cell=3), entry("3", cell=4))
    with pytest.raises(InputError) as caught:
        reconcile.tree_from_workbook(Appraisal(rows))
    tail = " has no standard points (Điểm chuẩn, Điểm tối đa): add them, or pass --criteria SET"
    assert caught.value.render("en").split("\n") == [f"A2: 1{tail}", f"A4: 3{tail}"]


def test_a_bonus_or_penalty_without_a_ceiling_is_worth_what_it_gives():
    rows = (entry("1", 100), Entry("2", points=D(3), kind="bonus"), Entry("3", kind="penalty"))
    tree, _ = reconcile.tree_from_workbook(Appraisal(rows))
    assert [shape(root) for root in tree.roots] == [("1", D(100), "mixed", False, ()), ("2", D(3), "bonus", False, ()),
                                                    ("3", D(0), "penalty", False, ())]


def test_a_block_kind_passes_to_its_children_unless_they_say_otherwise():
    rows = (entry("1", 100), Entry("2", max=D(5), kind="bonus"), Entry("2.1", max=D(5)))
    tree, _ = reconcile.tree_from_workbook(Appraisal(rows), kind="appraised")
    assert [shape(root) for root in tree.roots] == [("1", D(100), "appraised", False, ()),
                                                    ("2", D(5), "bonus", False, (("2.1", D(5), "bonus", False, ()),))]


def test_missing_fields_are_refused_at_the_sheet_and_a_bonus_block_does_not_count():
    rows = (Entry("1", max=D(5), where={"code": "A2"}), Entry("3", max=D(5)), Entry("5", max=D(1), kind="bonus"))
    with pytest.raises(InputError) as caught:
        reconcile.tree_from_workbook(Appraisal(rows, source="w.xlsx"))
    assert caught.value.render("en") == (
        "A2: the workbook has no rows for field 2, so it holds only part of a criterion tree (an appendix that lists only what "
        "lost points?): score it against its criterion set with --criteria SET (parcalc criteria list), which knows the missing fields")
    without_place = Appraisal((Entry("2", max=D(5)),), source="w.xlsx")
    with pytest.raises(InputError) as caught:
        reconcile.tree_from_workbook(without_place)
    assert caught.value.render("en").startswith("w.xlsx: the workbook has no rows for field 1, so")
    assert reconcile.tree_from_workbook(without_place, whole=False)[0].roots[0].code == "2"


def test_merge_fills_unknown_maxima_and_names_and_reports_differences():
    criteria = CriterionSet(id="s", title="s", roots=(
        Criterion("1", name="Công tác chỉ đạo", max=D(10), children=(Criterion("1.1", name=None, max=None),
                                                                     Criterion("1.2", name="KT-XH", max=D(4)))),))
    rows = (Entry("1", max=D(11), name="công tác  CHỈ ĐẠO", where={"code": "A2", "max": "C2"}),
            Entry("1.1", max=D(6), name="Tên mới"), Entry("1.2", max=D(4), name="Khác", where={"code": "A4"}))
    merged, findings = reconcile.merge(criteria, Appraisal(rows))
    node = merged.roots[0]
    assert (node.max, node.name) == (D(10), "Công tác chỉ đạo")
    assert [(c.code, c.max, c.name) for c in node.children] == [("1.1", D(6), "Tên mới"), ("1.2", D(4), "KT-XH")]
    # children are filled before their parent, so their findings come first
    assert findings == [Finding("name_mismatch", "1.2", "A4", {"workbook": "Khác", "set": "KT-XH"}),
                        Finding("max_mismatch", "1", "C2", {"workbook": D(11), "set": D(10)})]


def test_an_empty_or_unnamed_appraisal_gives_an_empty_tree_named_workbook():
    tree, findings = reconcile.tree_from_workbook(Appraisal(()))
    assert (tree.roots, tree.id, tree.title, tree.origin, findings) == ((), "workbook", "workbook", None, [])


def test_a_workbook_of_only_a_bonus_block_misses_no_field():
    """Only fields (not bonus or penalty blocks) must be numbered 1, 2, ...: with none, none is missing."""
    tree, _ = reconcile.tree_from_workbook(Appraisal((entry("1", 5, points=D(5), kind="bonus", cell=2),), source="b.xlsx"))
    assert [(root.code, root.kind, root.max) for root in tree.roots] == [("1", "bonus", D(5))]


def test_problems_and_findings_of_a_row_name_its_code_cell():
    rows = (entry("1", cell=2), entry("1.1", cell=3), entry("3.2", 4, cell=4))
    with pytest.raises(InputError) as caught:
        reconcile.tree_from_workbook(Appraisal(rows, source="w.xlsx"))
    assert [str(problem.where) for problem in caught.value.problems] == ["A3", "A2"]  # the code cells, children first
