-- DropIndex
DROP INDEX "Transfer_status_nextAttemptAt_idx";

-- AlterTable
ALTER TABLE "Transfer" ADD COLUMN "reference" TEXT;

-- CreateIndex
CREATE INDEX "Transfer_direction_status_nextAttemptAt_idx" ON "Transfer"("direction", "status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Transfer_sku_direction_status_idx" ON "Transfer"("sku", "direction", "status");

-- CreateIndex
CREATE INDEX "Transfer_updatedAt_idx" ON "Transfer"("updatedAt");

