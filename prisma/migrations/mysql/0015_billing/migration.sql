ALTER TABLE `users` ADD COLUMN     `due_reminder_days` INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     `time_zone` VARCHAR(191) NOT NULL DEFAULT 'UTC';

ALTER TABLE `projects` ADD COLUMN     `billable_default` BOOLEAN NOT NULL DEFAULT true;

ALTER TABLE `customers` ADD COLUMN     `currency` VARCHAR(191) NOT NULL DEFAULT 'EUR';

ALTER TABLE `contracts` ADD COLUMN     `alert_thresholds` VARCHAR(191) NOT NULL DEFAULT '80,100',
ADD COLUMN     `budget_kind` VARCHAR(191) NOT NULL DEFAULT 'hours',
ADD COLUMN     `budget_minor` BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     `carry_over` BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     `recurrence` VARCHAR(191) NOT NULL DEFAULT 'none';

ALTER TABLE `time_entries` ADD COLUMN     `amount_minor` BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     `billable` BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     `currency` VARCHAR(191),
ADD COLUMN     `invoice_id` INTEGER,
ADD COLUMN     `rate_minor` INTEGER;

CREATE TABLE `billing_rates` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `scope_key` VARCHAR(191) NOT NULL,
    `customer_id` INTEGER,
    `contract_id` INTEGER,
    `project_id` INTEGER,
    `user_id` INTEGER,
    `valid_from` DATE NOT NULL,
    `rate_minor` INTEGER NOT NULL,
    `currency` VARCHAR(191) NOT NULL,
    `created_by` INTEGER,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE `invoice_exports` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `customer_id` INTEGER NOT NULL,
    `contract_id` INTEGER,
    `from_date` DATE NOT NULL,
    `to_date` DATE NOT NULL,
    `currency` VARCHAR(191) NOT NULL,
    `entry_count` INTEGER NOT NULL,
    `total_minutes` INTEGER NOT NULL,
    `total_minor` BIGINT NOT NULL,
    `created_by` INTEGER,
    `voided_at` DATETIME(3),
    `voided_by` INTEGER,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE `contract_owners` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `contract_id` INTEGER NOT NULL,
    `user_id` INTEGER NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE `contract_alerts` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `contract_id` INTEGER NOT NULL,
    `period_start` DATE NOT NULL,
    `threshold` INTEGER NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE `card_reminders` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `card_id` INTEGER NOT NULL,
    `user_id` INTEGER NOT NULL,
    `kind` VARCHAR(191) NOT NULL,
    `due_date` DATE NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE `calendar_feeds` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `scope_key` VARCHAR(191) NOT NULL,
    `user_id` INTEGER NOT NULL,
    `project_id` INTEGER,
    `token_hash` VARCHAR(191) NOT NULL,
    `last_used_at` DATETIME(3),

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE `outbound_webhooks` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,
    `project_id` INTEGER,
    `name` VARCHAR(191),
    `url` TEXT NOT NULL,
    `secret` TEXT NOT NULL,
    `events` TEXT NOT NULL,
    `is_active` BOOLEAN NOT NULL DEFAULT true,
    `created_by` INTEGER,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE `outbound_deliveries` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `webhook_id` INTEGER NOT NULL,
    `event_id` VARCHAR(191) NOT NULL,
    `event` VARCHAR(191) NOT NULL,
    `order_key` VARCHAR(191) NOT NULL,
    `payload` TEXT NOT NULL,
    `status` VARCHAR(191) NOT NULL DEFAULT 'pending',
    `attempts` INTEGER NOT NULL DEFAULT 0,
    `next_attempt_at` DATETIME(3) NOT NULL,
    `locked_until` DATETIME(3),
    `last_attempt_at` DATETIME(3),
    `response_code` INTEGER,
    `error` TEXT,
    `resent_from_id` INTEGER,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE `outbound_attempts` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `delivery_id` INTEGER NOT NULL,
    `response_code` INTEGER,
    `duration_ms` INTEGER NOT NULL,
    `error` TEXT,
    `response_body` TEXT,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE INDEX `billing_rates_customer_id_idx` ON `billing_rates`(`customer_id`);

CREATE INDEX `billing_rates_contract_id_idx` ON `billing_rates`(`contract_id`);

CREATE INDEX `billing_rates_project_id_idx` ON `billing_rates`(`project_id`);

CREATE INDEX `billing_rates_user_id_idx` ON `billing_rates`(`user_id`);

CREATE UNIQUE INDEX `billing_rates_scope_key_valid_from_key` ON `billing_rates`(`scope_key`, `valid_from`);

CREATE INDEX `invoice_exports_customer_id_created_at_idx` ON `invoice_exports`(`customer_id`, `created_at`);

CREATE INDEX `invoice_exports_contract_id_idx` ON `invoice_exports`(`contract_id`);

CREATE INDEX `contract_owners_user_id_idx` ON `contract_owners`(`user_id`);

CREATE UNIQUE INDEX `contract_owners_contract_id_user_id_key` ON `contract_owners`(`contract_id`, `user_id`);

CREATE UNIQUE INDEX `contract_alerts_contract_id_period_start_threshold_key` ON `contract_alerts`(`contract_id`, `period_start`, `threshold`);

CREATE INDEX `card_reminders_user_id_idx` ON `card_reminders`(`user_id`);

CREATE UNIQUE INDEX `card_reminders_card_id_user_id_kind_due_date_key` ON `card_reminders`(`card_id`, `user_id`, `kind`, `due_date`);

CREATE UNIQUE INDEX `calendar_feeds_scope_key_key` ON `calendar_feeds`(`scope_key`);

CREATE UNIQUE INDEX `calendar_feeds_token_hash_key` ON `calendar_feeds`(`token_hash`);

CREATE INDEX `calendar_feeds_user_id_idx` ON `calendar_feeds`(`user_id`);

CREATE INDEX `calendar_feeds_project_id_idx` ON `calendar_feeds`(`project_id`);

CREATE INDEX `outbound_webhooks_project_id_idx` ON `outbound_webhooks`(`project_id`);

CREATE INDEX `outbound_deliveries_status_next_attempt_at_idx` ON `outbound_deliveries`(`status`, `next_attempt_at`);

CREATE INDEX `outbound_deliveries_webhook_id_order_key_id_idx` ON `outbound_deliveries`(`webhook_id`, `order_key`, `id`);

CREATE INDEX `outbound_attempts_delivery_id_idx` ON `outbound_attempts`(`delivery_id`);

CREATE INDEX `time_entries_invoice_id_idx` ON `time_entries`(`invoice_id`);

ALTER TABLE `time_entries` ADD CONSTRAINT `time_entries_invoice_id_fkey` FOREIGN KEY (`invoice_id`) REFERENCES `invoice_exports`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE `billing_rates` ADD CONSTRAINT `billing_rates_customer_id_fkey` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE `billing_rates` ADD CONSTRAINT `billing_rates_contract_id_fkey` FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE `billing_rates` ADD CONSTRAINT `billing_rates_project_id_fkey` FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE `billing_rates` ADD CONSTRAINT `billing_rates_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE `invoice_exports` ADD CONSTRAINT `invoice_exports_customer_id_fkey` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE `invoice_exports` ADD CONSTRAINT `invoice_exports_contract_id_fkey` FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE `contract_owners` ADD CONSTRAINT `contract_owners_contract_id_fkey` FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE `contract_owners` ADD CONSTRAINT `contract_owners_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE `contract_alerts` ADD CONSTRAINT `contract_alerts_contract_id_fkey` FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE `card_reminders` ADD CONSTRAINT `card_reminders_card_id_fkey` FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE `calendar_feeds` ADD CONSTRAINT `calendar_feeds_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE `calendar_feeds` ADD CONSTRAINT `calendar_feeds_project_id_fkey` FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE `outbound_webhooks` ADD CONSTRAINT `outbound_webhooks_project_id_fkey` FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE `outbound_deliveries` ADD CONSTRAINT `outbound_deliveries_webhook_id_fkey` FOREIGN KEY (`webhook_id`) REFERENCES `outbound_webhooks`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE `outbound_attempts` ADD CONSTRAINT `outbound_attempts_delivery_id_fkey` FOREIGN KEY (`delivery_id`) REFERENCES `outbound_deliveries`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- Entries without a customer have no one to bill.
UPDATE `time_entries` SET `billable` = false WHERE `customer_id` IS NULL;
