"""A declared indirect share survives a share-less step among its components: the
Finnish state's declared 100% of Gasgrid Finland (BODS example ``bods-package-fi-soe``)
runs through its control of the ministry, which holds the shares — the chain shows the
declared 100%, not "share unknown"; a share-less step that is *not* a component of the
declaration still makes the share unknown."""

from __future__ import annotations

import shutil

from sqlalchemy import select

from db.analysis import control_chains
from db.core.commands import run
from db.formats import import_file
from db.models import Entity
from db.services import entities as E
from db.services import links as L


def _chain(case, name):
    with case.session() as session:
        subject = session.scalars(select(Entity.id).where(Entity.caption == name)).one()
        return control_chains(session, subject)


def test_finnish_state_holds_its_declared_indirect_100_percent(new_case, shared_data, tmp_path):
    shutil.copy(shared_data / "bods" / "bods-package-fi-soe.json", tmp_path / "fi.json")
    import_file(new_case, tmp_path / "fi.json")
    result = _chain(new_case, "Gasgrid Finland Oy")
    owners = {o.name: o for o in result.owners}
    state = owners["Suomen tasavalta"]
    assert (state.effective_share, state.effective_share_min, state.effective_share_max) == (
        100.0, 100.0, 100.0)
    assert state.declared_indirect and not state.direct and state.controls
    assert state.share_text == "100% declared indirect"
    assert [o.name for o in result.controllers] == ["Suomen tasavalta"]
    ministry, holding = owners["Valtiovarainministerio"], owners["Suomen Kaasuverkko Oy"]
    assert (ministry.share_text, ministry.direct, ministry.declared_indirect) == (
        "100%", True, False)  # 23.5% directly + 100% × 76.5% through Suomen Kaasuverkko
    assert (holding.share_text, holding.direct) == ("76.5%", True)
    # The component paths stay listed beside the declared one.
    names = {o.id: o.name for o in result.owners} | {result.entity_id: result.entity_name}
    assert [" → ".join(names[i] for i in p) for p in state.paths] == [
        "Suomen tasavalta → Gasgrid Finland Oy",
        "Suomen tasavalta → Valtiovarainministerio → Gasgrid Finland Oy",
        "Suomen tasavalta → Valtiovarainministerio → Suomen Kaasuverkko Oy → "
        "Gasgrid Finland Oy"]
    assert result.to_json()["owners"][0]["declared_indirect"] is True


def test_a_share_less_step_outside_the_declaration_still_makes_the_share_unknown(new_case):
    def build(tx):
        state = E.create_entity(tx, "PublicBody", "State")
        agency = E.create_entity(tx, "PublicBody", "Agency")
        company = E.create_entity(tx, "Company", "Company")
        # Declared, without components: the agency's control is another holding.
        L.create_link(tx, "Ownership", state, company, share=40,
                      properties={"bodsIndirect": ["true"]})
        L.create_link(tx, "Control", state, agency)
        L.create_link(tx, "Ownership", agency, company, share=60)

    run(new_case, "build", build)
    state = {o.name: o for o in _chain(new_case, "Company").owners}["State"]
    assert (state.effective_share, state.share_text) == (None, "share unknown")
    assert not state.declared_indirect and not state.direct
