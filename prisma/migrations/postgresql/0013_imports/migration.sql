-- CreateTable
CREATE TABLE "import_items" (
    "id" SERIAL NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "scope" VARCHAR(191) NOT NULL,
    "source" VARCHAR(191) NOT NULL,
    "kind" VARCHAR(191) NOT NULL,
    "source_id" VARCHAR(191) NOT NULL,
    "target_id" INTEGER NOT NULL,

    CONSTRAINT "import_items_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "import_items_kind_target_id_idx" ON "import_items"("kind", "target_id");

-- CreateIndex
CREATE UNIQUE INDEX "import_items_scope_source_kind_source_id_key" ON "import_items"("scope", "source", "kind", "source_id");

