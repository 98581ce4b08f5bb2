"""The entity list model without a window: lazy pages, SQL sort and filter, refresh."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from db.core.commands import run
from db.reads import entity_list
from db.services import entities as entity_service
from db.services import links as link_service
from desktop.panes.entities.model import (
    COL_CLAIMS,
    COL_COUNTRY,
    COL_LINKS,
    COL_NAME,
    COL_TYPE,
    PAGE_SIZE,
    EntityListModel,
    IdRole,
)


def load(qtbot, model: EntityListModel, action) -> None:
    with qtbot.waitSignal(model.sig_loaded, timeout=10000):
        action()


def column(model: EntityListModel, col: int) -> list:
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


def test_rows_of_the_sample_with_counts(qtbot, sample):
    model = EntityListModel()
    load(qtbot, model, lambda: model.set_case(sample))
    assert model.rowCount() == 16 and model.total() == 16
    assert not model.canFetchMore(QModelIndex())
    row = column(model, COL_NAME).index("Renera")
    assert [model.data(model.index(row, c)) for c in
            (COL_NAME, COL_TYPE, COL_COUNTRY, COL_LINKS, COL_CLAIMS)] == [
        "Renera", "Company", "RU", 4, 3]
    atom = column(model, COL_NAME).index("Atom")
    assert model.data(model.index(atom, COL_TYPE)) == "Asset · brand"
    assert model.data(model.index(atom, COL_NAME), IdRole) == sample.ids["atom"]
    assert model.headerData(COL_LINKS, Qt.Orientation.Horizontal) == "Links"


def test_pages_load_lazily(qtbot, new_case):
    def many(tx) -> None:
        for number in range(450):
            entity_service.create_entity(tx, "Company", f"Company {number:03d}")

    run(new_case, "Add", many)
    model = EntityListModel()
    load(qtbot, model, lambda: model.set_case(new_case))
    assert model.total() == 450
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * PAGE_SIZE
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 450 and not model.canFetchMore(QModelIndex())
    assert column(model, COL_NAME)[-1] == "Company 449"
    model.set_case(None)


def test_sort_and_filter_in_sql(qtbot, sample):
    model = EntityListModel()
    load(qtbot, model, lambda: model.set_case(sample))
    load(qtbot, model, lambda: model.sort(COL_CLAIMS, Qt.SortOrder.DescendingOrder))
    claims = column(model, COL_CLAIMS)
    assert claims == sorted(claims, reverse=True) and claims[0] == 3
    load(qtbot, model, lambda: model.sort(COL_COUNTRY, Qt.SortOrder.AscendingOrder))
    # The Erdoğans have a nationality, not a country.
    assert column(model, COL_COUNTRY) == ["", "", "KR"] + ["RU"] * 11 + ["TR"] * 2
    load(qtbot, model, lambda: model.set_filter("schema:publicbody"))
    assert sorted(column(model, COL_NAME)) == ["Moscow Mayor's Office", "Russia", "South Korea",
                                               "Turkey"]
    load(qtbot, model, lambda: model.set_filter("kama 100%"))  # every word must match
    assert column(model, COL_NAME) == []


def test_refresh_rereads_only_changed_rows(qtbot, sample):
    model = EntityListModel()
    load(qtbot, model, lambda: model.set_case(sample))
    run(sample, "Link", lambda tx: link_service.create_link(
        tx, "Ownership", sample.ids["rosatom"], sample.ids["togg"], share=10))
    row = column(model, COL_NAME).index("TOGG")
    assert model.data(model.index(row, COL_LINKS)) == 2  # not re-read yet
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.refresh({sample.ids["togg"]})
    assert changed.args[0].row() == row
    assert model.data(model.index(row, COL_LINKS)) == 3


def test_filter_clause_escapes_like_wildcards(sample):
    with sample.session() as session:
        assert entity_list.ordered_ids(session, "%") == []
        assert entity_list.ordered_ids(session, "_") == []
        assert len(entity_list.ordered_ids(session, "")) == 16
