-- AlterTable
ALTER TABLE "columns" ADD COLUMN     "is_done" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "cards" ADD COLUMN     "backlog_rank" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "sprints" ADD COLUMN     "active_project_id" INTEGER,
ADD COLUMN     "committed_points" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "completed_at" TIMESTAMP(3),
ADD COLUMN     "completed_points" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "started_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "sprint_changes" (
    "id" SERIAL NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,
    "sprint_id" INTEGER NOT NULL,
    "card_id" INTEGER NOT NULL,
    "user_id" INTEGER,
    "kind" VARCHAR(191) NOT NULL,
    "in_sprint" BOOLEAN NOT NULL,
    "points" INTEGER NOT NULL,
    "is_done" BOOLEAN NOT NULL,

    CONSTRAINT "sprint_changes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sprint_changes_sprint_id_created_at_idx" ON "sprint_changes"("sprint_id", "created_at");

-- CreateIndex
CREATE INDEX "sprint_changes_card_id_idx" ON "sprint_changes"("card_id");

-- CreateIndex
CREATE INDEX "sprint_changes_user_id_idx" ON "sprint_changes"("user_id");

-- CreateIndex
CREATE INDEX "cards_project_id_backlog_rank_idx" ON "cards"("project_id", "backlog_rank");

-- CreateIndex
CREATE UNIQUE INDEX "sprints_active_project_id_key" ON "sprints"("active_project_id");

-- AddForeignKey
ALTER TABLE "sprint_changes" ADD CONSTRAINT "sprint_changes_sprint_id_fkey" FOREIGN KEY ("sprint_id") REFERENCES "sprints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sprint_changes" ADD CONSTRAINT "sprint_changes_card_id_fkey" FOREIGN KEY ("card_id") REFERENCES "cards"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sprint_changes" ADD CONSTRAINT "sprint_changes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Existing cards keep their creation order in the backlog.
UPDATE cards SET backlog_rank = number * 1024;
