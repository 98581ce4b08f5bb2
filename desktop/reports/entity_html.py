"""The entity summary as HTML: identity, relationships, control chain, source annex."""

from __future__ import annotations

from db.reporting.content import EntitySummary
from db.wording import schema_text
from desktop.reports.markup import (
    FIGURE_URL,
    annex,
    cover,
    data_table,
    evidence,
    fact_evidence,
    figure_legend,
    key_table,
    open_conflicts,
    page,
    para,
    text,
    tr,
)


def entity_html(summary: EntitySummary, figure_size: tuple[int, int] | None) -> str:
    """``figure_size`` is the chain figure's (width, height) in CSS pixels, or None when
    there is no chain to draw."""
    kind = schema_text(summary.schema, summary.role)
    parts = [cover(summary.header, tr("Evidence summary"), summary.name, kind)]
    parts.append(f"<h1>{text(summary.name)}</h1>")
    parts.append(f"<h2>{text(tr('Identity'))}</h2>")
    rows = [(tr("Type"), text(kind)),
            (tr("Names"), "".join(para(n) for n in summary.names)),
            (tr("Aliases"), "".join(para(a) for a in summary.aliases) or text(tr("none recorded")))]
    parts.append(key_table(rows, 22))
    if summary.facts:
        parts.append('<p style="margin-top: 8px"></p>')
        parts.append(data_table(
            [tr("Fact"), tr("Value"), tr("Evidence")],
            [[text(f.label), para(f.value), fact_evidence(f.evidence)] for f in summary.facts],
            [22, 52, 26]))

    parts.append(f"<h2>{text(tr('Relationships'))}</h2>")
    if summary.links:
        rows = []
        for link in summary.links:
            relation = f"<b>{text(link.relationship)}</b>"
            if link.detail:
                relation += f'<p class="muted">{text(link.detail)}</p>'
            rows.append([relation, para(link.counterpart), text(link.share), text(link.dates),
                         evidence(link.evidence)])
        parts.append(para(tr("Read each row as: {name} — relationship — counterpart.")
                          .format(name=summary.name), "note"))
        parts.append(data_table([tr("Relationship"), tr("Counterpart"), tr("Share"),
                                 tr("Dates"), tr("Evidence")], rows, [24, 24, 20, 14, 18]))
    else:
        parts.append(para(tr("No relationships are recorded in the case.")))

    parts.append(f"<h2>{text(tr('Control chain'))}</h2>")
    as_of = summary.header.as_of
    parts.append(para(tr("Links in force on {date}.").format(date=as_of) if as_of
                      else tr("All links, whatever their dates."), "note"))
    if not summary.owners:
        parts.append(para(tr("No owners or controllers of {name} are recorded in the case.")
                          .format(name=summary.name)))
    else:
        controllers = ", ".join(summary.controllers)
        parts.append(para(tr("Ultimate controller: {names}").format(names=controllers)
                          if controllers else
                          tr("No owner is shown to control {name} with certainty.")
                          .format(name=summary.name)))
        if figure_size is not None:
            width, height = figure_size
            parts.append(f'<p align="center"><img src="{FIGURE_URL}" width="{width}" '
                         f'height="{height}"/></p>')
            parts.append(para(tr("Arrows run from owner to owned; each is numbered below. "
                                 "Solid: supported by a claim; dashed: unsourced; red: "
                                 "disputed. Dark outline: controls {name}.").format(
                                     name=summary.name), "note"))
            parts.append(figure_legend(summary.figure))
            if summary.figure.owners_not_drawn:
                parts.append(para(tr("The figure shows the chain's first owners; {n} more "
                                     "are listed below, not drawn.").format(
                                         n=f"{summary.figure.owners_not_drawn:,}"), "note"))
            parts.append('<p style="margin-top: 10px"></p>')
        rows = []
        for owner in summary.owners:
            flags = [tr("controls") if owner.controls else "",
                     tr("ultimate owner") if owner.ultimate else "",
                     tr("direct") if owner.direct else tr("indirect")]
            role = ", ".join(f for f in flags if f)
            unsourced = (f'<br/><span class="unsourced">'
                         f'{text(tr("{n} unsourced step(s)").format(n=owner.unsourced_steps))}'
                         f"</span>" if owner.unsourced_steps else "")
            rows.append([para(owner.name) + f'<p class="muted">{text(schema_text(owner.schema))}</p>',
                         f"<b>{text(owner.share)}</b>", text(role),
                         "".join(para(p, ltr=True) for p in owner.paths)
                         + _more_paths(owner),
                         evidence(owner.evidence) + unsourced])
        parts.append(data_table([tr("Owner"), tr("Effective share"), tr("Role"), tr("Path"),
                                 tr("Evidence")], rows, [22, 14, 18, 30, 16]))
        if summary.owners_without_paths:
            parts.append(para(tr("Partial: the paths of {n} more owners are not listed — the "
                                 "search for paths stopped at its time limit.").format(
                                     n=f"{summary.owners_without_paths:,}"), "note"))
        parts.append(f"<h3>{text(tr('Steps of the chain'))}</h3>")
        parts.append(data_table(
            [tr("Holder"), tr("Relationship"), tr("Held"), tr("Share"), tr("Dates"),
             tr("Evidence")],
            [[para(s.source), text(s.relationship), para(s.target), text(s.share),
              text(s.dates), evidence(s.evidence)] for s in summary.steps],
            [20, 14, 20, 14, 14, 18]))
    parts.append(open_conflicts(summary.conflicts))
    parts.append(annex(summary.annex))
    return page("".join(parts))


def _more_paths(owner) -> str:
    """What an owner's listed paths leave out, said under them ("" when nothing)."""
    if owner.paths_partial:
        said = tr("Partial: the search for paths stopped at its time limit; more may exist.")
    elif owner.paths_more is None:
        said = tr("And more paths, through circular holdings (not counted).")
    elif owner.paths_more:
        said = tr("And {n} more paths.").format(n=f"{owner.paths_more:,}")
    else:
        return ""
    return f'<p class="muted">{text(said)}</p>'
