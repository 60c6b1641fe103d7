CREATE TABLE `import_items` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `scope` VARCHAR(191) NOT NULL,
    `source` VARCHAR(191) NOT NULL,
    `kind` VARCHAR(191) NOT NULL,
    `source_id` VARCHAR(191) NOT NULL,
    `target_id` INTEGER NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE INDEX `import_items_kind_target_id_idx` ON `import_items`(`kind`, `target_id`);

CREATE UNIQUE INDEX `import_items_scope_source_kind_source_id_key` ON `import_items`(`scope`, `source`, `kind`, `source_id`);
