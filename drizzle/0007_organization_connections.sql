CREATE TABLE "job_leases" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organization_connections" (
	"organization_id" text PRIMARY KEY NOT NULL,
	"atlassian_org_id" text NOT NULL,
	"api_key_ciphertext" text NOT NULL,
	"api_key_key_id" text NOT NULL,
	"api_key_hint" text NOT NULL,
	"connected_by" text,
	"connected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"roles_synced_at" timestamp with time zone,
	"roles_next_sync_at" timestamp with time zone,
	"last_sync_error" text,
	"audit_log_api" text DEFAULT 'unknown' NOT NULL,
	"events_cursor" text,
	"events_since" timestamp with time zone DEFAULT now() NOT NULL,
	"events_next_poll_at" timestamp with time zone,
	CONSTRAINT "organization_connections_audit_log_api" CHECK ("organization_connections"."audit_log_api" in ('unknown', 'available', 'unavailable'))
);
--> statement-breakpoint
ALTER TABLE "organization_admins" ADD COLUMN "synced_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "organization_connections" ADD CONSTRAINT "organization_connections_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_connections" ADD CONSTRAINT "organization_connections_connected_by_users_id_fk" FOREIGN KEY ("connected_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organization_connections_atlassian_org" ON "organization_connections" USING btree ("atlassian_org_id");