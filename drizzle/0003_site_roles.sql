ALTER TABLE "site_memberships" DROP CONSTRAINT "site_memberships_role";--> statement-breakpoint
ALTER TABLE "organization_admins" ADD COLUMN "role_source" text DEFAULT 'directory' NOT NULL;--> statement-breakpoint
ALTER TABLE "site_memberships" ADD COLUMN "role_source" text DEFAULT 'directory' NOT NULL;--> statement-breakpoint
ALTER TABLE "site_memberships" ADD CONSTRAINT "site_memberships_role_source" CHECK ("site_memberships"."role_source" in ('directory', 'product-permission', 'admin-api', 'self-confirmed'));--> statement-breakpoint
ALTER TABLE "site_memberships" ADD CONSTRAINT "site_memberships_role" CHECK ("site_memberships"."role" in ('user', 'guest', 'product-admin', 'app-admin', 'user-access-admin', 'site-admin'));