"""Many plans at once: batches of requests planned on local processes or a Dask cluster.

:func:`plan_many` streams a :class:`BatchResult` per request as each finishes; ``tourplan
batch`` reads requests from a JSON-lines file and appends the results to another. Dask's
``distributed`` is an optional dependency (``pip install 'tourplan[batch]'``), needed only
when planning on workers.
"""

from __future__ import annotations

from .engine import plan_many as plan_many
from .engine import require_distributed as require_distributed
from .output import ResultsFile as ResultsFile
from .planning import SharedData as SharedData
from .planning import plan_one as plan_one
from .requests import BatchItem as BatchItem
from .requests import job_from_record as job_from_record
from .requests import jobs as jobs
from .requests import jobs_from_lines as jobs_from_lines
from .results import STATUSES as STATUSES
from .results import BatchError as BatchError
from .results import BatchRequest as BatchRequest
from .results import BatchResult as BatchResult
from .results import ErrorKind as ErrorKind
from .results import Status as Status
from .results import error_from_exception as error_from_exception
from .results import failed as failed
from .results import result_line as result_line
from .results import result_record as result_record

__all__ = [
    "STATUSES",
    "BatchError",
    "BatchItem",
    "BatchRequest",
    "BatchResult",
    "ErrorKind",
    "ResultsFile",
    "SharedData",
    "Status",
    "error_from_exception",
    "failed",
    "job_from_record",
    "jobs",
    "jobs_from_lines",
    "plan_many",
    "plan_one",
    "require_distributed",
    "result_line",
    "result_record",
]
