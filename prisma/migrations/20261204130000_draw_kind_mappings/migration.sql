-- AlterTable
ALTER TABLE "User" ADD COLUMN     "platformAdmin" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "CategoryKind" (
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "builtIn" BOOLEAN NOT NULL DEFAULT false,
    "createdBy" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CategoryKind_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "DrawKindMapping" (
    "nameKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "mappedBy" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DrawKindMapping_pkey" PRIMARY KEY ("nameKey")
);

-- Hand-written below
-- The built-in category kinds of lib/draws/kinds.ts (CATEGORY_KINDS, DRAW_KIND_LABELS): matching
-- reads this table, so it must hold them (lib/db/draw-kinds.integration.test.ts checks the two agree).
INSERT INTO "CategoryKind" ("code", "label", "builtIn") VALUES
  ('french', 'French-language proficiency', true),
  ('healthcare', 'Healthcare and social services', true),
  ('stem', 'STEM', true),
  ('trades', 'Trades', true),
  ('transport', 'Transport', true),
  ('agriculture', 'Agriculture and agri-food', true),
  ('education', 'Education', true),
  ('physicians', 'Physicians with Canadian work experience', true),
  ('senior_managers', 'Senior managers with Canadian work experience', true);
