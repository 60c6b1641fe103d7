ALTER TABLE `columns` ADD COLUMN     `is_done` BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE `cards` ADD COLUMN     `backlog_rank` DOUBLE NOT NULL DEFAULT 0;

ALTER TABLE `sprints` ADD COLUMN     `active_project_id` INTEGER,
ADD COLUMN     `committed_points` INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     `completed_at` DATETIME(3),
ADD COLUMN     `completed_points` INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     `started_at` DATETIME(3);

CREATE TABLE `sprint_changes` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `created_at` DATETIME(3) NOT NULL,
    `sprint_id` INTEGER NOT NULL,
    `card_id` INTEGER NOT NULL,
    `user_id` INTEGER,
    `kind` VARCHAR(191) NOT NULL,
    `in_sprint` BOOLEAN NOT NULL,
    `points` INTEGER NOT NULL,
    `is_done` BOOLEAN NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE INDEX `sprint_changes_sprint_id_created_at_idx` ON `sprint_changes`(`sprint_id`, `created_at`);

CREATE INDEX `sprint_changes_card_id_idx` ON `sprint_changes`(`card_id`);

CREATE INDEX `sprint_changes_user_id_idx` ON `sprint_changes`(`user_id`);

CREATE INDEX `cards_project_id_backlog_rank_idx` ON `cards`(`project_id`, `backlog_rank`);

CREATE UNIQUE INDEX `sprints_active_project_id_key` ON `sprints`(`active_project_id`);

ALTER TABLE `sprint_changes` ADD CONSTRAINT `sprint_changes_sprint_id_fkey` FOREIGN KEY (`sprint_id`) REFERENCES `sprints`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE `sprint_changes` ADD CONSTRAINT `sprint_changes_card_id_fkey` FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE `sprint_changes` ADD CONSTRAINT `sprint_changes_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- Existing cards keep their creation order in the backlog.
UPDATE cards SET backlog_rank = number * 1024;
