"""The job bookkeeping of the fake engine: states, stored checkpoint state, history, metrics.

It models what the Zeta coordinator does as rest-api-v2.md describes it, driven by a tick
clock the test controls (one tick is one second of engine time):

- submit queues a job in PENDING; it is SCHEDULED and RUNNING after `schedule_ticks`, and a
  BATCH job ends FINISHED after `batch_ticks` of running (`PhysicalPlan.stateProcess`);
- while RUNNING a checkpoint is stored every tick; FINISHED and CANCELED delete the stored state,
  FAILED and SAVEPOINT_DONE keep it (`CheckpointManager.clearCheckpointIfNeed`, §4.2);
- stop without savepoint goes CANCELING -> CANCELED, with savepoint DOING_SAVEPOINT ->
  SAVEPOINT_DONE, both `stop_ticks` later, so the REST call returns before the change (§5.2);
- an ended job stays `archive_ticks` in the running-job map, where `job-info` reports its end
  state without a finish time, before it moves into history (`JobMaster` ends before
  `JobHistoryService` stores the finished state; seen on the real 2.3.8 and 15431c9 engines);
- a finished job stays in history for `history_expire_minutes` (`JobHistoryService`); the
  stored state outlives it;
- the duplicate-id and restore rules are those of `CoordinatorService.submitJob` (§4.4) and,
  for the "latest" profile, `RestJobExecutionEnvironment` (§4.3).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from stconfig.client.models import TERMINAL_STATES, JobStatus

PROFILES = ("2.3.8", "2.3.9-snapshot", "latest")
"""The versions the fake models: the 2.3.8 release (its REST v1 servlets' behaviour at the v2
paths), the 15431c9 dev tree (`2.3.9-SNAPSHOT`, the first REST v2 engine, checked against the
real one in tests/contract), and "latest" (the 2026 dev code of the reference)."""
EPOCH = datetime(2026, 1, 1, 8, 0, 0)
_LONG_MAX = 2**63 - 1


class FakeRefusal(Exception):
    """A request the engine refuses: 400 for argument errors, 500 for everything else."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def bad_argument(message: str) -> FakeRefusal:
    return FakeRefusal(400, message)


def parse_long(text: str) -> int:
    """Java's `Long.parseLong`, with its NumberFormatException message (a 400)."""
    stripped = text
    body = stripped[1:] if stripped[:1] in "+-" else stripped
    if not body or not body.isascii() or not body.isdigit():
        raise bad_argument(f'For input string: "{text}"')
    value = int(stripped)
    if not -_LONG_MAX - 1 <= value <= _LONG_MAX:
        raise bad_argument(f'For input string: "{text}"')
    return value


def coordinator_trace(exception: str, message: str) -> str:
    """The 15431c9 engine's message for a coordinator refusal: the exception twice (the
    servlet's wrapper names its cause) and the coordinator's stack, as the real one answers."""
    return (
        f"{exception}: {exception}: {message}\n"
        "\tat org.apache.seatunnel.engine.server.CoordinatorService.lambda$submitJob$6("
        "CoordinatorService.java:637)\n"
        "\tat org.apache.seatunnel.api.tracing.MDCRunnable.run(MDCRunnable.java:39)\n"
        "\tat java.base/java.lang.Thread.run(Thread.java:840)"
    )


def java_trace(exception: str, message: str) -> str:
    """A message shaped like the engine's wrapped coordinator failures: a multi-line trace."""
    return (
        f"java.util.concurrent.CompletionException: {exception}: {message}\n"
        "\tat java.util.concurrent.CompletableFuture.encodeThrowable(CompletableFuture.java:273)\n"
        "\tat org.apache.seatunnel.engine.server.CoordinatorService.submitJob("
        "CoordinatorService.java:638)\n"
        f"Caused by: {exception}: {message}\n"
        "\t... 12 more"
    )


def _stringify(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, dict | list):
        return json.dumps(value)
    return str(value)


def _table_names(plugins: list[dict[str, Any]], keys: tuple[str, ...]) -> list[str]:
    names: list[str] = []
    for plugin in plugins:
        value = next((plugin[key] for key in keys if key in plugin), None)
        if isinstance(value, list):
            names.extend(str(item) for item in value)
        elif value is not None:
            names.append(str(value))
        else:
            names.append(str(plugin.get("plugin_name", "default")).lower())
    return names


@dataclass
class FakeJob:
    """One run of a job id. A restore replaces the run, keeping the id."""

    job_id: int
    name: str
    config: dict[str, Any]
    created: int
    start_with_savepoint: bool = False
    resumed_from: int | None = None
    """Rows of the stored state this run resumed from; None for a run from empty state."""
    status: JobStatus = JobStatus.PENDING
    entered: int = 0
    started: int | None = None
    finished: int | None = None
    error_msg: str | None = None
    rows: int = 0
    committed: int = 0
    hang_savepoint: bool = False

    @property
    def env(self) -> dict[str, Any]:
        env = self.config.get("env")
        return env if isinstance(env, dict) else {}

    @property
    def env_options(self) -> dict[str, str]:
        return {key: _stringify(value) for key, value in self.env.items()}

    @property
    def mode(self) -> str:
        return str(self.env.get("job.mode", "BATCH")).upper()

    @property
    def terminal(self) -> bool:
        return self.status in TERMINAL_STATES

    def plugins(self, kind: str) -> list[dict[str, Any]]:
        value = self.config.get(kind)
        return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []

    @property
    def source_tables(self) -> list[str]:
        return _table_names(self.plugins("source"), ("plugin_output", "result_table_name"))

    @property
    def sink_tables(self) -> list[str]:
        return _table_names(self.plugins("sink"), ("plugin_input", "source_table_name"))


@dataclass
class FakeCluster:
    """All jobs of one fake engine; every method is called under the engine's lock."""

    profile: str = "latest"
    schedule_ticks: int = 1
    stop_ticks: int = 1
    """How long DOING_SAVEPOINT and CANCELING last."""
    batch_ticks: int = 3
    rows_per_tick: int = 5
    archive_ticks: int = 0
    """How long an ended job is still reported from the running-job map (no finish time)."""
    history_expire_minutes: int = 1440
    retain_after_cancel: bool = False
    worker_node: bool = False
    seed: int = 0
    now: int = 0
    running: dict[int, FakeJob] = field(default_factory=dict)
    finished: dict[int, FakeJob] = field(default_factory=dict)
    stored_state: dict[int, int] = field(default_factory=dict)
    """Job id -> rows covered by its latest stored checkpoint or savepoint."""
    logs: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.profile not in PROFILES:
            raise ValueError(f"unknown profile {self.profile!r}; use one of {PROFILES}")
        self._random = random.Random(self.seed)

    @property
    def latest(self) -> bool:
        return self.profile == "latest"

    def time_text(self, tick: int | None) -> str:
        if tick is None:
            return ""
        return (EPOCH + timedelta(seconds=tick)).strftime("%Y-%m-%d %H:%M:%S")

    # clock ---------------------------------------------------------------------------------

    def advance(self, ticks: int = 1) -> None:
        for _ in range(ticks):
            self.now += 1
            for job in list(self.running.values()):
                self._step(job)
            self._expire(self.history_expire_minutes * 60)

    def _set(self, job: FakeJob, status: JobStatus) -> None:
        job.status = status
        job.entered = self.now
        if status is JobStatus.SCHEDULED:
            job.started = self.now
        if status in TERMINAL_STATES:
            job.finished = self.now
            self._clear_state_if_needed(job)
            if self.archive_ticks == 0:
                self._archive(job)

    def _archive(self, job: FakeJob) -> None:
        del self.running[job.job_id]
        self.finished[job.job_id] = job

    def _clear_state_if_needed(self, job: FakeJob) -> None:
        """`CheckpointManager.clearCheckpointIfNeed`: only FAILED and SAVEPOINT_DONE keep it."""
        retain = self.retain_after_cancel or (
            self.latest
            and str(job.env.get("checkpoint.retain-after-job-cancelled", "")).lower() == "true"
        )
        if job.status is JobStatus.FINISHED or (job.status is JobStatus.CANCELED and not retain):
            self.stored_state.pop(job.job_id, None)

    def _step(self, job: FakeJob) -> None:
        age = self.now - job.entered
        if job.terminal:
            if age >= self.archive_ticks:
                self._archive(job)
        elif job.status is JobStatus.PENDING and age >= self.schedule_ticks:
            self._set(job, JobStatus.SCHEDULED)
        elif job.status is JobStatus.SCHEDULED:
            self._set(job, JobStatus.RUNNING)
        elif job.status is JobStatus.RUNNING:
            job.rows += self.rows_per_tick
            job.committed = job.rows
            self.stored_state[job.job_id] = job.rows
            if job.mode == "BATCH" and age + 1 >= self.batch_ticks:
                self._set(job, JobStatus.FINISHED)
        elif job.status is JobStatus.DOING_SAVEPOINT and not job.hang_savepoint:
            if age >= self.stop_ticks:
                job.committed = job.rows
                self.stored_state[job.job_id] = job.rows
                self._set(job, JobStatus.SAVEPOINT_DONE)
        elif job.status is JobStatus.CANCELING:
            if age >= self.stop_ticks:
                self._set(job, JobStatus.CANCELED)
        elif job.status is JobStatus.FAILING:
            self._set(job, JobStatus.FAILED)

    def _expire(self, seconds: int) -> None:
        for job_id, job in list(self.finished.items()):
            if job.finished is not None and self.now - job.finished >= seconds:
                del self.finished[job_id]

    def expire_history(self) -> None:
        """Drop every finished job from history now, as `history-job-expire-minutes` does."""
        self._expire(0)

    def find(self, job_id: int) -> FakeJob | None:
        return self.running.get(job_id) or self.finished.get(job_id)

    def archived(self, job: FakeJob) -> bool:
        """Whether `job-info` answers from the history record (the ended shape)."""
        return self.finished.get(job.job_id) is job

    # submit --------------------------------------------------------------------------------

    def new_id(self) -> int:
        while True:
            candidate = self._random.randrange(7 * 10**17, 10**18)
            if self.find(candidate) is None and candidate not in self.stored_state:
                return candidate

    def submit(
        self,
        config: dict[str, Any],
        *,
        job_id: int | None,
        job_name: str | None,
        start_with_savepoint: bool,
        restore_mode: str | None = None,
        restore_source: int | None = None,
    ) -> tuple[int, str]:
        """Apply the duplicate-id and restore rules; returns the id and name to echo."""
        env = config.get("env")
        env_name = env.get("job.name") if isinstance(env, dict) else None
        name = job_name or (str(env_name) if env_name is not None else "SeaTunnel_Job")
        resume_id: int | None
        if restore_mode is not None:
            job_id, start_with_savepoint, resume_id = self._restore_mode(
                restore_mode, restore_source, job_id
            )
        else:
            resume_id = job_id if start_with_savepoint else None
        if job_id is None:
            job_id = self.new_id()
        active = self.running.get(job_id)
        if active is not None:
            if start_with_savepoint and self.latest:
                raise bad_argument(self._active_source_message(job_id, active))
            return job_id, name
        if job_id in self.finished and not start_with_savepoint:
            trace = coordinator_trace if self.profile == "2.3.9-snapshot" else java_trace
            raise FakeRefusal(
                500,
                trace(
                    "org.apache.seatunnel.engine.common.exception.JobException",
                    f"The job id {job_id} has already been submitted and is not starting "
                    "with a savepoint.",
                ),
            )
        resumed = None if resume_id is None else self.stored_state.get(resume_id)
        if resume_id is not None and resumed is None and self.latest:
            mode = restore_mode or "SAVEPOINT"
            raise bad_argument(
                f"No checkpoint found for jobId={job_id}, restoreMode={mode}, "
                f"restoreSourceJobId={resume_id}"
            )
        self.finished.pop(job_id, None)
        job = FakeJob(
            job_id=job_id,
            name=name,
            config=config,
            created=self.now,
            start_with_savepoint=start_with_savepoint,
            resumed_from=resumed,
            entered=self.now,
        )
        self.running[job_id] = job
        self.logs.setdefault(f"job-{job_id}.log", f"job {job_id} ({name}) submitted\n")
        return job_id, name

    def _active_source_message(self, source: int, job: FakeJob) -> str:
        return (
            f"Cannot restore from an active job: restoreSourceJobId={source} is "
            f"{job.status.value}; stop it first, its checkpoint state is still being written"
        )

    def _restore_mode(
        self, mode: str, source: int | None, job_id: int | None
    ) -> tuple[int | None, bool, int]:
        """`restoreMode` / `restoreSourceJobId` of the 2026 engine (rest-api-v2.md §4.3)."""
        upper = mode.upper()
        if upper not in ("SAVEPOINT", "CHECKPOINT"):
            raise bad_argument(f"Unsupported restoreMode: {mode}; use CHECKPOINT or SAVEPOINT")
        if source is None:
            raise bad_argument(f"restoreSourceJobId is required when restoreMode={upper}")
        active = self.running.get(source)
        if active is not None:
            raise bad_argument(self._active_source_message(source, active))
        if upper == "SAVEPOINT":
            return source, True, source
        if job_id == source:
            raise bad_argument(
                "restoreSourceJobId must differ from jobId when restoreMode=CHECKPOINT"
            )
        return job_id, False, source

    # stop ----------------------------------------------------------------------------------

    def stop(self, job_id: int, *, savepoint: bool, force: bool) -> None:
        """`handleStopJob`: fire and forget; unknown or final jobs are a silent no-op.

        On a worker node the forwarded savepoint is awaited, so a savepoint of a job that is
        not running surfaces as a 500 there (rest-api-v2.md §2.9).
        """
        job = self.running.get(job_id)
        not_running = job is None or job.status is not JobStatus.RUNNING
        if self.worker_node and savepoint and not (force and self.latest) and not_running:
            raise FakeRefusal(
                500,
                java_trace(
                    "org.apache.seatunnel.engine.common.exception.SeaTunnelEngineException",
                    f"The job with id '{job_id}' not running, save point failed",
                ),
            )
        if job is None or job.terminal:
            return
        if force and self.latest:
            job.hang_savepoint = False
            self._set(job, JobStatus.CANCELING)
            return
        if savepoint:
            if job.status is JobStatus.RUNNING:
                self._set(job, JobStatus.DOING_SAVEPOINT)
            return
        if job.status is JobStatus.DOING_SAVEPOINT and job.hang_savepoint:
            return
        if job.status is not JobStatus.CANCELING:
            self._set(job, JobStatus.CANCELING)

    def fail(self, job_id: int, message: str) -> None:
        job = self.running.get(job_id)
        if job is None:
            raise KeyError(f"job {job_id} is not running")
        job.error_msg = message
        self._set(job, JobStatus.FAILING)

    def hang_savepoint(self, job_id: int) -> None:
        job = self.running.get(job_id)
        if job is None:
            raise KeyError(f"job {job_id} is not running")
        job.hang_savepoint = True


__all__ = [
    "EPOCH",
    "PROFILES",
    "FakeCluster",
    "FakeJob",
    "FakeRefusal",
    "bad_argument",
    "java_trace",
    "parse_long",
]
