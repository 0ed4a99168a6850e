CREATE INDEX "workshops_membership_registration_code_trgm" ON "workshops_membership" USING gin ("registration_code" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "fiscal_partnership_name_trgm" ON "fiscal_partnership" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "fiscal_partnership_agreement_link_trgm" ON "fiscal_partnership" USING gin ("agreement_link" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "fiscal_partnership_registration_code_trgm" ON "fiscal_partnership" USING gin ("registration_code" gin_trgm_ops);