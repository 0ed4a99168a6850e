CREATE TABLE "offering_account" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"account_type" varchar(30) NOT NULL,
	"person_id" integer,
	"organization_id" integer,
	"consortium_id" integer,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "offering_account_person_id_unique" UNIQUE("person_id"),
	CONSTRAINT "offering_account_organization_id_unique" UNIQUE("organization_id"),
	CONSTRAINT "offering_account_consortium_id_unique" UNIQUE("consortium_id"),
	CONSTRAINT "offering_account_related_entity_check" CHECK (("offering_account"."account_type" = 'individual' and "offering_account"."person_id" is not null and "offering_account"."organization_id" is null and "offering_account"."consortium_id" is null)
        or ("offering_account"."account_type" = 'organisation' and "offering_account"."organization_id" is not null and "offering_account"."person_id" is null and "offering_account"."consortium_id" is null)
        or ("offering_account"."account_type" = 'consortium' and "offering_account"."consortium_id" is not null and "offering_account"."person_id" is null and "offering_account"."organization_id" is null))
);
--> statement-breakpoint
CREATE TABLE "offering_accountbenefit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"account_id" uuid NOT NULL,
	"partnership_id" integer,
	"benefit_id" uuid NOT NULL,
	"discount_id" uuid,
	"curriculum_id" integer,
	"registration_code" varchar(40),
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"allocation" integer NOT NULL,
	"frozen" boolean DEFAULT false NOT NULL,
	CONSTRAINT "offering_accountbenefit_registration_code_unique" UNIQUE("registration_code"),
	CONSTRAINT "offering_accountbenefit_dates_check" CHECK ("offering_accountbenefit"."end_date" >= "offering_accountbenefit"."start_date"),
	CONSTRAINT "offering_accountbenefit_allocation_check" CHECK ("offering_accountbenefit"."allocation" >= 0)
);
--> statement-breakpoint
CREATE TABLE "offering_accountbenefitdiscount" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" varchar(100) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offering_accountowner" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"account_id" uuid NOT NULL,
	"person_id" integer NOT NULL,
	"permission_type" varchar(30) NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "offering_accountowner_permission_type_check" CHECK ("offering_accountowner"."permission_type" in ('owner', 'programmatic_contact', 'billing_contact'))
);
--> statement-breakpoint
CREATE TABLE "offering_benefit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" varchar(100) NOT NULL,
	"description" varchar(255) NOT NULL,
	"unit_type" varchar(20) NOT NULL,
	"credits" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "offering_benefit_unit_type_check" CHECK ("offering_benefit"."unit_type" in ('seat', 'event')),
	CONSTRAINT "offering_benefit_credits_check" CHECK ("offering_benefit"."credits" >= 0)
);
--> statement-breakpoint
CREATE TABLE "fiscal_consortium" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" varchar(100) NOT NULL,
	"description" varchar(255) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fiscal_consortium_organisations" (
	"id" serial PRIMARY KEY NOT NULL,
	"consortium_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	CONSTRAINT "fiscal_consortium_organisations_key" UNIQUE("consortium_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "workshops_eventcategory" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" varchar(100) NOT NULL,
	"description" varchar(255) NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workshops_member" (
	"id" serial PRIMARY KEY NOT NULL,
	"membership_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"role_id" integer NOT NULL,
	CONSTRAINT "workshops_member_membership_organization_role_key" UNIQUE("membership_id","organization_id","role_id")
);
--> statement-breakpoint
CREATE TABLE "workshops_memberrole" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(40) NOT NULL,
	"verbose_name" varchar(100) DEFAULT '' NOT NULL,
	CONSTRAINT "workshops_memberrole_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "workshops_membership" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(100) NOT NULL,
	"variant" varchar(40) NOT NULL,
	"agreement_start" date NOT NULL,
	"agreement_end" date NOT NULL,
	"extensions" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"contribution_type" varchar(40) NOT NULL,
	"workshops_without_admin_fee_per_agreement" integer,
	"workshops_without_admin_fee_rolled_from_previous" integer,
	"workshops_without_admin_fee_rolled_over" integer,
	"public_instructor_training_seats" integer DEFAULT 0 NOT NULL,
	"additional_public_instructor_training_seats" integer DEFAULT 0 NOT NULL,
	"public_instructor_training_seats_rolled_from_previous" integer,
	"public_instructor_training_seats_rolled_over" integer,
	"inhouse_instructor_training_seats" integer DEFAULT 0 NOT NULL,
	"additional_inhouse_instructor_training_seats" integer DEFAULT 0 NOT NULL,
	"inhouse_instructor_training_seats_rolled_from_previous" integer,
	"inhouse_instructor_training_seats_rolled_over" integer,
	"registration_code" varchar(40),
	"agreement_link" varchar(200) DEFAULT '' NOT NULL,
	"public_status" varchar(20) DEFAULT 'private' NOT NULL,
	"emergency_contact" text DEFAULT '' NOT NULL,
	"consortium" boolean DEFAULT false NOT NULL,
	"rolled_to_membership_id" integer,
	CONSTRAINT "workshops_membership_registration_code_unique" UNIQUE("registration_code"),
	CONSTRAINT "workshops_membership_rolled_to_membership_id_unique" UNIQUE("rolled_to_membership_id"),
	CONSTRAINT "workshops_membership_variant_check" CHECK ("workshops_membership"."variant" in ('partner', 'affiliate', 'sponsor', 'bronze', 'silver', 'gold', 'platinum', 'titanium', 'alacarte')),
	CONSTRAINT "workshops_membership_contribution_type_check" CHECK ("workshops_membership"."contribution_type" in ('financial', 'person-days', 'other')),
	CONSTRAINT "workshops_membership_public_status_check" CHECK ("workshops_membership"."public_status" in ('public', 'private')),
	CONSTRAINT "workshops_membership_agreement_dates_check" CHECK ("workshops_membership"."agreement_end" >= "workshops_membership"."agreement_start"),
	CONSTRAINT "workshops_membership_extensions_check" CHECK (0 <= all("workshops_membership"."extensions")),
	CONSTRAINT "workshops_membership_counts_check" CHECK (coalesce("workshops_membership"."workshops_without_admin_fee_per_agreement", 0) >= 0
        and coalesce("workshops_membership"."workshops_without_admin_fee_rolled_from_previous", 0) >= 0
        and coalesce("workshops_membership"."workshops_without_admin_fee_rolled_over", 0) >= 0
        and "workshops_membership"."public_instructor_training_seats" >= 0
        and "workshops_membership"."additional_public_instructor_training_seats" >= 0
        and coalesce("workshops_membership"."public_instructor_training_seats_rolled_from_previous", 0) >= 0
        and coalesce("workshops_membership"."public_instructor_training_seats_rolled_over", 0) >= 0
        and "workshops_membership"."inhouse_instructor_training_seats" >= 0
        and "workshops_membership"."additional_inhouse_instructor_training_seats" >= 0
        and coalesce("workshops_membership"."inhouse_instructor_training_seats_rolled_from_previous", 0) >= 0
        and coalesce("workshops_membership"."inhouse_instructor_training_seats_rolled_over", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "fiscal_membershippersonrole" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(40) NOT NULL,
	"verbose_name" varchar(100) DEFAULT '' NOT NULL,
	CONSTRAINT "fiscal_membershippersonrole_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "fiscal_membershiptask" (
	"id" serial PRIMARY KEY NOT NULL,
	"membership_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"role_id" integer NOT NULL,
	CONSTRAINT "fiscal_membershiptask_membership_person_role_key" UNIQUE("membership_id","person_id","role_id")
);
--> statement-breakpoint
CREATE TABLE "fiscal_partnership" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" varchar(100) NOT NULL,
	"tier_id" uuid,
	"credits" integer DEFAULT 0 NOT NULL,
	"credits_extensions" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"account_id" uuid NOT NULL,
	"agreement_start" date NOT NULL,
	"agreement_end" date NOT NULL,
	"extensions" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"rolled_to_partnership_id" integer,
	"agreement_link" varchar(200) DEFAULT '' NOT NULL,
	"registration_code" varchar(40),
	"public_status" varchar(20) DEFAULT 'private' NOT NULL,
	"partner_consortium_id" integer,
	"partner_organisation_id" integer,
	CONSTRAINT "fiscal_partnership_rolled_to_partnership_id_unique" UNIQUE("rolled_to_partnership_id"),
	CONSTRAINT "fiscal_partnership_registration_code_unique" UNIQUE("registration_code"),
	CONSTRAINT "fiscal_partnership_exactly_one_partner" CHECK (("fiscal_partnership"."partner_consortium_id" is null) <> ("fiscal_partnership"."partner_organisation_id" is null)),
	CONSTRAINT "fiscal_partnership_public_status_check" CHECK ("fiscal_partnership"."public_status" in ('public', 'private')),
	CONSTRAINT "fiscal_partnership_agreement_dates_check" CHECK ("fiscal_partnership"."agreement_end" >= "fiscal_partnership"."agreement_start"),
	CONSTRAINT "fiscal_partnership_extensions_check" CHECK (0 <= all("fiscal_partnership"."extensions") and 0 <= all("fiscal_partnership"."credits_extensions"))
);
--> statement-breakpoint
CREATE TABLE "fiscal_partnershiptier" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" varchar(100) NOT NULL,
	"credits" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "communityroles_communityrole" ADD COLUMN "membership_id" integer;--> statement-breakpoint
ALTER TABLE "communityroles_communityrole" ADD COLUMN "partnership_id" integer;--> statement-breakpoint
ALTER TABLE "workshops_event" ADD COLUMN "membership_id" integer;--> statement-breakpoint
ALTER TABLE "workshops_event" ADD COLUMN "allocated_benefit_id" uuid;--> statement-breakpoint
ALTER TABLE "workshops_event" ADD COLUMN "event_category_id" uuid;--> statement-breakpoint
ALTER TABLE "workshops_task" ADD COLUMN "seat_membership_id" integer;--> statement-breakpoint
ALTER TABLE "workshops_task" ADD COLUMN "allocated_benefit_id" uuid;--> statement-breakpoint
ALTER TABLE "offering_account" ADD CONSTRAINT "offering_account_person_id_workshops_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."workshops_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offering_account" ADD CONSTRAINT "offering_account_organization_id_workshops_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."workshops_organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offering_account" ADD CONSTRAINT "offering_account_consortium_id_fiscal_consortium_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."fiscal_consortium"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offering_accountbenefit" ADD CONSTRAINT "offering_accountbenefit_account_id_offering_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."offering_account"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offering_accountbenefit" ADD CONSTRAINT "offering_accountbenefit_partnership_id_fiscal_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."fiscal_partnership"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offering_accountbenefit" ADD CONSTRAINT "offering_accountbenefit_benefit_id_offering_benefit_id_fk" FOREIGN KEY ("benefit_id") REFERENCES "public"."offering_benefit"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offering_accountbenefit" ADD CONSTRAINT "offering_accountbenefit_discount_id_offering_accountbenefitdiscount_id_fk" FOREIGN KEY ("discount_id") REFERENCES "public"."offering_accountbenefitdiscount"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offering_accountbenefit" ADD CONSTRAINT "offering_accountbenefit_curriculum_id_workshops_curriculum_id_fk" FOREIGN KEY ("curriculum_id") REFERENCES "public"."workshops_curriculum"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offering_accountowner" ADD CONSTRAINT "offering_accountowner_account_id_offering_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."offering_account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offering_accountowner" ADD CONSTRAINT "offering_accountowner_person_id_workshops_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."workshops_person"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiscal_consortium_organisations" ADD CONSTRAINT "fiscal_consortium_organisations_consortium_id_fiscal_consortium_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."fiscal_consortium"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiscal_consortium_organisations" ADD CONSTRAINT "fiscal_consortium_organisations_organization_id_workshops_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."workshops_organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_member" ADD CONSTRAINT "workshops_member_membership_id_workshops_membership_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."workshops_membership"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_member" ADD CONSTRAINT "workshops_member_organization_id_workshops_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."workshops_organization"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_member" ADD CONSTRAINT "workshops_member_role_id_workshops_memberrole_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."workshops_memberrole"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_membership" ADD CONSTRAINT "workshops_membership_rolled_to_membership_id_workshops_membership_id_fk" FOREIGN KEY ("rolled_to_membership_id") REFERENCES "public"."workshops_membership"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiscal_membershiptask" ADD CONSTRAINT "fiscal_membershiptask_membership_id_workshops_membership_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."workshops_membership"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiscal_membershiptask" ADD CONSTRAINT "fiscal_membershiptask_person_id_workshops_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."workshops_person"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiscal_membershiptask" ADD CONSTRAINT "fiscal_membershiptask_role_id_fiscal_membershippersonrole_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."fiscal_membershippersonrole"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiscal_partnership" ADD CONSTRAINT "fiscal_partnership_tier_id_fiscal_partnershiptier_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."fiscal_partnershiptier"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiscal_partnership" ADD CONSTRAINT "fiscal_partnership_account_id_offering_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."offering_account"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiscal_partnership" ADD CONSTRAINT "fiscal_partnership_rolled_to_partnership_id_fiscal_partnership_id_fk" FOREIGN KEY ("rolled_to_partnership_id") REFERENCES "public"."fiscal_partnership"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiscal_partnership" ADD CONSTRAINT "fiscal_partnership_partner_consortium_id_fiscal_consortium_id_fk" FOREIGN KEY ("partner_consortium_id") REFERENCES "public"."fiscal_consortium"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiscal_partnership" ADD CONSTRAINT "fiscal_partnership_partner_organisation_id_workshops_organization_id_fk" FOREIGN KEY ("partner_organisation_id") REFERENCES "public"."workshops_organization"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "offering_accountbenefit_account_id_idx" ON "offering_accountbenefit" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "offering_accountbenefit_partnership_id_idx" ON "offering_accountbenefit" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "offering_accountbenefit_benefit_id_idx" ON "offering_accountbenefit" USING btree ("benefit_id");--> statement-breakpoint
CREATE INDEX "offering_accountowner_account_id_idx" ON "offering_accountowner" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "offering_accountowner_person_id_idx" ON "offering_accountowner" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "fiscal_consortium_organisations_organization_id_idx" ON "fiscal_consortium_organisations" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "workshops_member_organization_id_idx" ON "workshops_member" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "workshops_membership_agreement_start_idx" ON "workshops_membership" USING btree ("agreement_start");--> statement-breakpoint
CREATE INDEX "workshops_membership_agreement_end_idx" ON "workshops_membership" USING btree ("agreement_end");--> statement-breakpoint
CREATE INDEX "workshops_membership_name_trgm" ON "workshops_membership" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "fiscal_membershiptask_person_id_idx" ON "fiscal_membershiptask" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "fiscal_partnership_account_id_idx" ON "fiscal_partnership" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "fiscal_partnership_partner_organisation_id_idx" ON "fiscal_partnership" USING btree ("partner_organisation_id");--> statement-breakpoint
CREATE INDEX "fiscal_partnership_partner_consortium_id_idx" ON "fiscal_partnership" USING btree ("partner_consortium_id");--> statement-breakpoint
ALTER TABLE "communityroles_communityrole" ADD CONSTRAINT "communityroles_communityrole_membership_id_workshops_membership_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."workshops_membership"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communityroles_communityrole" ADD CONSTRAINT "communityroles_communityrole_partnership_id_fiscal_partnership_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."fiscal_partnership"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_event" ADD CONSTRAINT "workshops_event_membership_id_workshops_membership_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."workshops_membership"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_event" ADD CONSTRAINT "workshops_event_allocated_benefit_id_offering_accountbenefit_id_fk" FOREIGN KEY ("allocated_benefit_id") REFERENCES "public"."offering_accountbenefit"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_event" ADD CONSTRAINT "workshops_event_event_category_id_workshops_eventcategory_id_fk" FOREIGN KEY ("event_category_id") REFERENCES "public"."workshops_eventcategory"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_task" ADD CONSTRAINT "workshops_task_seat_membership_id_workshops_membership_id_fk" FOREIGN KEY ("seat_membership_id") REFERENCES "public"."workshops_membership"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_task" ADD CONSTRAINT "workshops_task_allocated_benefit_id_offering_accountbenefit_id_fk" FOREIGN KEY ("allocated_benefit_id") REFERENCES "public"."offering_accountbenefit"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "communityroles_communityrole_membership_id_idx" ON "communityroles_communityrole" USING btree ("membership_id");--> statement-breakpoint
CREATE INDEX "communityroles_communityrole_partnership_id_idx" ON "communityroles_communityrole" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "workshops_event_membership_id_idx" ON "workshops_event" USING btree ("membership_id");--> statement-breakpoint
CREATE INDEX "workshops_event_allocated_benefit_id_idx" ON "workshops_event" USING btree ("allocated_benefit_id");--> statement-breakpoint
CREATE INDEX "workshops_event_event_category_id_idx" ON "workshops_event" USING btree ("event_category_id");--> statement-breakpoint
CREATE INDEX "workshops_task_seat_membership_id_idx" ON "workshops_task" USING btree ("seat_membership_id");--> statement-breakpoint
CREATE INDEX "workshops_task_allocated_benefit_id_idx" ON "workshops_task" USING btree ("allocated_benefit_id");--> statement-breakpoint
-- Every organisation already recorded gets its account, as the organisation form creates one for new ones.
INSERT INTO "offering_account" ("account_type", "organization_id") SELECT 'organisation', "id" FROM "workshops_organization";