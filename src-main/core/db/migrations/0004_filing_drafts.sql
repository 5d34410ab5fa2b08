CREATE TABLE `filing_drafts` (
	`filing_id` text NOT NULL,
	`version` integer NOT NULL,
	`type` text NOT NULL,
	`title` text NOT NULL,
	`branch_id` text,
	`content` text NOT NULL,
	`state` text NOT NULL,
	`signature` text,
	`mutation_id` text,
	`search_text` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`filing_id`, `version`)
);
--> statement-breakpoint
CREATE INDEX `filing_drafts_state` ON `filing_drafts` (`state`,`updated_at`);--> statement-breakpoint
CREATE TABLE `filing_history` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`filing_id` text NOT NULL,
	`version` integer NOT NULL,
	`transition` text NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `filing_history_filing` ON `filing_history` (`filing_id`,`version`,`seq`);