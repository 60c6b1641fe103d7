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

CREATE UNIQUE INDEX `webhook_deliveries_webhook_id_delivery_id_key` ON `webhook_deliveries`(`webhook_id`, `delivery_id`);

ALTER TABLE `webhook_deliveries` ADD CONSTRAINT `webhook_deliveries_webhook_id_fkey` FOREIGN KEY (`webhook_id`) REFERENCES `project_webhooks`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
