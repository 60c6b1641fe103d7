ALTER TABLE `customers` ADD COLUMN     `address` TEXT,
ADD COLUMN     `email` VARCHAR(191),
ADD COLUMN     `is_archived` BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     `phone` VARCHAR(191);

-- The contracted hours become minutes (written by hand: Prisma's generated DROP lost them).
ALTER TABLE `contracts` ADD COLUMN     `contracted_minutes` INTEGER NOT NULL DEFAULT 0;
UPDATE `contracts` SET `contracted_minutes` = ROUND(`hours` * 60);
ALTER TABLE `contracts` DROP COLUMN `hours`;

CREATE TABLE `running_timers` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,
    `user_id` INTEGER NOT NULL,
    `started_at` DATETIME(3) NOT NULL,
    `date` DATE NOT NULL,
    `customer_id` INTEGER,
    `project_id` INTEGER,
    `card_id` INTEGER,
    `contract_id` INTEGER,
    `description` TEXT,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE UNIQUE INDEX `running_timers_user_id_key` ON `running_timers`(`user_id`);

CREATE INDEX `running_timers_customer_id_idx` ON `running_timers`(`customer_id`);

CREATE INDEX `running_timers_project_id_idx` ON `running_timers`(`project_id`);

CREATE INDEX `running_timers_card_id_idx` ON `running_timers`(`card_id`);

CREATE INDEX `running_timers_contract_id_idx` ON `running_timers`(`contract_id`);

ALTER TABLE `running_timers` ADD CONSTRAINT `running_timers_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE `running_timers` ADD CONSTRAINT `running_timers_customer_id_fkey` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE `running_timers` ADD CONSTRAINT `running_timers_project_id_fkey` FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE `running_timers` ADD CONSTRAINT `running_timers_card_id_fkey` FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE `running_timers` ADD CONSTRAINT `running_timers_contract_id_fkey` FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
