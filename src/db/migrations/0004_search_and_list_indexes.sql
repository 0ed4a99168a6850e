DROP INDEX "workshops_person_family_personal_idx";--> statement-breakpoint
CREATE INDEX "workshops_person_family_personal_id_idx" ON "workshops_person" USING btree ("family","personal","id");--> statement-breakpoint
CREATE INDEX "workshops_person_superuser_idx" ON "workshops_person" USING btree ("id") WHERE "workshops_person"."is_superuser";--> statement-breakpoint
CREATE INDEX "workshops_event_url_trgm" ON "workshops_event" USING gin ("url" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "workshops_event_contact_trgm" ON "workshops_event" USING gin ("contact" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "workshops_event_venue_trgm" ON "workshops_event" USING gin ("venue" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "workshops_event_address_trgm" ON "workshops_event" USING gin ("address" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "workshops_event_country_idx" ON "workshops_event" USING btree ("country");