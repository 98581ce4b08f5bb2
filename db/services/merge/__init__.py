"""Merge a colleague's case file into this one, losing nothing and naming origins.

``plan_merge`` reads the other case (no writes) and proposes which of its entities are
ours: first by id (including ids we folded earlier, kept in ``mergedIds``), then by
normalised name plus identifiers and country, scored. Pairs come out as "same" or
"unsure"; property values and stakes that differ are listed as conflicts. The plan is
plain data (``to_dict`` for ``--dry-run --json`` and the review dialog).

``apply_merge`` turns the plan and the reviewer's decisions into ONE ``Command``: one
undoable step in one transaction, so a failure or a cancel leaves the case as it was.
Everything in the other case comes over — entities, links, sources, documents, claims,
events, judgements — with ``origin`` naming the other case (name and case id) and its
author kept. Entities judged the same are folded into ours (names become aliases, the
other id goes to ``mergedIds``) and every decision is stored as a judgement. Running
the same merge again adds nothing: items are recognised by id, ``mergedIds`` and the
documents' SHA-256.
"""

from db.services.merge.apply import apply_merge
from db.services.merge.matching import Match
from db.services.merge.names import normalise_name
from db.services.merge.plan import Conflict, MergePlan, plan_merge

__all__ = ["Conflict", "Match", "MergePlan", "apply_merge", "normalise_name", "plan_merge"]
