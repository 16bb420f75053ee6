-- AlterTable
ALTER TABLE "Transfer" ADD COLUMN "receivedAt" DATETIME;

-- CreateIndex
CREATE INDEX "Transfer_direction_status_receivedAt_idx" ON "Transfer"("direction", "status", "receivedAt");

