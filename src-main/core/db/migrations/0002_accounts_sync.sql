CREATE TABLE `account_profiles` (
	`id` text PRIMARY KEY NOT NULL,
	`portal_url` text NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`folder` text NOT NULL,
	`store_key` text NOT NULL,
	`active` integer DEFAULT 0 NOT NULL,
	`last_signed_in_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `account_profiles_folder_unique` ON `account_profiles` (`folder`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`kind` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`payload` text NOT NULL,
	`signature` text,
	`state` text NOT NULL,
	`created_at` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_attempt_at` text,
	`error_code` text,
	`error_message` text,
	`error_details` text,
	`rejected_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_id_unique` ON `outbox` (`id`);--> statement-breakpoint
CREATE INDEX `outbox_state_seq` ON `outbox` (`state`,`seq`);--> statement-breakpoint
CREATE INDEX `outbox_entity` ON `outbox` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `portal_session` (
	`slot` integer PRIMARY KEY NOT NULL,
	`portal_url` text NOT NULL,
	`token` text,
	`expires_at` text,
	`account` text NOT NULL,
	`must_change_password` integer NOT NULL,
	`saved_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `records` (
	`entity` text NOT NULL,
	`id` text NOT NULL,
	`server_version` integer,
	`server_seq` integer,
	`server_data` text,
	`local_data` text,
	`search_text` text DEFAULT '' NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`entity`, `id`)
);
--> statement-breakpoint
CREATE INDEX `records_entity_search` ON `records` (`entity`,`search_text`);--> statement-breakpoint
CREATE TABLE `sync_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`outcome` text NOT NULL,
	`pushed` integer DEFAULT 0 NOT NULL,
	`applied` integer DEFAULT 0 NOT NULL,
	`rejected` integer DEFAULT 0 NOT NULL,
	`pulled` integer DEFAULT 0 NOT NULL,
	`error_code` text,
	`error_message` text
);
--> statement-breakpoint
CREATE TABLE `sync_state` (
	`slot` integer PRIMARY KEY NOT NULL,
	`cursor` text NOT NULL,
	`last_success_at` text,
	`last_attempt_at` text,
	`last_error_code` text,
	`last_error_message` text
);
