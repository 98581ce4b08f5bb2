"""The whole-case summary as HTML: the case, key entities, claims by what they support,
unsourced links, disputed and refuted claims, source annex."""

from __future__ import annotations

from db.reporting.content import CaseSummary, ClaimEntry
from db.wording import status_text
from desktop.reports.markup import (
    annex,
    bordered_table,
    cover,
    data_table,
    key_table,
    open_conflicts,
    page,
    para,
    text,
    tr,
)

_GROUP_HEADINGS = {"link": "Relationships", "fact": "Facts about entities",
                   "event": "Events", "none": "Claims not attached"}


def _status(entry: ClaimEntry) -> str:
    if entry.status in ("disputed", "refuted"):
        return (f'<span class="status-{entry.status}">'
                f'{text(status_text(entry.status).upper())}</span>')
    return text(status_text(entry.status))


def _stance(entry: ClaimEntry) -> str:
    if entry.stance == "contradicts":
        return f'<span class="against">{text(tr("contradicts"))}</span>'
    return text(tr("supports")) if entry.stance else "—"


def case_html(summary: CaseSummary) -> str:
    header = summary.header
    parts = [cover(header, tr("Case summary"), header.name, "")]
    parts.append(f"<h1>{text(header.name)}</h1>")
    parts.append(key_table([(tr("Author"), para(header.author)),
                            (tr("Created"), text(header.created[:10]))]
                           + [(tr(label), text(n)) for label, n in summary.counts], 22))

    parts.append(f"<h2>{text(tr('Key entities'))}</h2>")
    parts.append(para(tr("The entities with the most relationships in the case."), "note"))
    parts.append(data_table([tr("Entity"), tr("Type"), tr("Relationships"),
                             tr("Claims about its facts")],
                            [[para(k.name), text(k.schema), text(k.links), text(k.claims)]
                             for k in summary.key_entities], [40, 20, 20, 20]))

    parts.append(f"<h2>{text(tr('Unsourced relationships'))}</h2>")
    if summary.unsourced_links:
        parts.append(para(tr("No claim supports these links. They are the investigator's "
                             "assertions until a source is attached."), "note"))
        parts.append(data_table(
            [tr("From"), tr("Relationship"), tr("To"), tr("Share"), tr("Dates"), tr("Status")],
            [[para(r.source), text(r.relationship) + (f'<p class="muted">{text(r.detail)}</p>'
                                                       if r.detail else ""),
              para(r.target), text(r.share), text(r.dates),
              f'<span class="unsourced">{text(tr("UNSOURCED"))}</span>']
             for r in summary.unsourced_links], [19, 17, 19, 12, 15, 18]))
    else:
        parts.append(para(tr("Every relationship is supported by at least one claim.")))

    parts.append(open_conflicts(summary.conflicts))
    parts.append(f"<h2>{text(tr('Disputed and refuted claims'))}</h2>")
    if summary.contested:
        parts.append(data_table(
            [tr("No."), tr("Statement"), tr("About"), tr("Grade"), tr("Status")],
            [[f'<span class="cite">[{e.number}]</span>', para(e.statement), para(e.about or "—"),
              text(e.grade), _status(e)] for e in summary.contested], [7, 38, 33, 8, 14]))
    else:
        parts.append(para(tr("No claim is marked disputed or refuted.")))

    parts.append(f"<h2>{text(tr('Claims by what they support'))}</h2>")
    parts.append(para(tr("Each relationship, fact or event in bold, followed by the claims "
                         "that support or contradict it."), "note"))
    # One table for all groups (a title row per group): a few big tables lay out and
    # print much faster than hundreds of small ones.
    head = "".join(f'<th width="{w}%">{text(tr(h))}</th>' for h, w in (
        ("No.", 7), ("Statement", 57), ("Stance", 13), ("Grade", 8), ("Status", 15)))
    rows = []
    kind = None
    for group in summary.groups:
        if group.kind != kind:
            kind = group.kind
            rows.append(f'<tr><td colspan="5" class="kindrow">'
                        f"{text(tr(_GROUP_HEADINGS[kind]))}</td></tr>")
        rows.append(f'<tr><td colspan="5">{para(group.title, "group")}</td></tr>')
        rows.extend(f'<tr><td><span class="cite">[{e.number}]</span></td>'
                    f"<td>{para(e.statement)}</td><td>{_stance(e)}</td>"
                    f"<td>{text(e.grade)}</td><td>{_status(e)}</td></tr>" for e in group.claims)
    parts.append(bordered_table(head, rows))
    parts.append(annex(summary.annex))
    return page("".join(parts))
