-- Language tests are stored by id (lib/language/tests.ts) instead of the form's old labels, so
-- the CSV import, the CLI and the equivalency charts share one name per test.
UPDATE "Client" SET "languageTestType" = 'ielts_general' WHERE "languageTestType" = 'IELTS General';
UPDATE "Client" SET "languageTestType" = 'celpip_general' WHERE "languageTestType" = 'CELPIP General';
UPDATE "Client" SET "languageTestType" = 'pte_core' WHERE "languageTestType" = 'PTE Core';
UPDATE "Client" SET "languageTestType" = 'tef_canada' WHERE "languageTestType" = 'TEF Canada';
UPDATE "Client" SET "languageTestType" = 'tcf_canada' WHERE "languageTestType" = 'TCF Canada';
