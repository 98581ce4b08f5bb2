"""The case file itself: opening and guarding it, transactions, commands, changes and
progress, and the ``Transaction`` that services write through — what ``desktop/`` and
``cli/`` may use. Everything else here (the audit chain,
migrations, the SQLite seam, the row images of a transaction) is internal to ``db/``.
"""

from db.core.casefile import SUFFIX, CaseFile, CaseFileError, default_author
from db.core.changes import Changes
from db.core.commands import Command, run
from db.core.custody import key_fingerprint, short_fingerprint
from db.core.identity import Identity, current_identity, save_identity, saved_identity
from db.core.logs import configure_logging, log_file
from db.core.progress import NO_PROGRESS, Cancelled, Progress
from db.core.signing import custody_warning, sign_quietly
from db.core.transaction import Transaction
from db.core.user_folder import data_folder

__all__ = ["NO_PROGRESS", "SUFFIX", "CaseFile", "CaseFileError", "Cancelled", "Changes",
           "Command", "Identity", "Progress", "configure_logging", "current_identity",
           "custody_warning", "data_folder", "default_author", "key_fingerprint", "log_file",
           "run", "save_identity", "saved_identity", "short_fingerprint", "sign_quietly",
           "Transaction"]
