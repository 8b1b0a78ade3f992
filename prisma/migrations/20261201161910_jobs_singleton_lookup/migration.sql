-- Periodic maintenance jobs look their period's key up among finished jobs too (lib/jobs/periodic.ts).
-- CreateIndex
CREATE INDEX "jobs_singleton_key_idx" ON "jobs"("singleton_key");
