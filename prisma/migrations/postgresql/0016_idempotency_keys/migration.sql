-- CreateTable
CREATE TABLE "idempotency_keys" (
    "id" SERIAL NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "owner" VARCHAR(191) NOT NULL,
    "key" VARCHAR(191) NOT NULL,
    "request_hash" VARCHAR(191) NOT NULL,
    "status" INTEGER NOT NULL DEFAULT 0,
    "response" TEXT,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "idempotency_keys_owner_key_key" ON "idempotency_keys"("owner", "key");
