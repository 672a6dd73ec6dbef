ALTER TABLE "access_requests" DROP CONSTRAINT "access_requests_status";--> statement-breakpoint
ALTER TABLE "access_requests" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "read_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "notification_outbox_request" ON "notification_outbox" USING btree (("payload"->>'requestId'));--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_status" CHECK ("access_requests"."status" in ('open', 'approved', 'denied', 'withdrawn', 'expired'));