-- AlterTable
ALTER TABLE "project_webhooks" ADD COLUMN     "created_by" INTEGER,
ADD COLUMN     "last_delivery_at" TIMESTAMP(3),
ADD COLUMN     "name" VARCHAR(191);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" SERIAL NOT NULL,
    "webhook_id" INTEGER NOT NULL,
    "delivery_id" VARCHAR(191) NOT NULL,
    "event" VARCHAR(191) NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_rate_windows" (
    "id" SERIAL NOT NULL,
    "api_key_id" INTEGER NOT NULL,
    "window_start" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "api_rate_windows_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "webhook_deliveries_webhook_id_delivery_id_key" ON "webhook_deliveries"("webhook_id", "delivery_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_rate_windows_api_key_id_key" ON "api_rate_windows"("api_key_id");

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "project_webhooks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

