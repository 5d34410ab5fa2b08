CREATE TABLE `filing_index` (
	`filing_id` text NOT NULL,
	`version` integer NOT NULL,
	`type` text NOT NULL,
	`title` text NOT NULL,
	`status` text NOT NULL,
	`has_receipt` integer NOT NULL,
	`receipt_status` text,
	`pending` integer NOT NULL,
	`updated_at` text NOT NULL,
	`search_text` text NOT NULL,
	PRIMARY KEY(`filing_id`, `version`)
);
--> statement-breakpoint
CREATE INDEX `filing_index_updated` ON `filing_index` (`updated_at`);--> statement-breakpoint
CREATE INDEX `filing_index_type` ON `filing_index` (`type`,`updated_at`);--> statement-breakpoint
-- Kept by triggers: every write of a filing record (pull, local commit, acknowledgement) updates its
-- index row in the same transaction. Record ids of filings are "<filingId (36)>:<version>".
CREATE TRIGGER `filing_index_on_insert` AFTER INSERT ON `records` WHEN NEW.`entity` = 'filing' BEGIN
	INSERT INTO `filing_index` (`filing_id`, `version`, `type`, `title`, `status`, `has_receipt`, `receipt_status`, `pending`, `updated_at`, `search_text`)
	VALUES (
		substr(NEW.`id`, 1, 36), CAST(substr(NEW.`id`, 38) AS INTEGER),
		coalesce(json_extract(coalesce(NEW.`local_data`, NEW.`server_data`), '$.type'), ''),
		coalesce(json_extract(coalesce(NEW.`local_data`, NEW.`server_data`), '$.title'), ''),
		coalesce(json_extract(coalesce(NEW.`local_data`, NEW.`server_data`), '$.status'), 'pending'),
		coalesce(json_type(coalesce(NEW.`local_data`, NEW.`server_data`), '$.receipt') = 'object', 0),
		NEW.`receipt_status`, NEW.`local_data` IS NOT NULL, NEW.`updated_at`, NEW.`search_text`)
	ON CONFLICT (`filing_id`, `version`) DO UPDATE SET `type` = excluded.`type`, `title` = excluded.`title`, `status` = excluded.`status`,
		`has_receipt` = excluded.`has_receipt`, `receipt_status` = excluded.`receipt_status`, `pending` = excluded.`pending`,
		`updated_at` = excluded.`updated_at`, `search_text` = excluded.`search_text`;
END;
--> statement-breakpoint
CREATE TRIGGER `filing_index_on_update` AFTER UPDATE ON `records` WHEN NEW.`entity` = 'filing' BEGIN
	INSERT INTO `filing_index` (`filing_id`, `version`, `type`, `title`, `status`, `has_receipt`, `receipt_status`, `pending`, `updated_at`, `search_text`)
	VALUES (
		substr(NEW.`id`, 1, 36), CAST(substr(NEW.`id`, 38) AS INTEGER),
		coalesce(json_extract(coalesce(NEW.`local_data`, NEW.`server_data`), '$.type'), ''),
		coalesce(json_extract(coalesce(NEW.`local_data`, NEW.`server_data`), '$.title'), ''),
		coalesce(json_extract(coalesce(NEW.`local_data`, NEW.`server_data`), '$.status'), 'pending'),
		coalesce(json_type(coalesce(NEW.`local_data`, NEW.`server_data`), '$.receipt') = 'object', 0),
		NEW.`receipt_status`, NEW.`local_data` IS NOT NULL, NEW.`updated_at`, NEW.`search_text`)
	ON CONFLICT (`filing_id`, `version`) DO UPDATE SET `type` = excluded.`type`, `title` = excluded.`title`, `status` = excluded.`status`,
		`has_receipt` = excluded.`has_receipt`, `receipt_status` = excluded.`receipt_status`, `pending` = excluded.`pending`,
		`updated_at` = excluded.`updated_at`, `search_text` = excluded.`search_text`;
END;
--> statement-breakpoint
CREATE TRIGGER `filing_index_on_delete` AFTER DELETE ON `records` WHEN OLD.`entity` = 'filing' BEGIN
	DELETE FROM `filing_index` WHERE `filing_id` = substr(OLD.`id`, 1, 36) AND `version` = CAST(substr(OLD.`id`, 38) AS INTEGER);
END;
--> statement-breakpoint
INSERT INTO `filing_index` (`filing_id`, `version`, `type`, `title`, `status`, `has_receipt`, `receipt_status`, `pending`, `updated_at`, `search_text`)
SELECT substr(`id`, 1, 36), CAST(substr(`id`, 38) AS INTEGER),
	coalesce(json_extract(coalesce(`local_data`, `server_data`), '$.type'), ''),
	coalesce(json_extract(coalesce(`local_data`, `server_data`), '$.title'), ''),
	coalesce(json_extract(coalesce(`local_data`, `server_data`), '$.status'), 'pending'),
	coalesce(json_type(coalesce(`local_data`, `server_data`), '$.receipt') = 'object', 0),
	`receipt_status`, `local_data` IS NOT NULL, `updated_at`, `search_text`
FROM `records` WHERE `entity` = 'filing';
