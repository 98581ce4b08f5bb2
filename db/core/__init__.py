"""The case file itself: opening and guarding it, transactions, commands, changes and
progress, and the ``Transaction`` that services write through — what ``desktop/`` and
``cli/`` may use. Everything else here (the audit chain,
migrations, the SQLite seam, the row images of a transaction) is internal to ``db/``.
"""

from db.core.case_lock import LockHolder
from db.core.casefile import SUFFIX, CaseFile, CaseFileError, CaseInUseError, default_author
from db.core.changes import Changes
from db.core.commands import Command, run
from db.core.conflicts import EditConflict
from db.core.custody import key_fingerprint, short_fingerprint
from db.core.identity import Identity, current_identity, save_identity, saved_identity
from db.core.logs import configure_logging, log_file
from db.core.progress import NO_PROGRESS, Cancelled, Progress
from db.core.quarantine import QuarantineReport, quarantine_copy
from db.core.signing import custody_warning, sign_quietly
from db.core.team import TeamCase, is_team_location, open_case
from db.core.transaction import Transaction
from db.core.transfer import copy_case
from db.core.user_folder import data_folder

__all__ = ["NO_PROGRESS", "SUFFIX", "CaseFile", "CaseFileError", "CaseInUseError", "Cancelled",
           "Changes", "Command", "EditConflict", "Identity", "LockHolder", "Progress",
           "QuarantineReport", "TeamCase", "configure_logging", "copy_case", "current_identity",
           "custody_warning", "data_folder", "default_author", "is_team_location",
           "key_fingerprint", "log_file", "open_case", "quarantine_copy", "run",
           "save_identity", "saved_identity", "short_fingerprint", "sign_quietly",
           "Transaction"]
