"""Cookbook recipe: resume the CDC job from the savepoint taken when it was stopped.

The cookbook sets `restore.mode = "savepoint"` and `savepoint.path` in `env`; neither exists,
and there is no savepoint path in Zeta. A stop with savepoint (`stconfig stop --savepoint
JOBID`, state SAVEPOINT_DONE) keeps the state under the job id, and submitting the same job
with that id and `isStartWithSavePoint=true` resumes from it. The id below is the one in
the cookbook's path `/seatunnel/checkpoint/savepoint/733584788375093248/...`.
"""

from mysql_cdc_to_console import job

from stconfig.dsl import Restore

restore = Restore(job, job_id=733584788375093248)
