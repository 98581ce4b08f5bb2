"""``casefile check --quarantine CASE OUT``: write a clean copy of a refused case file,
without the objects our migrations never made (the original is only read)."""

from __future__ import annotations

from pathlib import Path

from cli.errors import CommandError
from cli.output import print_json
from db.core import CaseFileError, quarantine_copy


def quarantine(case: str, out: str | None, as_json: bool) -> int:
    if not out:
        raise CommandError("--quarantine needs the clean copy's name: "
                           "casefile check --quarantine CASE OUT.casefile")
    try:
        report = quarantine_copy(Path(case), Path(out))
    except CaseFileError as error:
        raise CommandError(str(error)) from None
    if as_json:
        print_json(report.as_dict())
        return 0
    print(f"wrote {report.target} ({report.rows_copied} rows copied)")
    for phrase in report.left_out or ["nothing foreign found"]:
        print(f"  left out: {phrase}")
    for table, count in report.rows_left_out.items():
        print(f"  ! {count} rows of {table} did not fit the schema and were left out")
    return 0
