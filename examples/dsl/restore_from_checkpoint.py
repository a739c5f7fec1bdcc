"""Cookbook recipe: resume the CDC job from its latest checkpoint, the way Zeta does it.

The cookbook puts `job.id` in `env`; SeaTunnel has no such option and would start a new job
from empty state. The engine resumes when the same job is submitted again with its id and
`isStartWithSavePoint=true`: after a failure (FAILED) it continues from the last periodic
checkpoint. `job` is the unchanged CDC job; `restore` is the submit spec:

    from stconfig.client import Client
    restore.submit(Client("http://localhost:8080"))
"""

from mysql_cdc_to_console import job

from stconfig.dsl import Restore

restore = Restore(job, job_id="733584788375093248")
