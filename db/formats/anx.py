"""The network for i2 Analyst's Notebook: ANX, its import specification in XML.

One ``Chart``: an entity type per schema (with the i2 icon closest to it) and a link
type per relationship kind, then one ``ChartItem`` per entity (label, icon, position
from the app's force layout, its FtM properties as the description) and one per link
(label "owns 25–50%", the arrow from owner to owned, the start date as the item's
date, start and end in the description). Attributes i2 cannot show stay out; claims
and documents do not travel.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ElementTree, SubElement, indent

from sqlalchemy import select

from db.core.progress import NO_PROGRESS, Progress
from db.formats.output import replacing
from db.models import Entity, Link
from db.partial_date import PartialDate
from db.schemata import LINK_SCHEMATA
from db.wording import share_range_text

ICONS = {"Person": "Person", "Company": "Organisation", "Organization": "Organisation",
         "PublicBody": "Government", "LegalEntity": "Organisation", "Address": "Address",
         "RealEstate": "Building", "Vehicle": "Vehicle", "Vessel": "Boat",
         "Airplane": "Aircraft", "BankAccount": "Account", "CryptoWallet": "Account",
         "Passport": "Document", "Identification": "Document", "Event": "Event",
         "Note": "Document", "Contract": "Document"}
LINK_COLOURS = {"Ownership": 16711680, "Control": 255, "Sanction": 8421504}
LAYOUT_LIMIT = 5000


def _link_label(link: Link) -> str:
    label = LINK_SCHEMATA[link.schema].label
    if link.role and link.role != label:
        label = f"{label} ({link.role})"
    if link.share_min is not None or link.share_max is not None:
        label += f" {share_range_text(link.share_min, link.share_max)}"
    return label


def _date_time(text: str | None) -> str | None:
    parsed = PartialDate.parse(text) if text else None
    return f"{parsed.earliest().isoformat()}T00:00:00" if parsed else None


def anx_chart(session: Any, progress: Progress = NO_PROGRESS) -> Element:
    entities = list(session.scalars(select(Entity).order_by(Entity.id)))
    links = list(session.scalars(select(Link).order_by(Link.id)))
    positions: dict[str, tuple[float, float]] = {}
    if len(entities) <= LAYOUT_LIMIT:
        from db.analysis.force_layout import force_positions

        positions = force_positions([e.id for e in entities],
                                    [(x.source_id, x.target_id) for x in links],
                                    progress=progress)
    chart = Element("Chart", {"IdReferenceLinking": "true"})
    types = SubElement(chart, "EntityTypeCollection")
    for schema in sorted({e.schema for e in entities}):
        SubElement(types, "EntityType", {"Name": schema,
                                         "IconFile": ICONS.get(schema, "General")})
    link_types = SubElement(chart, "LinkTypeCollection")
    for schema in sorted({x.schema for x in links}):
        SubElement(link_types, "LinkType", {"Name": schema,
                                            "Colour": str(LINK_COLOURS.get(schema, 0))})
    items = SubElement(chart, "ChartItemCollection")
    for entity in entities:
        x, y = positions.get(entity.id, (0.0, 0.0))
        description = "; ".join(f"{k}: {', '.join(map(str, v))}"
                                for k, v in sorted((entity.properties or {}).items()) if v)
        item = SubElement(items, "ChartItem", {
            "Label": entity.caption, "Description": description[:2000], "DateSet": "false",
            "XPosition": str(int(float(x) * 120))})
        end = SubElement(item, "End", {"Y": str(int(float(y) * 120))})
        node = SubElement(end, "Entity", {"EntityId": entity.id, "Identity": entity.id,
                                          "LabelIsIdentity": "false"})
        icon = SubElement(node, "Icon")
        SubElement(icon, "IconStyle", {"Type": entity.schema})
    for link in links:
        start = _date_time(link.start_date)
        dates = " – ".join(d for d in (link.start_date or "", link.end_date or "") if d)
        item = SubElement(items, "ChartItem", {
            "Label": _link_label(link), "Description": f"{link.schema}; {dates}".strip("; "),
            "DateSet": "true" if start else "false", **({"DateTime": start} if start else {})})
        node = SubElement(item, "Link", {"End1Id": link.source_id, "End2Id": link.target_id})
        SubElement(node, "LinkStyle", {"Type": link.schema, "ArrowStyle": "ArrowOnHead",
                                       "MlStyle": "MultiplicityMultiple"})
    return chart


def export_anx(case: Any, out: Path, progress: Progress = NO_PROGRESS) -> dict[str, int]:
    progress.step(0, 2, "Building the chart")
    with case.session() as session:
        chart = anx_chart(session, progress)
    progress.step(1, 2, "Writing ANX")
    indent(chart)
    with replacing(out) as part:
        ElementTree(chart).write(part, encoding="utf-8", xml_declaration=True)
    items = chart.find("ChartItemCollection")
    return {"entities": len(items.findall("ChartItem/End")),
            "links": len(items.findall("ChartItem/Link"))}
