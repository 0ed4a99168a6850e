CREATE TABLE "social_auth_usersocialauth" (
	"id" serial PRIMARY KEY NOT NULL,
	"provider" varchar(32) NOT NULL,
	"uid" varchar(255) NOT NULL,
	"user_id" integer NOT NULL,
	"extra_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created" timestamp with time zone DEFAULT now() NOT NULL,
	"modified" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "social_auth_usersocialauth_provider_uid_key" UNIQUE("provider","uid")
);
--> statement-breakpoint
CREATE TABLE "reversion_revision" (
	"id" serial PRIMARY KEY NOT NULL,
	"date_created" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"comment" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reversion_version" (
	"id" serial PRIMARY KEY NOT NULL,
	"object_id" varchar(191) NOT NULL,
	"content_type_id" integer NOT NULL,
	"db" varchar(191) DEFAULT 'default' NOT NULL,
	"format" varchar(255) DEFAULT 'json' NOT NULL,
	"serialized_data" text NOT NULL,
	"object_repr" text NOT NULL,
	"revision_id" integer NOT NULL,
	CONSTRAINT "reversion_version_db_content_type_id_object_id_revision_id_key" UNIQUE("db","content_type_id","object_id","revision_id")
);
--> statement-breakpoint
CREATE TABLE "amy_mail_outbox" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"from_email" text NOT NULL,
	"recipients" text[] NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" varchar(16) NOT NULL,
	"error" text DEFAULT '' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_attempt_at" timestamp with time zone,
	CONSTRAINT "amy_mail_outbox_status_valid" CHECK ("amy_mail_outbox"."status" in ('kept', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "social_auth_usersocialauth" ADD CONSTRAINT "social_auth_usersocialauth_user_id_workshops_person_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."workshops_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reversion_revision" ADD CONSTRAINT "reversion_revision_user_id_workshops_person_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."workshops_person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reversion_version" ADD CONSTRAINT "reversion_version_content_type_id_django_content_type_id_fk" FOREIGN KEY ("content_type_id") REFERENCES "public"."django_content_type"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reversion_version" ADD CONSTRAINT "reversion_version_revision_id_reversion_revision_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."reversion_revision"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "social_auth_usersocialauth_user_id_idx" ON "social_auth_usersocialauth" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "reversion_revision_date_created_idx" ON "reversion_revision" USING btree ("date_created");--> statement-breakpoint
CREATE INDEX "reversion_revision_user_id_idx" ON "reversion_revision" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "reversion_version_content_type_id_object_id_idx" ON "reversion_version" USING btree ("content_type_id","object_id");--> statement-breakpoint
CREATE INDEX "reversion_version_revision_id_idx" ON "reversion_version" USING btree ("revision_id");--> statement-breakpoint
CREATE INDEX "amy_mail_outbox_created_at_idx" ON "amy_mail_outbox" USING btree ("created_at");