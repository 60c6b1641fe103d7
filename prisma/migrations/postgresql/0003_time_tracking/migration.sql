-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "address" TEXT,
ADD COLUMN     "email" VARCHAR(191),
ADD COLUMN     "is_archived" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "phone" VARCHAR(191);

-- AlterTable
-- The contracted hours become minutes (written by hand: Prisma's generated DROP lost them).
ALTER TABLE "contracts" ADD COLUMN     "contracted_minutes" INTEGER NOT NULL DEFAULT 0;
UPDATE "contracts" SET "contracted_minutes" = CAST(ROUND("hours" * 60) AS INTEGER);
ALTER TABLE "contracts" DROP COLUMN "hours";

-- CreateTable
CREATE TABLE "running_timers" (
    "id" SERIAL NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "user_id" INTEGER NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL,
    "date" DATE NOT NULL,
    "customer_id" INTEGER,
    "project_id" INTEGER,
    "card_id" INTEGER,
    "contract_id" INTEGER,
    "description" TEXT,

    CONSTRAINT "running_timers_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "running_timers_user_id_key" ON "running_timers"("user_id");

-- CreateIndex
CREATE INDEX "running_timers_customer_id_idx" ON "running_timers"("customer_id");

-- CreateIndex
CREATE INDEX "running_timers_project_id_idx" ON "running_timers"("project_id");

-- CreateIndex
CREATE INDEX "running_timers_card_id_idx" ON "running_timers"("card_id");

-- CreateIndex
CREATE INDEX "running_timers_contract_id_idx" ON "running_timers"("contract_id");

-- AddForeignKey
ALTER TABLE "running_timers" ADD CONSTRAINT "running_timers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "running_timers" ADD CONSTRAINT "running_timers_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "running_timers" ADD CONSTRAINT "running_timers_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "running_timers" ADD CONSTRAINT "running_timers_card_id_fkey" FOREIGN KEY ("card_id") REFERENCES "cards"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "running_timers" ADD CONSTRAINT "running_timers_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

