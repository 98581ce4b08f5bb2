"""The chain of the most-owned entity of a 100k-shaped case, with the GUI never blocked.

The case is built like ``bench/bench_entity_list.py``'s 100,000-entity / 250,000-link
case (random owner → owned pairs, 60% ownership of which 70% with a share, the rest
unknown links), at 1/20 of the size: the same shape, so the most-owned entity's ancestors
again hold one circular group of about a third of all entities. A 20 ms timer counts its
late ticks (over 100 ms between two, the GUI thread busy) while the chain is computed,
shown, scrolled and an owner in the circular group expanded: counted, not timed, so a
slow machine only makes the test slower.
"""

from __future__ import annotations

import random
from collections import Counter

import pytest

from desktop.panes.chain.model import KIND_ROLE, MORE, OWNER, PENDING, STEP
from tests.desktop.watchdog import Watchdog
from tests.generated_case import random_links

NOW = "2026-11-01T00:00:00+00:00"


def hundred_k_shaped(case, entities: int = 5000, links: int = 12500, seed: int = 7) -> str:
    """Fill ``case`` like the bench's 100k case, scaled down; the most-owned entity's id."""
    from db.models import Entity, Link, new_id

    rng = random.Random(seed)
    ids = [new_id() for _ in range(entities)]
    entity_rows = [{"id": id_, "schema": rng.choice(("Company", "Company", "Person")),
                    "caption": f"Entity {number}", "role": None,
                    "properties": {"name": [f"Entity {number}"]}, "created_by": "test",
                    "created_at": NOW, "updated_at": NOW}
                   for number, id_ in enumerate(ids)]
    link_rows = random_links(rng, ids, links, "test", NOW)
    with case.transaction("Generate a 100k-shaped case") as tx:
        tx.bulk_insert(Entity, entity_rows)
        tx.bulk_insert(Link, link_rows)
    owned_by = Counter(row["target_id"] for row in link_rows if row["schema"] == "Ownership")
    return owned_by.most_common(1)[0][0]


@pytest.fixture
def big_case(tmp_path):
    from db.core.casefile import CaseFile

    case = CaseFile.create(tmp_path / "big.casefile", name="100k-shaped", author="test")
    entity = hundred_k_shaped(case)
    yield case, entity
    case.engine.dispose()


def _owner_rows(pane) -> list[int]:
    model = pane.model
    return [r for r in range(model.rowCount()) if model.index(r, 0).data(KIND_ROLE) == OWNER]


def test_most_owned_entity_chain_never_blocks_the_gui(qtbot, make_window, big_case,
                                                       artifacts, request):
    case, entity = big_case
    window = make_window(case, panes=("chain",), size=(1300, 850))
    request.getfixturevalue("app_started")
    pane = window.panes["chain"]
    watchdog = Watchdog()
    watchdog.start()

    pane.show_chain(entity)
    assert pane.cancel.isVisibleTo(pane)  # Cancel offered while it computes
    qtbot.waitUntil(lambda: not pane.computing and pane.chain is not None, timeout=60_000)
    owners = pane.chain.result.owners
    assert len(owners) > 2000  # a third of the case and more: the circular group is in it
    # The first owners are listed; a last row says how many are still to come.
    model = pane.model
    last = model.index(model.rowCount() - 1, 0)
    assert last.data(KIND_ROLE) == MORE
    assert 0 < model.owners_left() < len(owners)
    assert last.data() == (f"… and {model.owners_left():,} more owners "
                           "(scroll down to list them)")
    assert not pane.cancel.isVisibleTo(pane)

    # Scrolling to the bottom lists the next owners.
    listed = len(_owner_rows(pane))
    pane.view.scrollToBottom()
    qtbot.waitUntil(lambda: len(_owner_rows(pane)) > listed)

    # An owner with a share unknown sits in the circular group: its paths are searched on
    # the worker when it is expanded, and what is not listed says so.
    row = next(r for r in range(model.rowCount() - 1)  # rows are owners in list order
               if owners[r].share_text == "share unknown" and not owners[r].direct)
    owner_index = model.index(row, 0)
    pane.view.expand(owner_index)
    qtbot.waitUntil(lambda: model.rowCount(owner_index) > 0
                    and model.index(0, 0, owner_index).data(KIND_ROLE) != PENDING,
                    timeout=30_000)
    children = [model.index(r, 0, owner_index) for r in range(model.rowCount(owner_index))]
    kinds = [child.data(KIND_ROLE) for child in children]
    assert STEP in kinds or "path" in kinds
    listing = owners[row].path_list()
    if listing.truncated:
        assert kinds[-1] == MORE and children[-1].data().startswith(("… and", "Search stopped"))
    pane.view.scrollTo(owner_index)
    qtbot.waitUntil(lambda: watchdog.ticks > 10)  # it watched, however fast the machine
    watchdog.stop()
    pane.grab().save(str(artifacts / "chain_big_case.png"))

    assert watchdog.ticks > 10
    assert watchdog.late == 0, watchdog.report()
