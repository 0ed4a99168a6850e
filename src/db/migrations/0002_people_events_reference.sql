CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "django_comments" (
	"id" serial PRIMARY KEY NOT NULL,
	"content_type_id" integer NOT NULL,
	"object_pk" text NOT NULL,
	"site_id" integer NOT NULL,
	"user_id" integer,
	"user_name" varchar(50) DEFAULT '' NOT NULL,
	"user_email" varchar(254) DEFAULT '' NOT NULL,
	"user_url" varchar(200) DEFAULT '' NOT NULL,
	"comment" text NOT NULL,
	"submit_date" timestamp with time zone DEFAULT now() NOT NULL,
	"ip_address" "inet",
	"is_public" boolean DEFAULT true NOT NULL,
	"is_removed" boolean DEFAULT false NOT NULL,
	CONSTRAINT "django_comments_comment_length" CHECK (char_length("django_comments"."comment") <= 3000)
);
--> statement-breakpoint
CREATE TABLE "django_site" (
	"id" serial PRIMARY KEY NOT NULL,
	"domain" varchar(100) NOT NULL,
	"name" varchar(50) NOT NULL,
	CONSTRAINT "django_site_domain_unique" UNIQUE("domain")
);
--> statement-breakpoint
CREATE TABLE "communityroles_communityrole" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"config_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"award_id" integer,
	"start" date,
	"end" date,
	"inactivation_id" integer,
	"url" varchar(200) DEFAULT '' NOT NULL,
	"generic_relation_content_type_id" integer,
	"generic_relation_pk" integer,
	"custom_keys" jsonb
);
--> statement-breakpoint
CREATE TABLE "communityroles_communityroleconfig" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" varchar(150) NOT NULL,
	"display_name" varchar(150) NOT NULL,
	"link_to_award" boolean NOT NULL,
	"award_badge_limit_id" integer,
	"autoassign_when_award_created" boolean DEFAULT false NOT NULL,
	"link_to_membership" boolean NOT NULL,
	"link_to_partnership" boolean DEFAULT false NOT NULL,
	"additional_url" boolean NOT NULL,
	"generic_relation_content_type_id" integer,
	"custom_key_labels" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "communityroles_communityroleinactivation" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" varchar(150) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workshops_event" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" varchar(100) NOT NULL,
	"completed" boolean DEFAULT false NOT NULL,
	"start" date,
	"end" date,
	"host_id" integer NOT NULL,
	"sponsor_id" integer,
	"administrator_id" integer,
	"assigned_to_id" integer,
	"language_id" integer,
	"url" varchar(100),
	"reg_key" varchar(20) DEFAULT '' NOT NULL,
	"manual_attendance" integer DEFAULT 0 NOT NULL,
	"contact" varchar(255) DEFAULT '' NOT NULL,
	"country" varchar(2),
	"venue" varchar(255) DEFAULT '' NOT NULL,
	"address" varchar(350) DEFAULT '' NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"learners_pre" varchar(200) DEFAULT '' NOT NULL,
	"learners_post" varchar(200) DEFAULT '' NOT NULL,
	"instructors_pre" varchar(200) DEFAULT '' NOT NULL,
	"instructors_post" varchar(200) DEFAULT '' NOT NULL,
	"learners_longterm" varchar(200) DEFAULT '' NOT NULL,
	"repository_last_commit_hash" varchar(40) DEFAULT '' NOT NULL,
	"repository_metadata" text DEFAULT '' NOT NULL,
	"metadata_all_changes" text DEFAULT '' NOT NULL,
	"metadata_changed" boolean DEFAULT false NOT NULL,
	"open_TTT_applications" boolean DEFAULT false NOT NULL,
	"public_status" varchar(10) DEFAULT 'public' NOT NULL,
	CONSTRAINT "workshops_event_slug_unique" UNIQUE("slug"),
	CONSTRAINT "workshops_event_url_unique" UNIQUE("url"),
	CONSTRAINT "workshops_event_slug_format" CHECK ("workshops_event"."slug" ~ '^[-a-zA-Z0-9_]+$'),
	CONSTRAINT "workshops_event_manual_attendance_check" CHECK ("workshops_event"."manual_attendance" >= 0),
	CONSTRAINT "workshops_event_public_status_check" CHECK ("workshops_event"."public_status" in ('public', 'private'))
);
--> statement-breakpoint
CREATE TABLE "workshops_event_curricula" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"curriculum_id" integer NOT NULL,
	CONSTRAINT "workshops_event_curricula_event_id_curriculum_id_key" UNIQUE("event_id","curriculum_id")
);
--> statement-breakpoint
CREATE TABLE "workshops_event_lessons" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"lesson_id" integer NOT NULL,
	CONSTRAINT "workshops_event_lessons_event_id_lesson_id_key" UNIQUE("event_id","lesson_id")
);
--> statement-breakpoint
CREATE TABLE "workshops_event_tags" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"tag_id" integer NOT NULL,
	CONSTRAINT "workshops_event_tags_event_id_tag_id_key" UNIQUE("event_id","tag_id")
);
--> statement-breakpoint
CREATE TABLE "workshops_task" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"role_id" integer NOT NULL,
	"seat_public" boolean DEFAULT true NOT NULL,
	"seat_open_training" boolean DEFAULT false NOT NULL,
	CONSTRAINT "workshops_task_event_id_person_id_role_id_key" UNIQUE("event_id","person_id","role_id")
);
--> statement-breakpoint
CREATE TABLE "workshops_organization" (
	"id" serial PRIMARY KEY NOT NULL,
	"domain" varchar(100) NOT NULL,
	"fullname" varchar(100) NOT NULL,
	"country" varchar(2),
	"latitude" double precision,
	"longitude" double precision,
	CONSTRAINT "workshops_organization_domain_unique" UNIQUE("domain"),
	CONSTRAINT "workshops_organization_fullname_unique" UNIQUE("fullname")
);
--> statement-breakpoint
CREATE TABLE "workshops_organization_affiliated_organizations" (
	"id" serial PRIMARY KEY NOT NULL,
	"from_organization_id" integer NOT NULL,
	"to_organization_id" integer NOT NULL,
	CONSTRAINT "workshops_organization_affiliated_from_to_key" UNIQUE("from_organization_id","to_organization_id")
);
--> statement-breakpoint
CREATE TABLE "workshops_award" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"badge_id" integer NOT NULL,
	"awarded" date DEFAULT current_date NOT NULL,
	"event_id" integer,
	"awarded_by_id" integer,
	CONSTRAINT "workshops_award_person_id_badge_id_key" UNIQUE("person_id","badge_id")
);
--> statement-breakpoint
CREATE TABLE "workshops_person_domains" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"knowledgedomain_id" integer NOT NULL,
	CONSTRAINT "workshops_person_domains_person_id_knowledgedomain_id_key" UNIQUE("person_id","knowledgedomain_id")
);
--> statement-breakpoint
CREATE TABLE "workshops_person_languages" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"language_id" integer NOT NULL,
	CONSTRAINT "workshops_person_languages_person_id_language_id_key" UNIQUE("person_id","language_id")
);
--> statement-breakpoint
CREATE TABLE "workshops_qualification" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"lesson_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workshops_academiclevel" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(40) NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "workshops_academiclevel_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "workshops_badge" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(40) NOT NULL,
	"title" varchar(40) NOT NULL,
	"criteria" varchar(100) NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "workshops_badge_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "workshops_computingexperiencelevel" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(255) NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "workshops_computingexperiencelevel_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "workshops_continent" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(100) NOT NULL,
	"countries" varchar(752) DEFAULT '' NOT NULL,
	CONSTRAINT "workshops_continent_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "workshops_curriculum" (
	"id" serial PRIMARY KEY NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"carpentry" varchar(5) DEFAULT '' NOT NULL,
	"slug" varchar(40) DEFAULT '' NOT NULL,
	"name" varchar(200) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"other" boolean DEFAULT false NOT NULL,
	"unknown" boolean DEFAULT false NOT NULL,
	"mix_match" boolean DEFAULT false NOT NULL,
	"website" varchar(200) DEFAULT '' NOT NULL,
	CONSTRAINT "workshops_curriculum_slug_unique" UNIQUE("slug"),
	CONSTRAINT "workshops_curriculum_name_unique" UNIQUE("name"),
	CONSTRAINT "workshops_curriculum_carpentry_check" CHECK ("workshops_curriculum"."carpentry" in ('SWC', 'DC', 'LC', '')),
	CONSTRAINT "workshops_curriculum_description_length" CHECK (char_length("workshops_curriculum"."description") <= 400)
);
--> statement-breakpoint
CREATE TABLE "workshops_curriculumtype" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_category" varchar(100) NOT NULL,
	"name" varchar(100) NOT NULL,
	"description" varchar(255) DEFAULT '' NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "workshops_infosource" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(300) NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "workshops_infosource_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "workshops_knowledgedomain" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(100) NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "workshops_knowledgedomain_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "workshops_language" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(100) NOT NULL,
	"subtag" varchar(10) NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "workshops_language_subtag_unique" UNIQUE("subtag")
);
--> statement-breakpoint
CREATE TABLE "workshops_lesson" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(40) NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "workshops_lesson_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "workshops_role" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(40) NOT NULL,
	"verbose_name" varchar(100) DEFAULT '' NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "workshops_role_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "workshops_tag" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(40) NOT NULL,
	"details" varchar(100) NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "workshops_tag_name_unique" UNIQUE("name"),
	CONSTRAINT "workshops_tag_priority_check" CHECK ("workshops_tag"."priority" >= 0)
);
--> statement-breakpoint
ALTER TABLE "workshops_person" ADD COLUMN "secondary_email" varchar(254) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "workshops_person" ADD COLUMN "gender" varchar(1) DEFAULT 'U' NOT NULL;--> statement-breakpoint
ALTER TABLE "workshops_person" ADD COLUMN "gender_other" varchar(100) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "workshops_person" ADD COLUMN "airport_iata" varchar(10) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "workshops_person" ADD COLUMN "airport_country" varchar(2) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "workshops_person" ADD COLUMN "airport_lat" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "workshops_person" ADD COLUMN "airport_lon" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "workshops_person" ADD COLUMN "airport_timezone" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "workshops_person" ADD COLUMN "country" varchar(2) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "workshops_person" ADD COLUMN "timezone" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "workshops_person" ADD COLUMN "github" varchar(39);--> statement-breakpoint
ALTER TABLE "workshops_person" ADD COLUMN "twitter" varchar(100);--> statement-breakpoint
ALTER TABLE "workshops_person" ADD COLUMN "bluesky" varchar(100);--> statement-breakpoint
ALTER TABLE "workshops_person" ADD COLUMN "mastodon" varchar(100);--> statement-breakpoint
ALTER TABLE "workshops_person" ADD COLUMN "url" varchar(100) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "workshops_person" ADD COLUMN "user_notes" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "workshops_person" ADD COLUMN "affiliation" varchar(100) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "workshops_person" ADD COLUMN "occupation" varchar(100) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "workshops_person" ADD COLUMN "orcid" varchar(100) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "workshops_person" ADD COLUMN "duplication_reviewed_on" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "workshops_person" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "django_comments" ADD CONSTRAINT "django_comments_content_type_id_django_content_type_id_fk" FOREIGN KEY ("content_type_id") REFERENCES "public"."django_content_type"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "django_comments" ADD CONSTRAINT "django_comments_site_id_django_site_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."django_site"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "django_comments" ADD CONSTRAINT "django_comments_user_id_workshops_person_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."workshops_person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communityroles_communityrole" ADD CONSTRAINT "communityroles_communityrole_config_id_communityroles_communityroleconfig_id_fk" FOREIGN KEY ("config_id") REFERENCES "public"."communityroles_communityroleconfig"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communityroles_communityrole" ADD CONSTRAINT "communityroles_communityrole_person_id_workshops_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."workshops_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communityroles_communityrole" ADD CONSTRAINT "communityroles_communityrole_award_id_workshops_award_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."workshops_award"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communityroles_communityrole" ADD CONSTRAINT "communityroles_communityrole_inactivation_id_communityroles_communityroleinactivation_id_fk" FOREIGN KEY ("inactivation_id") REFERENCES "public"."communityroles_communityroleinactivation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communityroles_communityrole" ADD CONSTRAINT "communityroles_communityrole_generic_relation_content_type_id_django_content_type_id_fk" FOREIGN KEY ("generic_relation_content_type_id") REFERENCES "public"."django_content_type"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communityroles_communityroleconfig" ADD CONSTRAINT "communityroles_communityroleconfig_award_badge_limit_id_workshops_badge_id_fk" FOREIGN KEY ("award_badge_limit_id") REFERENCES "public"."workshops_badge"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communityroles_communityroleconfig" ADD CONSTRAINT "communityroles_communityroleconfig_generic_relation_content_type_id_django_content_type_id_fk" FOREIGN KEY ("generic_relation_content_type_id") REFERENCES "public"."django_content_type"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_event" ADD CONSTRAINT "workshops_event_host_id_workshops_organization_id_fk" FOREIGN KEY ("host_id") REFERENCES "public"."workshops_organization"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_event" ADD CONSTRAINT "workshops_event_sponsor_id_workshops_organization_id_fk" FOREIGN KEY ("sponsor_id") REFERENCES "public"."workshops_organization"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_event" ADD CONSTRAINT "workshops_event_administrator_id_workshops_organization_id_fk" FOREIGN KEY ("administrator_id") REFERENCES "public"."workshops_organization"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_event" ADD CONSTRAINT "workshops_event_assigned_to_id_workshops_person_id_fk" FOREIGN KEY ("assigned_to_id") REFERENCES "public"."workshops_person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_event" ADD CONSTRAINT "workshops_event_language_id_workshops_language_id_fk" FOREIGN KEY ("language_id") REFERENCES "public"."workshops_language"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_event_curricula" ADD CONSTRAINT "workshops_event_curricula_event_id_workshops_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."workshops_event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_event_curricula" ADD CONSTRAINT "workshops_event_curricula_curriculum_id_workshops_curriculum_id_fk" FOREIGN KEY ("curriculum_id") REFERENCES "public"."workshops_curriculum"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_event_lessons" ADD CONSTRAINT "workshops_event_lessons_event_id_workshops_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."workshops_event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_event_lessons" ADD CONSTRAINT "workshops_event_lessons_lesson_id_workshops_lesson_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."workshops_lesson"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_event_tags" ADD CONSTRAINT "workshops_event_tags_event_id_workshops_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."workshops_event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_event_tags" ADD CONSTRAINT "workshops_event_tags_tag_id_workshops_tag_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."workshops_tag"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_task" ADD CONSTRAINT "workshops_task_event_id_workshops_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."workshops_event"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_task" ADD CONSTRAINT "workshops_task_person_id_workshops_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."workshops_person"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_task" ADD CONSTRAINT "workshops_task_role_id_workshops_role_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."workshops_role"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_organization_affiliated_organizations" ADD CONSTRAINT "workshops_organization_affiliated_organizations_from_organization_id_workshops_organization_id_fk" FOREIGN KEY ("from_organization_id") REFERENCES "public"."workshops_organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_organization_affiliated_organizations" ADD CONSTRAINT "workshops_organization_affiliated_organizations_to_organization_id_workshops_organization_id_fk" FOREIGN KEY ("to_organization_id") REFERENCES "public"."workshops_organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_award" ADD CONSTRAINT "workshops_award_person_id_workshops_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."workshops_person"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_award" ADD CONSTRAINT "workshops_award_badge_id_workshops_badge_id_fk" FOREIGN KEY ("badge_id") REFERENCES "public"."workshops_badge"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_award" ADD CONSTRAINT "workshops_award_event_id_workshops_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."workshops_event"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_award" ADD CONSTRAINT "workshops_award_awarded_by_id_workshops_person_id_fk" FOREIGN KEY ("awarded_by_id") REFERENCES "public"."workshops_person"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_person_domains" ADD CONSTRAINT "workshops_person_domains_person_id_workshops_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."workshops_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_person_domains" ADD CONSTRAINT "workshops_person_domains_knowledgedomain_id_workshops_knowledgedomain_id_fk" FOREIGN KEY ("knowledgedomain_id") REFERENCES "public"."workshops_knowledgedomain"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_person_languages" ADD CONSTRAINT "workshops_person_languages_person_id_workshops_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."workshops_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_person_languages" ADD CONSTRAINT "workshops_person_languages_language_id_workshops_language_id_fk" FOREIGN KEY ("language_id") REFERENCES "public"."workshops_language"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_qualification" ADD CONSTRAINT "workshops_qualification_person_id_workshops_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."workshops_person"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_qualification" ADD CONSTRAINT "workshops_qualification_lesson_id_workshops_lesson_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."workshops_lesson"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "django_comments_object_idx" ON "django_comments" USING btree ("content_type_id","object_pk");--> statement-breakpoint
CREATE INDEX "django_comments_user_id_idx" ON "django_comments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "django_comments_comment_trgm" ON "django_comments" USING gin ("comment" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "communityroles_communityrole_person_id_idx" ON "communityroles_communityrole" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "communityroles_communityrole_config_id_idx" ON "communityroles_communityrole" USING btree ("config_id");--> statement-breakpoint
CREATE INDEX "communityroles_communityrole_award_id_idx" ON "communityroles_communityrole" USING btree ("award_id");--> statement-breakpoint
CREATE INDEX "workshops_event_start_idx" ON "workshops_event" USING btree ("start");--> statement-breakpoint
CREATE INDEX "workshops_event_host_id_idx" ON "workshops_event" USING btree ("host_id");--> statement-breakpoint
CREATE INDEX "workshops_event_sponsor_id_idx" ON "workshops_event" USING btree ("sponsor_id");--> statement-breakpoint
CREATE INDEX "workshops_event_administrator_id_idx" ON "workshops_event" USING btree ("administrator_id");--> statement-breakpoint
CREATE INDEX "workshops_event_assigned_to_id_idx" ON "workshops_event" USING btree ("assigned_to_id");--> statement-breakpoint
CREATE INDEX "workshops_event_slug_trgm" ON "workshops_event" USING gin ("slug" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "workshops_event_tags_tag_id_idx" ON "workshops_event_tags" USING btree ("tag_id");--> statement-breakpoint
CREATE INDEX "workshops_task_person_id_idx" ON "workshops_task" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "workshops_task_role_id_idx" ON "workshops_task" USING btree ("role_id");--> statement-breakpoint
CREATE INDEX "workshops_organization_domain_trgm" ON "workshops_organization" USING gin ("domain" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "workshops_organization_fullname_trgm" ON "workshops_organization" USING gin ("fullname" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "workshops_organization_country_idx" ON "workshops_organization" USING btree ("country");--> statement-breakpoint
CREATE INDEX "workshops_organization_affiliated_to_idx" ON "workshops_organization_affiliated_organizations" USING btree ("to_organization_id");--> statement-breakpoint
CREATE INDEX "workshops_award_badge_id_idx" ON "workshops_award" USING btree ("badge_id");--> statement-breakpoint
CREATE INDEX "workshops_award_event_id_idx" ON "workshops_award" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "workshops_award_awarded_by_id_idx" ON "workshops_award" USING btree ("awarded_by_id");--> statement-breakpoint
CREATE INDEX "workshops_person_domains_knowledgedomain_id_idx" ON "workshops_person_domains" USING btree ("knowledgedomain_id");--> statement-breakpoint
CREATE INDEX "workshops_person_languages_language_id_idx" ON "workshops_person_languages" USING btree ("language_id");--> statement-breakpoint
CREATE INDEX "workshops_qualification_person_id_idx" ON "workshops_qualification" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "workshops_qualification_lesson_id_idx" ON "workshops_qualification" USING btree ("lesson_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workshops_curriculum_one_unknown" ON "workshops_curriculum" USING btree ("unknown") WHERE "workshops_curriculum"."unknown";--> statement-breakpoint
CREATE UNIQUE INDEX "workshops_curriculum_one_mix_match" ON "workshops_curriculum" USING btree ("mix_match") WHERE "workshops_curriculum"."mix_match";--> statement-breakpoint
CREATE INDEX "workshops_person_family_personal_idx" ON "workshops_person" USING btree ("family","personal");--> statement-breakpoint
CREATE INDEX "workshops_person_personal_trgm" ON "workshops_person" USING gin ("personal" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "workshops_person_middle_trgm" ON "workshops_person" USING gin ("middle" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "workshops_person_family_trgm" ON "workshops_person" USING gin ("family" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "workshops_person_email_trgm" ON "workshops_person" USING gin ("email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "workshops_person_secondary_email_trgm" ON "workshops_person" USING gin ("secondary_email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "workshops_person_github_trgm" ON "workshops_person" USING gin ("github" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "workshops_person_username_trgm" ON "workshops_person" USING gin ("username" gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "workshops_person" ADD CONSTRAINT "workshops_person_github_unique" UNIQUE("github");--> statement-breakpoint
ALTER TABLE "workshops_person" ADD CONSTRAINT "workshops_person_twitter_unique" UNIQUE("twitter");--> statement-breakpoint
ALTER TABLE "workshops_person" ADD CONSTRAINT "workshops_person_bluesky_unique" UNIQUE("bluesky");--> statement-breakpoint
ALTER TABLE "workshops_person" ADD CONSTRAINT "workshops_person_mastodon_unique" UNIQUE("mastodon");--> statement-breakpoint
ALTER TABLE "workshops_person" ADD CONSTRAINT "workshops_person_gender_check" CHECK ("workshops_person"."gender" in ('U', 'F', 'V', 'M', 'O'));