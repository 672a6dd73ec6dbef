CREATE TABLE "fallback_routes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" text NOT NULL,
	"pattern" text NOT NULL,
	"addresses" text[] NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notification_outbox" ALTER COLUMN "recipient_user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "access_requests" ADD COLUMN "reached" text;--> statement-breakpoint
ALTER TABLE "access_requests" ADD COLUMN "routed_pattern" text;--> statement-breakpoint
ALTER TABLE "access_requests" ADD COLUMN "routed_addresses" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "recipient_email" text;--> statement-breakpoint
ALTER TABLE "fallback_routes" ADD CONSTRAINT "fallback_routes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fallback_routes" ADD CONSTRAINT "fallback_routes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fallback_routes_org_pattern" ON "fallback_routes" USING btree ("organization_id","pattern");--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_reached" CHECK ("access_requests"."reached" in ('admins', 'fallback', 'nobody'));--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_one_recipient" CHECK (("notification_outbox"."recipient_user_id" is null) <> ("notification_outbox"."recipient_email" is null));