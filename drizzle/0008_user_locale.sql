ALTER TABLE "access_requests" ADD COLUMN "message_locale" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locale" text DEFAULT 'en' NOT NULL;