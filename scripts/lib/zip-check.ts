import JSZip from "jszip";

/**
 * The entries of a ZIP file (name → content), read with an npm library so the tests that check
 * zipped exports need no system `unzip`.
 */
export async function zipEntries(zip: Buffer | Uint8Array): Promise<Map<string, Buffer>> {
  const archive = await JSZip.loadAsync(zip);
  const entries = new Map<string, Buffer>();
  for (const file of Object.values(archive.files)) {
    if (!file.dir) entries.set(file.name, await file.async("nodebuffer"));
  }
  return entries;
}
