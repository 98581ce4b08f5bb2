"""What an evidence summary says, as plain data — no markup, no Qt.

``db.reporting`` gathers these from the case file (in a worker thread for big cases);
``desktop.reports`` turns them into a paged document. Every fact carries ``Evidence``:
the numbers of the citations that support or contradict it. A number ``n`` is printed
as "[n]" and names exactly one entry of the source annex (one claim, quoted verbatim).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CaseHeader:
    """The cover: which case, which exact file, when and by which version."""

    name: str
    author: str
    created: str
    marking: str
    case_id: str
    file_name: str
    file_sha256: str
    generated: str  # ISO timestamp, UTC
    app_version: str
    as_of: str | None  # "2024-01-01", or None for every date
    # The audit chain's head "seq:hash" when printed: `casefile check --expect-head` later
    # proves the file still continues this history.
    chain_head: str = ""
    prepared_by: str = ""  # who printed it: "Anna K. (OCCRP, anna@example.org)"


@dataclass(frozen=True)
class Evidence:
    supporting: tuple[int, ...] = ()
    contradicting: tuple[int, ...] = ()

    @property
    def unsourced(self) -> bool:
        return not self.supporting


@dataclass(frozen=True)
class FactRow:
    """One identity fact: a property value and the claims about it."""

    label: str
    value: str
    evidence: Evidence


@dataclass(frozen=True)
class LinkRow:
    """A relationship as read from the summarised entity (or, in a case summary, from
    its source): "owns", "is controlled by" …"""

    source: str
    relationship: str
    target: str
    detail: str
    share: str
    dates: str
    evidence: Evidence
    direction: str = "out"  # "out": the entity is the source; "in": the target

    @property
    def counterpart(self) -> str:
        return self.target if self.direction == "out" else self.source


@dataclass(frozen=True)
class OwnerRow:
    """An owner or controller in the control chain, with its effective share."""

    name: str
    schema: str
    share: str
    controls: bool
    ultimate: bool
    direct: bool
    paths: tuple[str, ...]
    evidence: Evidence
    unsourced_steps: int
    # What the listed paths leave out: how many more paths there are (None: not counted,
    # through circular holdings), and whether the search stopped at its time limit.
    paths_more: int | None = 0
    paths_partial: bool = False


@dataclass(frozen=True)
class FigureNode:
    id: str
    name: str
    schema: str
    layer: int  # 0 is the summarised entity; owners above it have higher layers
    order: int  # left-to-right position within the layer
    subject: bool
    controls: bool
    ultimate: bool


@dataclass(frozen=True)
class FigureEdge:
    source: str
    target: str
    label: str
    control: bool  # a control link (no shares) rather than a shareholding
    unsourced: bool  # no claim supports it
    number: int = 0  # printed on the arrow; the legend under the figure says the rest
    disputed: bool = False  # colleagues' claims state different stakes
    source_name: str = ""
    target_name: str = ""


@dataclass(frozen=True)
class ChainFigure:
    nodes: tuple[FigureNode, ...]
    edges: tuple[FigureEdge, ...]
    owners_not_drawn: int = 0  # owners of the chain the figure leaves out (a big chain)

    @property
    def layers(self) -> int:
        return 1 + max((n.layer for n in self.nodes), default=0)


@dataclass(frozen=True)
class AnnexExcerpt:
    number: int
    claim_id: str
    excerpt: str
    statement: str
    grade: str  # "B2"
    grade_meaning: str  # "usually reliable; probably true"
    status: str
    source_name: str
    position: str  # "page 2, characters 313–398"
    # PNG of the passage cut from its page (PDF and scanned documents), else None.
    passage: bytes | None = None
    # whose it is: "Boris P. · case “Kama procurement” (Boris P., Proekt) · added …"
    by: str = ""


@dataclass(frozen=True)
class AnnexDocument:
    document_id: str
    title: str
    source_name: str
    source_grade: str  # "C (fairly reliable)"
    author: str
    published: str
    retrieved: str
    url: str
    file_name: str
    sha256: str
    excerpts: tuple[AnnexExcerpt, ...]


@dataclass(frozen=True)
class ConflictSide:
    stake: str  # "49% · since 2022"
    whose: str  # "this case" / "from “Kama procurement” (Boris P.)"


@dataclass(frozen=True)
class ConflictRow:
    """A link colleagues disagree on: the stakes each side states, the claims behind it."""

    title: str  # "Renera owns JSC Kama"
    sides: tuple[ConflictSide, ...]
    evidence: Evidence  # the disputed claims' numbers


@dataclass
class EntitySummary:
    header: CaseHeader
    entity_id: str
    name: str
    schema: str
    role: str
    names: list[str]
    aliases: list[str]
    facts: list[FactRow]
    links: list[LinkRow]
    owners: list[OwnerRow]
    steps: list[LinkRow]
    controllers: list[str]
    figure: ChainFigure
    annex: list[AnnexDocument] = field(default_factory=list)
    conflicts: list[ConflictRow] = field(default_factory=list)
    # Owners whose paths were not searched: the summary's time for paths ran out first.
    owners_without_paths: int = 0

    @property
    def title(self) -> str:
        return self.name


@dataclass(frozen=True)
class ClaimEntry:
    number: int
    statement: str
    grade: str
    status: str
    stance: str  # "supports" / "contradicts" / "" when attached to nothing
    about: str = ""  # what it is about, in lists that mix targets


@dataclass(frozen=True)
class ClaimGroup:
    kind: str  # "link", "fact", "event", "none"
    title: str
    claims: tuple[ClaimEntry, ...]


@dataclass(frozen=True)
class KeyEntity:
    name: str
    schema: str
    links: int
    claims: int


@dataclass
class CaseSummary:
    header: CaseHeader
    counts: list[tuple[str, int]]
    key_entities: list[KeyEntity]
    groups: list[ClaimGroup]
    unsourced_links: list[LinkRow]
    contested: list[ClaimEntry]  # disputed and refuted claims
    annex: list[AnnexDocument] = field(default_factory=list)
    conflicts: list[ConflictRow] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.header.name
