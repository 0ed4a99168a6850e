CREATE TABLE "amy_row_count" (
	"table_name" text PRIMARY KEY NOT NULL,
	"row_count" bigint NOT NULL,
	CONSTRAINT "amy_row_count_row_count_check" CHECK ("amy_row_count"."row_count" >= 0)
);
--> statement-breakpoint
DROP INDEX "workshops_award_badge_id_idx";--> statement-breakpoint
CREATE INDEX "workshops_award_badge_id_person_id_idx" ON "workshops_award" USING btree ("badge_id","person_id");--> statement-breakpoint
-- Statement triggers keep amy_row_count exact: one update per statement, whatever its row count.
-- Each table is counted after its triggers exist: they hold its lock, so no insert slips between.
CREATE FUNCTION amy_count_inserted_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE amy_row_count SET row_count = row_count + (SELECT count(*) FROM inserted_rows)
    WHERE table_name = TG_TABLE_NAME;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION amy_count_deleted_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE amy_row_count SET row_count = row_count - (SELECT count(*) FROM deleted_rows)
    WHERE table_name = TG_TABLE_NAME;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION amy_count_truncated_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE amy_row_count SET row_count = 0 WHERE table_name = TG_TABLE_NAME;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER amy_count_inserted AFTER INSERT ON "workshops_person" REFERENCING NEW TABLE AS inserted_rows
  FOR EACH STATEMENT EXECUTE FUNCTION amy_count_inserted_rows();--> statement-breakpoint
CREATE TRIGGER amy_count_deleted AFTER DELETE ON "workshops_person" REFERENCING OLD TABLE AS deleted_rows
  FOR EACH STATEMENT EXECUTE FUNCTION amy_count_deleted_rows();--> statement-breakpoint
CREATE TRIGGER amy_count_truncated AFTER TRUNCATE ON "workshops_person"
  FOR EACH STATEMENT EXECUTE FUNCTION amy_count_truncated_rows();--> statement-breakpoint
INSERT INTO "amy_row_count" SELECT 'workshops_person', count(*) FROM "workshops_person";--> statement-breakpoint
CREATE TRIGGER amy_count_inserted AFTER INSERT ON "workshops_event" REFERENCING NEW TABLE AS inserted_rows
  FOR EACH STATEMENT EXECUTE FUNCTION amy_count_inserted_rows();--> statement-breakpoint
CREATE TRIGGER amy_count_deleted AFTER DELETE ON "workshops_event" REFERENCING OLD TABLE AS deleted_rows
  FOR EACH STATEMENT EXECUTE FUNCTION amy_count_deleted_rows();--> statement-breakpoint
CREATE TRIGGER amy_count_truncated AFTER TRUNCATE ON "workshops_event"
  FOR EACH STATEMENT EXECUTE FUNCTION amy_count_truncated_rows();--> statement-breakpoint
INSERT INTO "amy_row_count" SELECT 'workshops_event', count(*) FROM "workshops_event";--> statement-breakpoint
CREATE TRIGGER amy_count_inserted AFTER INSERT ON "workshops_task" REFERENCING NEW TABLE AS inserted_rows
  FOR EACH STATEMENT EXECUTE FUNCTION amy_count_inserted_rows();--> statement-breakpoint
CREATE TRIGGER amy_count_deleted AFTER DELETE ON "workshops_task" REFERENCING OLD TABLE AS deleted_rows
  FOR EACH STATEMENT EXECUTE FUNCTION amy_count_deleted_rows();--> statement-breakpoint
CREATE TRIGGER amy_count_truncated AFTER TRUNCATE ON "workshops_task"
  FOR EACH STATEMENT EXECUTE FUNCTION amy_count_truncated_rows();--> statement-breakpoint
INSERT INTO "amy_row_count" SELECT 'workshops_task', count(*) FROM "workshops_task";--> statement-breakpoint
CREATE TRIGGER amy_count_inserted AFTER INSERT ON "workshops_organization" REFERENCING NEW TABLE AS inserted_rows
  FOR EACH STATEMENT EXECUTE FUNCTION amy_count_inserted_rows();--> statement-breakpoint
CREATE TRIGGER amy_count_deleted AFTER DELETE ON "workshops_organization" REFERENCING OLD TABLE AS deleted_rows
  FOR EACH STATEMENT EXECUTE FUNCTION amy_count_deleted_rows();--> statement-breakpoint
CREATE TRIGGER amy_count_truncated AFTER TRUNCATE ON "workshops_organization"
  FOR EACH STATEMENT EXECUTE FUNCTION amy_count_truncated_rows();--> statement-breakpoint
INSERT INTO "amy_row_count" SELECT 'workshops_organization', count(*) FROM "workshops_organization";
