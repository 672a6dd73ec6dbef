ALTER TABLE "access_requests" ADD COLUMN "consent_client_id" text;--> statement-breakpoint
ALTER TABLE "access_requests" ADD COLUMN "consent_scopes" text[];--> statement-breakpoint
ALTER TABLE "access_requests" ADD COLUMN "consent_redirect_uri" text;--> statement-breakpoint
ALTER TABLE "apps" ADD COLUMN "client_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "apps_client_id" ON "apps" USING btree ("client_id");