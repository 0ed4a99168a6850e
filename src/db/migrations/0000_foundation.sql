CREATE TABLE "django_content_type" (
	"id" serial PRIMARY KEY NOT NULL,
	"app_label" varchar(100) NOT NULL,
	"model" varchar(100) NOT NULL,
	CONSTRAINT "django_content_type_app_label_model_key" UNIQUE("app_label","model")
);
--> statement-breakpoint
CREATE TABLE "auth_group" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(150) NOT NULL,
	CONSTRAINT "auth_group_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "auth_group_permissions" (
	"id" serial PRIMARY KEY NOT NULL,
	"group_id" integer NOT NULL,
	"permission_id" integer NOT NULL,
	CONSTRAINT "auth_group_permissions_group_id_permission_id_key" UNIQUE("group_id","permission_id")
);
--> statement-breakpoint
CREATE TABLE "amy_login_failure" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" varchar(254) NOT NULL,
	"ip_address" varchar(45) NOT NULL,
	"failed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth_permission" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(255) NOT NULL,
	"content_type_id" integer NOT NULL,
	"codename" varchar(100) NOT NULL,
	CONSTRAINT "auth_permission_content_type_id_codename_key" UNIQUE("content_type_id","codename")
);
--> statement-breakpoint
CREATE TABLE "workshops_person" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" varchar(100) NOT NULL,
	"password" varchar(128) DEFAULT '!' NOT NULL,
	"last_login" timestamp with time zone,
	"is_active" boolean DEFAULT false NOT NULL,
	"is_superuser" boolean DEFAULT false NOT NULL,
	"personal" varchar(100) NOT NULL,
	"middle" varchar(100) DEFAULT '' NOT NULL,
	"family" varchar(100) DEFAULT '' NOT NULL,
	"email" varchar(254),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workshops_person_username_unique" UNIQUE("username"),
	CONSTRAINT "workshops_person_email_unique" UNIQUE("email"),
	CONSTRAINT "workshops_person_username_format" CHECK ("workshops_person"."username" ~ '^[A-Za-z0-9_-]+$'),
	CONSTRAINT "workshops_person_email_lowercase" CHECK ("workshops_person"."email" = lower("workshops_person"."email"))
);
--> statement-breakpoint
CREATE TABLE "workshops_person_groups" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"group_id" integer NOT NULL,
	CONSTRAINT "workshops_person_groups_person_id_group_id_key" UNIQUE("person_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "workshops_person_user_permissions" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"permission_id" integer NOT NULL,
	CONSTRAINT "workshops_person_user_permissions_person_id_permission_id_key" UNIQUE("person_id","permission_id")
);
--> statement-breakpoint
CREATE TABLE "amy_session" (
	"session_key" varchar(64) PRIMARY KEY NOT NULL,
	"person_id" integer,
	"session_data" jsonb NOT NULL,
	"expire_date" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "auth_group_permissions" ADD CONSTRAINT "auth_group_permissions_group_id_auth_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."auth_group"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_group_permissions" ADD CONSTRAINT "auth_group_permissions_permission_id_auth_permission_id_fk" FOREIGN KEY ("permission_id") REFERENCES "public"."auth_permission"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_permission" ADD CONSTRAINT "auth_permission_content_type_id_django_content_type_id_fk" FOREIGN KEY ("content_type_id") REFERENCES "public"."django_content_type"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_person_groups" ADD CONSTRAINT "workshops_person_groups_person_id_workshops_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."workshops_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_person_groups" ADD CONSTRAINT "workshops_person_groups_group_id_auth_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."auth_group"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_person_user_permissions" ADD CONSTRAINT "workshops_person_user_permissions_person_id_workshops_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."workshops_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops_person_user_permissions" ADD CONSTRAINT "workshops_person_user_permissions_permission_id_auth_permission_id_fk" FOREIGN KEY ("permission_id") REFERENCES "public"."auth_permission"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amy_session" ADD CONSTRAINT "amy_session_person_id_workshops_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."workshops_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "amy_login_failure_username_failed_at_idx" ON "amy_login_failure" USING btree ("username","failed_at");--> statement-breakpoint
CREATE INDEX "amy_login_failure_ip_address_failed_at_idx" ON "amy_login_failure" USING btree ("ip_address","failed_at");--> statement-breakpoint
CREATE INDEX "workshops_person_groups_group_id_idx" ON "workshops_person_groups" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "amy_session_expire_date_idx" ON "amy_session" USING btree ("expire_date");--> statement-breakpoint
CREATE INDEX "amy_session_person_id_idx" ON "amy_session" USING btree ("person_id");