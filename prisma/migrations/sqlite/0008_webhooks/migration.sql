-- AlterTable
ALTER TABLE "project_webhooks" ADD COLUMN "created_by" INTEGER;
ALTER TABLE "project_webhooks" ADD COLUMN "last_delivery_at" DATETIME;
ALTER TABLE "project_webhooks" ADD COLUMN "name" TEXT;

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "webhook_id" INTEGER NOT NULL,
    "delivery_id" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "received_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "webhook_deliveries_webhook_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "project_webhooks" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "api_rate_windows" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "api_key_id" INTEGER NOT NULL,
    "window_start" DATETIME NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0
);

-- CreateIndex
CREATE UNIQUE INDEX "webhook_deliveries_webhook_id_delivery_id_key" ON "webhook_deliveries"("webhook_id", "delivery_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_rate_windows_api_key_id_key" ON "api_rate_windows"("api_key_id");

