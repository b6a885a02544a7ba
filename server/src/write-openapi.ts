/** `npm run api:openapi`: writes shared/api/openapi.json from the route table and its schemas. */
import { writeFileSync } from 'node:fs';
import { OPENAPI_FILE, openApiText } from './http/openapi';

writeFileSync(OPENAPI_FILE, openApiText());
process.stdout.write(`wrote ${OPENAPI_FILE.pathname}\n`);
