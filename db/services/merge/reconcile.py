"""What of a colleague's work is already ours — so a merge attaches instead of copying.

- A link of theirs between the same two entities (after folding), of the same kind and
  period, IS our link: their claims attach to ours. When the stakes differ (our "share
  unknown" against their 49%) the link stays one link, the other stake is kept on it
  (``disputedStakes``) and every claim supporting it on either side is marked
  "disputed" until the investigator resolves it.
- A claim of theirs on the same document, the same characters, is our claim.
- An event of theirs with the same title and date is our event.

Plain functions over rows read once from each case; the apply step writes the result.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

STAKE_COLUMNS = ("share_min", "share_max", "shares_value", "shares_currency",
                 "start_date", "end_date")


def link_key(link: dict[str, Any], mapping: dict[str, str]) -> tuple[str, str, str]:
    return (link["schema"], mapping.get(link["source_id"], link["source_id"]),
            mapping.get(link["target_id"], link["target_id"]))


def _same_period(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Periods that do not contradict each other: equal, or one side does not say."""
    return all(not a[c] or not b[c] or str(a[c]) == str(b[c]) for c in ("start_date",
                                                                          "end_date"))


def stake_differs(ours: dict[str, Any], theirs: dict[str, Any]) -> bool:
    """Whether two links of the same pair state different stakes (share or value)."""
    return any(ours[c] != theirs[c] for c in ("share_min", "share_max", "shares_value",
                                              "shares_currency"))


@dataclass
class Reconciled:
    link_map: dict[str, str] = field(default_factory=dict)  # their link → our link
    disputed_links: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    claim_map: dict[str, str] = field(default_factory=dict)  # their claim → our claim
    event_map: dict[str, str] = field(default_factory=dict)  # their event → our event


def reconcile(ours: dict[str, list[dict[str, Any]]], theirs: dict[str, list[dict[str, Any]]],
              entity_map: dict[str, str], document_map: dict[str, str],
              origin: str) -> Reconciled:
    found = Reconciled()
    our_ids = {r["id"] for r in ours["links"]}
    by_key: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for link in ours["links"]:
        by_key.setdefault(link_key(link, {}), []).append(link)
    for link in theirs["links"]:
        if link["id"] in our_ids:
            continue
        candidates = [m for m in by_key.get(link_key(link, entity_map), ())
                      if _same_period(m, link)]
        if not candidates:
            continue
        same = next((m for m in candidates if not stake_differs(m, link)), None)
        mine = same or candidates[0]
        found.link_map[link["id"]] = mine["id"]
        if same is None:
            found.disputed_links.setdefault(mine["id"], []).append(
                {**{c: link[c] for c in STAKE_COLUMNS}, "origin": link.get("origin") or origin,
                 "author": link.get("created_by")})
    our_claims = {(c["document_id"], c["span_start"], c["span_end"], c["excerpt"]): c["id"]
                  for c in ours["claims"]}
    our_claim_ids = {c["id"] for c in ours["claims"]}
    for claim in theirs["claims"]:
        key = (document_map.get(claim["document_id"], claim["document_id"]),
               claim["span_start"], claim["span_end"], claim["excerpt"])
        if claim["id"] not in our_claim_ids and key in our_claims:
            found.claim_map[claim["id"]] = our_claims[key]
    our_events = {(e["title"].casefold(), e["date"]): e["id"] for e in ours["events"]}
    our_event_ids = {e["id"] for e in ours["events"]}
    for event in theirs["events"]:
        key = (event["title"].casefold(), event["date"])
        if event["id"] not in our_event_ids and key in our_events:
            found.event_map[event["id"]] = our_events[key]
    return found


def target_key(row: dict[str, Any]) -> tuple:
    return (row["claim_id"], row["stance"], row["entity_id"], row["prop"], row["value"],
            row["link_id"], row["event_id"])


def disputed_claims(targets: Iterable[dict[str, Any]], link_ids: set[str]) -> set[str]:
    """Claims supporting any of these links: the two sides of each dispute."""
    return {t["claim_id"] for t in targets
            if t["link_id"] in link_ids and t["stance"] == "supports"}
