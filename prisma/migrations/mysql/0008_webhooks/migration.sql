ALTER TABLE `project_webhooks` ADD COLUMN     `created_by` INTEGER,
ADD COLUMN     `last_delivery_at` DATETIME(3),
ADD COLUMN     `name` VARCHAR(191);

CREATE TABLE `webhook_deliveries` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `webhook_id` INTEGER NOT NULL,
    `delivery_id` VARCHAR(191) NOT NULL,
    `event` VARCHAR(191) NOT NULL,
    `received_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE `api_rate_windows` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `api_key_id` INTEGER NOT NULL,
    `window_start` DATETIME(3) NOT NULL,
    `count` INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE UNIQUE INDEX `webhook_deliveries_webhook_id_delivery_id_key` ON `webhook_deliveries`(`webhook_id`, `delivery_id`);

CREATE UNIQUE INDEX `api_rate_windows_api_key_id_key` ON `api_rate_windows`(`api_key_id`);

ALTER TABLE `webhook_deliveries` ADD CONSTRAINT `webhook_deliveries_webhook_id_fkey` FOREIGN KEY (`webhook_id`) REFERENCES `project_webhooks`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
