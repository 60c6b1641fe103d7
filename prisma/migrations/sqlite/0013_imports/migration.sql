-- CreateTable
CREATE TABLE "import_items" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "scope" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    "target_id" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "import_items_kind_target_id_idx" ON "import_items"("kind", "target_id");

-- CreateIndex
CREATE UNIQUE INDEX "import_items_scope_source_kind_source_id_key" ON "import_items"("scope", "source", "kind", "source_id");

