-- DropIndex
DROP INDEX "leads_campaign_id_created_at_idx";

-- CreateTable
CREATE TABLE "campaign_stats" (
    "campaign_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "leads_total" INTEGER NOT NULL DEFAULT 0,
    "leads_pending" INTEGER NOT NULL DEFAULT 0,
    "leads_contacted" INTEGER NOT NULL DEFAULT 0,
    "leads_converted" INTEGER NOT NULL DEFAULT 0,
    "leads_not_interested" INTEGER NOT NULL DEFAULT 0,
    "leads_callback" INTEGER NOT NULL DEFAULT 0,
    "leads_do_not_call" INTEGER NOT NULL DEFAULT 0,
    "calls_placed" INTEGER NOT NULL DEFAULT 0,
    "calls_connected" INTEGER NOT NULL DEFAULT 0,
    "calls_converted" INTEGER NOT NULL DEFAULT 0,
    "call_duration_seconds" BIGINT NOT NULL DEFAULT 0,
    "cost" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "revenue" DECIMAL(18,2) NOT NULL DEFAULT 0,

    CONSTRAINT "campaign_stats_pkey" PRIMARY KEY ("campaign_id")
);

-- CreateTable
CREATE TABLE "campaign_call_rollups" (
    "campaign_id" TEXT NOT NULL,
    "bucket_start" TIMESTAMP(3) NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "connected" INTEGER NOT NULL DEFAULT 0,
    "converted" INTEGER NOT NULL DEFAULT 0,
    "duration_seconds" BIGINT NOT NULL DEFAULT 0,
    "cost" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "revenue" DECIMAL(18,2) NOT NULL DEFAULT 0,

    CONSTRAINT "campaign_call_rollups_pkey" PRIMARY KEY ("campaign_id","bucket_start")
);

-- CreateIndex
CREATE INDEX "leads_campaign_id_created_at_id_idx" ON "leads"("campaign_id", "created_at", "id");

-- AddForeignKey
ALTER TABLE "campaign_stats" ADD CONSTRAINT "campaign_stats_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_call_rollups" ADD CONSTRAINT "campaign_call_rollups_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Campaign read models (ARCHITECTURE convention 12: reads cost the page, not the table).
--
-- campaign_stats and campaign_call_rollups are maintained by statement-level AFTER triggers with
-- transition tables on leads and calls, in the same transaction as the write, whatever path writes
-- (Prisma, raw SQL, the import's COPY and INSERT … ON CONFLICT). Statement-level rather than row-level:
-- a 20,000-row COPY batch then costs one aggregate over its transition table and one upsert per
-- campaign (and per 15-minute bucket), not 20,000 updates of the same counter row.
--
-- Deltas are joined to campaigns, so a change caused by a campaign's own deletion (its leads deleted by
-- "campaigns_delete_leads", its calls' campaign_id set null by the foreign key) never recreates the
-- stats row that the cascade removes. Upserts take rows in key order so concurrent statements lock
-- counter rows in the same order. Rows are never written for all-zero deltas (e.g. a lead update that
-- keeps its status), so such updates do not touch (or wait for) the counter row.
-- TRUNCATE of leads or calls is not tracked (nothing in the app truncates them).

CREATE FUNCTION "campaign_stats_leads_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO campaign_stats AS s (campaign_id, organization_id, leads_total, leads_pending, leads_contacted, leads_converted, leads_not_interested, leads_callback, leads_do_not_call)
    SELECT c.id, c.organization_id, d.leads_total, d.leads_pending, d.leads_contacted, d.leads_converted, d.leads_not_interested, d.leads_callback, d.leads_do_not_call
    FROM (SELECT campaign_id,
             sum(sgn)::int AS leads_total,
             coalesce(sum(sgn) FILTER (WHERE status = 'pending'), 0)::int AS leads_pending,
             coalesce(sum(sgn) FILTER (WHERE status = 'contacted'), 0)::int AS leads_contacted,
             coalesce(sum(sgn) FILTER (WHERE status = 'converted'), 0)::int AS leads_converted,
             coalesce(sum(sgn) FILTER (WHERE status = 'not_interested'), 0)::int AS leads_not_interested,
             coalesce(sum(sgn) FILTER (WHERE status = 'callback'), 0)::int AS leads_callback,
             coalesce(sum(sgn) FILTER (WHERE status = 'do_not_call'), 0)::int AS leads_do_not_call
      FROM (SELECT campaign_id, 1 AS sgn, status FROM new_rows) x
      WHERE campaign_id IS NOT NULL
      GROUP BY campaign_id) d
    JOIN campaigns c ON c.id = d.campaign_id
    WHERE d.leads_total <> 0 OR d.leads_pending <> 0 OR d.leads_contacted <> 0 OR d.leads_converted <> 0 OR d.leads_not_interested <> 0 OR d.leads_callback <> 0 OR d.leads_do_not_call <> 0
    ORDER BY c.id
    ON CONFLICT (campaign_id) DO UPDATE SET
      leads_total = s.leads_total + EXCLUDED.leads_total,
      leads_pending = s.leads_pending + EXCLUDED.leads_pending,
      leads_contacted = s.leads_contacted + EXCLUDED.leads_contacted,
      leads_converted = s.leads_converted + EXCLUDED.leads_converted,
      leads_not_interested = s.leads_not_interested + EXCLUDED.leads_not_interested,
      leads_callback = s.leads_callback + EXCLUDED.leads_callback,
      leads_do_not_call = s.leads_do_not_call + EXCLUDED.leads_do_not_call;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO campaign_stats AS s (campaign_id, organization_id, leads_total, leads_pending, leads_contacted, leads_converted, leads_not_interested, leads_callback, leads_do_not_call)
    SELECT c.id, c.organization_id, d.leads_total, d.leads_pending, d.leads_contacted, d.leads_converted, d.leads_not_interested, d.leads_callback, d.leads_do_not_call
    FROM (SELECT campaign_id,
             sum(sgn)::int AS leads_total,
             coalesce(sum(sgn) FILTER (WHERE status = 'pending'), 0)::int AS leads_pending,
             coalesce(sum(sgn) FILTER (WHERE status = 'contacted'), 0)::int AS leads_contacted,
             coalesce(sum(sgn) FILTER (WHERE status = 'converted'), 0)::int AS leads_converted,
             coalesce(sum(sgn) FILTER (WHERE status = 'not_interested'), 0)::int AS leads_not_interested,
             coalesce(sum(sgn) FILTER (WHERE status = 'callback'), 0)::int AS leads_callback,
             coalesce(sum(sgn) FILTER (WHERE status = 'do_not_call'), 0)::int AS leads_do_not_call
      FROM (SELECT campaign_id, 1 AS sgn, status FROM new_rows UNION ALL SELECT campaign_id, -1 AS sgn, status FROM old_rows) x
      WHERE campaign_id IS NOT NULL
      GROUP BY campaign_id) d
    JOIN campaigns c ON c.id = d.campaign_id
    WHERE d.leads_total <> 0 OR d.leads_pending <> 0 OR d.leads_contacted <> 0 OR d.leads_converted <> 0 OR d.leads_not_interested <> 0 OR d.leads_callback <> 0 OR d.leads_do_not_call <> 0
    ORDER BY c.id
    ON CONFLICT (campaign_id) DO UPDATE SET
      leads_total = s.leads_total + EXCLUDED.leads_total,
      leads_pending = s.leads_pending + EXCLUDED.leads_pending,
      leads_contacted = s.leads_contacted + EXCLUDED.leads_contacted,
      leads_converted = s.leads_converted + EXCLUDED.leads_converted,
      leads_not_interested = s.leads_not_interested + EXCLUDED.leads_not_interested,
      leads_callback = s.leads_callback + EXCLUDED.leads_callback,
      leads_do_not_call = s.leads_do_not_call + EXCLUDED.leads_do_not_call;
  ELSE
    INSERT INTO campaign_stats AS s (campaign_id, organization_id, leads_total, leads_pending, leads_contacted, leads_converted, leads_not_interested, leads_callback, leads_do_not_call)
    SELECT c.id, c.organization_id, d.leads_total, d.leads_pending, d.leads_contacted, d.leads_converted, d.leads_not_interested, d.leads_callback, d.leads_do_not_call
    FROM (SELECT campaign_id,
             sum(sgn)::int AS leads_total,
             coalesce(sum(sgn) FILTER (WHERE status = 'pending'), 0)::int AS leads_pending,
             coalesce(sum(sgn) FILTER (WHERE status = 'contacted'), 0)::int AS leads_contacted,
             coalesce(sum(sgn) FILTER (WHERE status = 'converted'), 0)::int AS leads_converted,
             coalesce(sum(sgn) FILTER (WHERE status = 'not_interested'), 0)::int AS leads_not_interested,
             coalesce(sum(sgn) FILTER (WHERE status = 'callback'), 0)::int AS leads_callback,
             coalesce(sum(sgn) FILTER (WHERE status = 'do_not_call'), 0)::int AS leads_do_not_call
      FROM (SELECT campaign_id, -1 AS sgn, status FROM old_rows) x
      WHERE campaign_id IS NOT NULL
      GROUP BY campaign_id) d
    JOIN campaigns c ON c.id = d.campaign_id
    WHERE d.leads_total <> 0 OR d.leads_pending <> 0 OR d.leads_contacted <> 0 OR d.leads_converted <> 0 OR d.leads_not_interested <> 0 OR d.leads_callback <> 0 OR d.leads_do_not_call <> 0
    ORDER BY c.id
    ON CONFLICT (campaign_id) DO UPDATE SET
      leads_total = s.leads_total + EXCLUDED.leads_total,
      leads_pending = s.leads_pending + EXCLUDED.leads_pending,
      leads_contacted = s.leads_contacted + EXCLUDED.leads_contacted,
      leads_converted = s.leads_converted + EXCLUDED.leads_converted,
      leads_not_interested = s.leads_not_interested + EXCLUDED.leads_not_interested,
      leads_callback = s.leads_callback + EXCLUDED.leads_callback,
      leads_do_not_call = s.leads_do_not_call + EXCLUDED.leads_do_not_call;
  END IF;
  RETURN NULL;
END;
$$;

-- Transition tables allow one event per trigger, hence three triggers on one function.
CREATE TRIGGER "leads_stats_insert" AFTER INSERT ON "leads"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "campaign_stats_leads_changed"();
CREATE TRIGGER "leads_stats_update" AFTER UPDATE ON "leads"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "campaign_stats_leads_changed"();
CREATE TRIGGER "leads_stats_delete" AFTER DELETE ON "leads"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "campaign_stats_leads_changed"();

-- Calls: counters per campaign and per 15-minute bucket of started_at (UTC). "Connected" is answered
-- (answered_at set) and "converted" is the converted flag, as README "Campaign metrics" defines them.
CREATE FUNCTION "campaign_stats_calls_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO campaign_stats AS s (campaign_id, organization_id, calls_placed, calls_connected, calls_converted, call_duration_seconds, cost, revenue)
    SELECT c.id, c.organization_id, d.calls, d.connected, d.converted, d.duration, d.cost, d.revenue
    FROM (SELECT campaign_id,
             sum(sgn)::int AS calls,
             coalesce(sum(sgn) FILTER (WHERE answered), 0)::int AS connected,
             coalesce(sum(sgn) FILTER (WHERE converted), 0)::int AS converted,
             sum(sgn * duration)::bigint AS duration,
             sum(sgn * cost) AS cost,
             sum(sgn * revenue) AS revenue
      FROM (SELECT campaign_id, 1 AS sgn, (answered_at IS NOT NULL) AS answered, converted, coalesce(duration_seconds, 0) AS duration, cost, revenue, date_bin('15 minutes', started_at, TIMESTAMP '2000-01-01') AS bucket FROM new_rows) x
      WHERE campaign_id IS NOT NULL
      GROUP BY campaign_id) d
    JOIN campaigns c ON c.id = d.campaign_id
    WHERE d.calls <> 0 OR d.connected <> 0 OR d.converted <> 0 OR d.duration <> 0 OR d.cost <> 0 OR d.revenue <> 0
    ORDER BY c.id
    ON CONFLICT (campaign_id) DO UPDATE SET
      calls_placed = s.calls_placed + EXCLUDED.calls_placed,
      calls_connected = s.calls_connected + EXCLUDED.calls_connected,
      calls_converted = s.calls_converted + EXCLUDED.calls_converted,
      call_duration_seconds = s.call_duration_seconds + EXCLUDED.call_duration_seconds,
      cost = s.cost + EXCLUDED.cost,
      revenue = s.revenue + EXCLUDED.revenue;
    INSERT INTO campaign_call_rollups AS r (campaign_id, bucket_start, calls, connected, converted, duration_seconds, cost, revenue)
    SELECT d.campaign_id, d.bucket, d.calls, d.connected, d.converted, d.duration, d.cost, d.revenue
    FROM (SELECT campaign_id, bucket,
             sum(sgn)::int AS calls,
             coalesce(sum(sgn) FILTER (WHERE answered), 0)::int AS connected,
             coalesce(sum(sgn) FILTER (WHERE converted), 0)::int AS converted,
             sum(sgn * duration)::bigint AS duration,
             sum(sgn * cost) AS cost,
             sum(sgn * revenue) AS revenue
      FROM (SELECT campaign_id, 1 AS sgn, (answered_at IS NOT NULL) AS answered, converted, coalesce(duration_seconds, 0) AS duration, cost, revenue, date_bin('15 minutes', started_at, TIMESTAMP '2000-01-01') AS bucket FROM new_rows) x
      WHERE campaign_id IS NOT NULL
      GROUP BY campaign_id, bucket) d
    JOIN campaigns c ON c.id = d.campaign_id
    WHERE d.calls <> 0 OR d.connected <> 0 OR d.converted <> 0 OR d.duration <> 0 OR d.cost <> 0 OR d.revenue <> 0
    ORDER BY d.campaign_id, d.bucket
    ON CONFLICT (campaign_id, bucket_start) DO UPDATE SET
      calls = r.calls + EXCLUDED.calls,
      connected = r.connected + EXCLUDED.connected,
      converted = r.converted + EXCLUDED.converted,
      duration_seconds = r.duration_seconds + EXCLUDED.duration_seconds,
      cost = r.cost + EXCLUDED.cost,
      revenue = r.revenue + EXCLUDED.revenue;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO campaign_stats AS s (campaign_id, organization_id, calls_placed, calls_connected, calls_converted, call_duration_seconds, cost, revenue)
    SELECT c.id, c.organization_id, d.calls, d.connected, d.converted, d.duration, d.cost, d.revenue
    FROM (SELECT campaign_id,
             sum(sgn)::int AS calls,
             coalesce(sum(sgn) FILTER (WHERE answered), 0)::int AS connected,
             coalesce(sum(sgn) FILTER (WHERE converted), 0)::int AS converted,
             sum(sgn * duration)::bigint AS duration,
             sum(sgn * cost) AS cost,
             sum(sgn * revenue) AS revenue
      FROM (SELECT campaign_id, 1 AS sgn, (answered_at IS NOT NULL) AS answered, converted, coalesce(duration_seconds, 0) AS duration, cost, revenue, date_bin('15 minutes', started_at, TIMESTAMP '2000-01-01') AS bucket FROM new_rows UNION ALL SELECT campaign_id, -1 AS sgn, (answered_at IS NOT NULL) AS answered, converted, coalesce(duration_seconds, 0) AS duration, cost, revenue, date_bin('15 minutes', started_at, TIMESTAMP '2000-01-01') AS bucket FROM old_rows) x
      WHERE campaign_id IS NOT NULL
      GROUP BY campaign_id) d
    JOIN campaigns c ON c.id = d.campaign_id
    WHERE d.calls <> 0 OR d.connected <> 0 OR d.converted <> 0 OR d.duration <> 0 OR d.cost <> 0 OR d.revenue <> 0
    ORDER BY c.id
    ON CONFLICT (campaign_id) DO UPDATE SET
      calls_placed = s.calls_placed + EXCLUDED.calls_placed,
      calls_connected = s.calls_connected + EXCLUDED.calls_connected,
      calls_converted = s.calls_converted + EXCLUDED.calls_converted,
      call_duration_seconds = s.call_duration_seconds + EXCLUDED.call_duration_seconds,
      cost = s.cost + EXCLUDED.cost,
      revenue = s.revenue + EXCLUDED.revenue;
    INSERT INTO campaign_call_rollups AS r (campaign_id, bucket_start, calls, connected, converted, duration_seconds, cost, revenue)
    SELECT d.campaign_id, d.bucket, d.calls, d.connected, d.converted, d.duration, d.cost, d.revenue
    FROM (SELECT campaign_id, bucket,
             sum(sgn)::int AS calls,
             coalesce(sum(sgn) FILTER (WHERE answered), 0)::int AS connected,
             coalesce(sum(sgn) FILTER (WHERE converted), 0)::int AS converted,
             sum(sgn * duration)::bigint AS duration,
             sum(sgn * cost) AS cost,
             sum(sgn * revenue) AS revenue
      FROM (SELECT campaign_id, 1 AS sgn, (answered_at IS NOT NULL) AS answered, converted, coalesce(duration_seconds, 0) AS duration, cost, revenue, date_bin('15 minutes', started_at, TIMESTAMP '2000-01-01') AS bucket FROM new_rows UNION ALL SELECT campaign_id, -1 AS sgn, (answered_at IS NOT NULL) AS answered, converted, coalesce(duration_seconds, 0) AS duration, cost, revenue, date_bin('15 minutes', started_at, TIMESTAMP '2000-01-01') AS bucket FROM old_rows) x
      WHERE campaign_id IS NOT NULL
      GROUP BY campaign_id, bucket) d
    JOIN campaigns c ON c.id = d.campaign_id
    WHERE d.calls <> 0 OR d.connected <> 0 OR d.converted <> 0 OR d.duration <> 0 OR d.cost <> 0 OR d.revenue <> 0
    ORDER BY d.campaign_id, d.bucket
    ON CONFLICT (campaign_id, bucket_start) DO UPDATE SET
      calls = r.calls + EXCLUDED.calls,
      connected = r.connected + EXCLUDED.connected,
      converted = r.converted + EXCLUDED.converted,
      duration_seconds = r.duration_seconds + EXCLUDED.duration_seconds,
      cost = r.cost + EXCLUDED.cost,
      revenue = r.revenue + EXCLUDED.revenue;
    -- A bucket left with no calls has nothing else in it either (every column is a sum over its calls).
    DELETE FROM campaign_call_rollups r
    USING (SELECT DISTINCT campaign_id, date_bin('15 minutes', started_at, TIMESTAMP '2000-01-01') AS bucket FROM old_rows WHERE campaign_id IS NOT NULL) k
    WHERE r.campaign_id = k.campaign_id AND r.bucket_start = k.bucket AND r.calls = 0;
  ELSE
    INSERT INTO campaign_stats AS s (campaign_id, organization_id, calls_placed, calls_connected, calls_converted, call_duration_seconds, cost, revenue)
    SELECT c.id, c.organization_id, d.calls, d.connected, d.converted, d.duration, d.cost, d.revenue
    FROM (SELECT campaign_id,
             sum(sgn)::int AS calls,
             coalesce(sum(sgn) FILTER (WHERE answered), 0)::int AS connected,
             coalesce(sum(sgn) FILTER (WHERE converted), 0)::int AS converted,
             sum(sgn * duration)::bigint AS duration,
             sum(sgn * cost) AS cost,
             sum(sgn * revenue) AS revenue
      FROM (SELECT campaign_id, -1 AS sgn, (answered_at IS NOT NULL) AS answered, converted, coalesce(duration_seconds, 0) AS duration, cost, revenue, date_bin('15 minutes', started_at, TIMESTAMP '2000-01-01') AS bucket FROM old_rows) x
      WHERE campaign_id IS NOT NULL
      GROUP BY campaign_id) d
    JOIN campaigns c ON c.id = d.campaign_id
    WHERE d.calls <> 0 OR d.connected <> 0 OR d.converted <> 0 OR d.duration <> 0 OR d.cost <> 0 OR d.revenue <> 0
    ORDER BY c.id
    ON CONFLICT (campaign_id) DO UPDATE SET
      calls_placed = s.calls_placed + EXCLUDED.calls_placed,
      calls_connected = s.calls_connected + EXCLUDED.calls_connected,
      calls_converted = s.calls_converted + EXCLUDED.calls_converted,
      call_duration_seconds = s.call_duration_seconds + EXCLUDED.call_duration_seconds,
      cost = s.cost + EXCLUDED.cost,
      revenue = s.revenue + EXCLUDED.revenue;
    INSERT INTO campaign_call_rollups AS r (campaign_id, bucket_start, calls, connected, converted, duration_seconds, cost, revenue)
    SELECT d.campaign_id, d.bucket, d.calls, d.connected, d.converted, d.duration, d.cost, d.revenue
    FROM (SELECT campaign_id, bucket,
             sum(sgn)::int AS calls,
             coalesce(sum(sgn) FILTER (WHERE answered), 0)::int AS connected,
             coalesce(sum(sgn) FILTER (WHERE converted), 0)::int AS converted,
             sum(sgn * duration)::bigint AS duration,
             sum(sgn * cost) AS cost,
             sum(sgn * revenue) AS revenue
      FROM (SELECT campaign_id, -1 AS sgn, (answered_at IS NOT NULL) AS answered, converted, coalesce(duration_seconds, 0) AS duration, cost, revenue, date_bin('15 minutes', started_at, TIMESTAMP '2000-01-01') AS bucket FROM old_rows) x
      WHERE campaign_id IS NOT NULL
      GROUP BY campaign_id, bucket) d
    JOIN campaigns c ON c.id = d.campaign_id
    WHERE d.calls <> 0 OR d.connected <> 0 OR d.converted <> 0 OR d.duration <> 0 OR d.cost <> 0 OR d.revenue <> 0
    ORDER BY d.campaign_id, d.bucket
    ON CONFLICT (campaign_id, bucket_start) DO UPDATE SET
      calls = r.calls + EXCLUDED.calls,
      connected = r.connected + EXCLUDED.connected,
      converted = r.converted + EXCLUDED.converted,
      duration_seconds = r.duration_seconds + EXCLUDED.duration_seconds,
      cost = r.cost + EXCLUDED.cost,
      revenue = r.revenue + EXCLUDED.revenue;
    -- A bucket left with no calls has nothing else in it either (every column is a sum over its calls).
    DELETE FROM campaign_call_rollups r
    USING (SELECT DISTINCT campaign_id, date_bin('15 minutes', started_at, TIMESTAMP '2000-01-01') AS bucket FROM old_rows WHERE campaign_id IS NOT NULL) k
    WHERE r.campaign_id = k.campaign_id AND r.bucket_start = k.bucket AND r.calls = 0;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "calls_stats_insert" AFTER INSERT ON "calls"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "campaign_stats_calls_changed"();
CREATE TRIGGER "calls_stats_update" AFTER UPDATE ON "calls"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "campaign_stats_calls_changed"();
CREATE TRIGGER "calls_stats_delete" AFTER DELETE ON "calls"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "campaign_stats_calls_changed"();

-- Backfill from the rows already there (deploys run migrations before the new code serves traffic).
INSERT INTO "campaign_stats" (campaign_id, organization_id, leads_total, leads_pending, leads_contacted, leads_converted, leads_not_interested, leads_callback, leads_do_not_call)
SELECT c.id, c.organization_id, d.leads_total, d.leads_pending, d.leads_contacted, d.leads_converted, d.leads_not_interested, d.leads_callback, d.leads_do_not_call
FROM (SELECT campaign_id,
             sum(sgn)::int AS leads_total,
             coalesce(sum(sgn) FILTER (WHERE status = 'pending'), 0)::int AS leads_pending,
             coalesce(sum(sgn) FILTER (WHERE status = 'contacted'), 0)::int AS leads_contacted,
             coalesce(sum(sgn) FILTER (WHERE status = 'converted'), 0)::int AS leads_converted,
             coalesce(sum(sgn) FILTER (WHERE status = 'not_interested'), 0)::int AS leads_not_interested,
             coalesce(sum(sgn) FILTER (WHERE status = 'callback'), 0)::int AS leads_callback,
             coalesce(sum(sgn) FILTER (WHERE status = 'do_not_call'), 0)::int AS leads_do_not_call
      FROM (SELECT campaign_id, 1 AS sgn, status FROM leads) x
      WHERE campaign_id IS NOT NULL
      GROUP BY campaign_id) d
JOIN campaigns c ON c.id = d.campaign_id;

INSERT INTO campaign_stats AS s (campaign_id, organization_id, calls_placed, calls_connected, calls_converted, call_duration_seconds, cost, revenue)
SELECT c.id, c.organization_id, d.calls, d.connected, d.converted, d.duration, d.cost, d.revenue
FROM (SELECT campaign_id,
 sum(sgn)::int AS calls,
 coalesce(sum(sgn) FILTER (WHERE answered), 0)::int AS connected,
 coalesce(sum(sgn) FILTER (WHERE converted), 0)::int AS converted,
 sum(sgn * duration)::bigint AS duration,
 sum(sgn * cost) AS cost,
 sum(sgn * revenue) AS revenue
  FROM (SELECT campaign_id, 1 AS sgn, (answered_at IS NOT NULL) AS answered, converted, coalesce(duration_seconds, 0) AS duration, cost, revenue, date_bin('15 minutes', started_at, TIMESTAMP '2000-01-01') AS bucket FROM calls) x
  WHERE campaign_id IS NOT NULL
  GROUP BY campaign_id) d
JOIN campaigns c ON c.id = d.campaign_id
WHERE d.calls <> 0 OR d.connected <> 0 OR d.converted <> 0 OR d.duration <> 0 OR d.cost <> 0 OR d.revenue <> 0
ORDER BY c.id
ON CONFLICT (campaign_id) DO UPDATE SET
  calls_placed = s.calls_placed + EXCLUDED.calls_placed,
  calls_connected = s.calls_connected + EXCLUDED.calls_connected,
  calls_converted = s.calls_converted + EXCLUDED.calls_converted,
  call_duration_seconds = s.call_duration_seconds + EXCLUDED.call_duration_seconds,
  cost = s.cost + EXCLUDED.cost,
  revenue = s.revenue + EXCLUDED.revenue;
INSERT INTO campaign_call_rollups AS r (campaign_id, bucket_start, calls, connected, converted, duration_seconds, cost, revenue)
SELECT d.campaign_id, d.bucket, d.calls, d.connected, d.converted, d.duration, d.cost, d.revenue
FROM (SELECT campaign_id, bucket,
 sum(sgn)::int AS calls,
 coalesce(sum(sgn) FILTER (WHERE answered), 0)::int AS connected,
 coalesce(sum(sgn) FILTER (WHERE converted), 0)::int AS converted,
 sum(sgn * duration)::bigint AS duration,
 sum(sgn * cost) AS cost,
 sum(sgn * revenue) AS revenue
  FROM (SELECT campaign_id, 1 AS sgn, (answered_at IS NOT NULL) AS answered, converted, coalesce(duration_seconds, 0) AS duration, cost, revenue, date_bin('15 minutes', started_at, TIMESTAMP '2000-01-01') AS bucket FROM calls) x
  WHERE campaign_id IS NOT NULL
  GROUP BY campaign_id, bucket) d
JOIN campaigns c ON c.id = d.campaign_id
WHERE d.calls <> 0 OR d.connected <> 0 OR d.converted <> 0 OR d.duration <> 0 OR d.cost <> 0 OR d.revenue <> 0
ORDER BY d.campaign_id, d.bucket
ON CONFLICT (campaign_id, bucket_start) DO UPDATE SET
  calls = r.calls + EXCLUDED.calls,
  connected = r.connected + EXCLUDED.connected,
  converted = r.converted + EXCLUDED.converted,
  duration_seconds = r.duration_seconds + EXCLUDED.duration_seconds,
  cost = r.cost + EXCLUDED.cost,
  revenue = r.revenue + EXCLUDED.revenue;
