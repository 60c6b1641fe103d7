-- CreateTable
CREATE TABLE `idempotency_keys` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `owner` VARCHAR(191) NOT NULL,
    `key` VARCHAR(191) NOT NULL,
    `request_hash` VARCHAR(191) NOT NULL,
    `status` INTEGER NOT NULL DEFAULT 0,
    `response` TEXT,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateIndex
CREATE INDEX `idempotency_keys_created_at_idx` ON `idempotency_keys`(`created_at`);

-- CreateIndex
CREATE UNIQUE INDEX `idempotency_keys_owner_key_key` ON `idempotency_keys`(`owner`, `key`);
