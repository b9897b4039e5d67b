-- Roster import jobs belong to the instance that holds their upload. Each instance stamps the jobs it
-- holds (queued or running) every few seconds; a job whose stamp is older than the stale limit lost
-- its instance (kill, crash, node loss) and is failed by whichever instance sweeps first. Replaces
-- failing every unfinished job at start-up, which failed the jobs other replicas were running.
ALTER TABLE roster_import ADD COLUMN heartbeat_at timestamptz;
UPDATE roster_import SET heartbeat_at = coalesce(finished_at, started_at, created_at);
ALTER TABLE roster_import ALTER COLUMN heartbeat_at SET NOT NULL;
ALTER TABLE roster_import ALTER COLUMN heartbeat_at SET DEFAULT now();
CREATE INDEX roster_import_unfinished ON roster_import (heartbeat_at) WHERE status IN ('queued', 'running');
