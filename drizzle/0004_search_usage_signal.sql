CREATE TABLE "search_result_opens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family" text NOT NULL,
	"article_slug" text NOT NULL,
	"visitor_hash" text NOT NULL,
	"query" text NOT NULL,
	"helpful" boolean,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_usage_signal" (
	"family" text NOT NULL,
	"article_slug" text NOT NULL,
	"query" text NOT NULL,
	"visitors" integer NOT NULL,
	"helpful" integer NOT NULL,
	"not_helpful" integer NOT NULL,
	"evidence" real NOT NULL,
	"weight" real NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_usage_signal_family_article_slug_pk" PRIMARY KEY("family","article_slug")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "search_result_opens_family_article_visitor" ON "search_result_opens" USING btree ("family","article_slug","visitor_hash");--> statement-breakpoint
CREATE INDEX "search_result_opens_visitor_article" ON "search_result_opens" USING btree ("visitor_hash","article_slug");