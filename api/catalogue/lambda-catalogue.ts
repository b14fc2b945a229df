/**
 * The catalogue a deployed function serves: `catalogue.json` bundled beside it, compiled when the
 * deploy bundles (infra/bundle), so a cold start neither compiles nor loads the compiler.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { catalogueOf, type CatalogueAccount, type CompiledEntry, type WorkflowCatalogue } from './workflow-catalogue';

/** The file name the bundler writes next to each function that serves the catalogue. */
export const BUNDLED_CATALOGUE_FILE = 'catalogue.json';

/** The bundled catalogue in `dir` (the function's own directory by default), placed in `account`. */
export function lambdaCatalogue(account: CatalogueAccount, dir: string = __dirname): WorkflowCatalogue {
  const file = path.join(dir, BUNDLED_CATALOGUE_FILE);
  if (!fs.existsSync(file))
    throw new Error(
      `${file} is missing: deployed functions serve the catalogue compiled at bundle time (infra/bundle/bundle-functions.ts)`,
    );
  return catalogueOf(JSON.parse(fs.readFileSync(file, 'utf8')) as CompiledEntry[], account);
}
