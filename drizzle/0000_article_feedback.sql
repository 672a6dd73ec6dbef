CREATE TABLE "article_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"article_slug" text NOT NULL,
	"visitor_id" text NOT NULL,
	"helpful" boolean NOT NULL,
	"reason" text,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "article_feedback_visitor_article" ON "article_feedback" USING btree ("article_slug","visitor_id");--> statement-breakpoint
CREATE INDEX "article_feedback_created" ON "article_feedback" USING btree ("created_at");