-- DropForeignKey
ALTER TABLE "leads" DROP CONSTRAINT "leads_campaign_id_fkey";

-- DropForeignKey
ALTER TABLE "leads" DROP CONSTRAINT "leads_organization_id_fkey";

-- Leads are bulk-loaded by the million, and each foreign key costs a referential check per row
-- (COPY of 1M leads on the benchmark machine: 13 s without, 28 s with both keys). Integrity is kept
-- instead by the import locking its campaign row once per batch (lib/leads/run-lead-import.ts) and
-- by this trigger, which deletes a campaign's leads with the campaign. An organization's deletion
-- cascades to its campaigns, so it reaches their leads too.
CREATE FUNCTION "delete_campaign_leads"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "leads" WHERE "campaign_id" = OLD."id";
  RETURN OLD;
END;
$$;

CREATE TRIGGER "campaigns_delete_leads" AFTER DELETE ON "campaigns"
  FOR EACH ROW EXECUTE FUNCTION "delete_campaign_leads"();
