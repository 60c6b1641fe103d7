ALTER TABLE `users` ADD COLUMN     `notify_email` VARCHAR(191) NOT NULL DEFAULT 'immediate';

ALTER TABLE `chat_messages` ADD COLUMN     `bot_name` VARCHAR(191),
ADD COLUMN     `edited_at` DATETIME(3);

ALTER TABLE `conversations` ADD COLUMN     `dm_key` VARCHAR(191);

ALTER TABLE `conversation_members` ADD COLUMN     `joined_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
ADD COLUMN     `left_at` DATETIME(3);

ALTER TABLE `conversation_messages` ADD COLUMN     `edited_at` DATETIME(3);

CREATE TABLE `read_markers` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `updated_at` DATETIME(3) NOT NULL,
    `user_id` INTEGER NOT NULL,
    `channel` VARCHAR(191) NOT NULL,
    `last_read_message_id` INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE `notifications` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `user_id` INTEGER NOT NULL,
    `type` VARCHAR(191) NOT NULL,
    `actor_id` INTEGER,
    `title` VARCHAR(191) NOT NULL,
    `text` TEXT NOT NULL,
    `url` VARCHAR(191) NOT NULL,
    `read_at` DATETIME(3),
    `emailed_at` DATETIME(3),

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE UNIQUE INDEX `read_markers_user_id_channel_key` ON `read_markers`(`user_id`, `channel`);

CREATE INDEX `notifications_user_id_read_at_idx` ON `notifications`(`user_id`, `read_at`);

CREATE INDEX `notifications_user_id_id_idx` ON `notifications`(`user_id`, `id`);

CREATE INDEX `notifications_emailed_at_idx` ON `notifications`(`emailed_at`);

CREATE UNIQUE INDEX `conversations_dm_key_key` ON `conversations`(`dm_key`);

ALTER TABLE `read_markers` ADD CONSTRAINT `read_markers_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE `notifications` ADD CONSTRAINT `notifications_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE `notifications` ADD CONSTRAINT `notifications_actor_id_fkey` FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
