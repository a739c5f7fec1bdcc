"""The SeaTunnel REST API v2 lifecycle client: submit, watch, stop, restore, read logs.

It follows what the engine does, not what the lifecycle cookbook says (rest-api-v2.md §8):
restore is by job id through query parameters, a stop without savepoint cancels the job and
deletes its checkpoints, and job ids stay strings.
"""

from stconfig.client.client import Client, SubmittedJob
from stconfig.client.errors import (
    AnswerTooLarge,
    AuthenticationRequired,
    ClientError,
    EndpointNotFound,
    EngineUnreachable,
    JobAlreadyRunning,
    RedirectRefused,
    RequestTimeout,
    ServerRefused,
    UnexpectedResponse,
    UnknownJob,
    UnsupportedByServer,
    UsageError,
    WaitTimeout,
)
from stconfig.client.models import (
    TERMINAL_STATES,
    JobInfo,
    JobPage,
    JobStatus,
    LogFile,
    Metrics,
    Overview,
    SubmitResponse,
)
from stconfig.client.settings import ClientSettings, resolve_settings
from stconfig.client.submission import (
    COOKBOOK_RESTORE_KEYS,
    Submission,
    prepare_submission,
)

__all__ = [
    "COOKBOOK_RESTORE_KEYS",
    "TERMINAL_STATES",
    "AnswerTooLarge",
    "AuthenticationRequired",
    "Client",
    "ClientError",
    "ClientSettings",
    "EndpointNotFound",
    "EngineUnreachable",
    "JobAlreadyRunning",
    "JobInfo",
    "JobPage",
    "JobStatus",
    "LogFile",
    "Metrics",
    "Overview",
    "RedirectRefused",
    "RequestTimeout",
    "ServerRefused",
    "Submission",
    "SubmitResponse",
    "SubmittedJob",
    "UnexpectedResponse",
    "UnknownJob",
    "UnsupportedByServer",
    "UsageError",
    "WaitTimeout",
    "prepare_submission",
    "resolve_settings",
]
