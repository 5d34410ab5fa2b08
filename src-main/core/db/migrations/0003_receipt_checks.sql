CREATE TABLE `receipt_keys` (
	`spki` text PRIMARY KEY NOT NULL,
	`key_id` text NOT NULL,
	`state` text NOT NULL,
	`first_seen_at` text NOT NULL,
	`accepted_at` text
);
--> statement-breakpoint
ALTER TABLE `records` ADD `receipt_status` text;