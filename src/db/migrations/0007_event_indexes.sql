DROP INDEX "workshops_event_tags_tag_id_idx";--> statement-breakpoint
CREATE INDEX "workshops_event_not_completed_idx" ON "workshops_event" USING btree ("id") WHERE not "workshops_event"."completed";--> statement-breakpoint
CREATE INDEX "workshops_event_tags_tag_id_event_id_idx" ON "workshops_event_tags" USING btree ("tag_id","event_id");