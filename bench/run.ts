/** `npm run bench`: every benchmark of the project (today: the path questions). */
import { benchPaths } from './paths';

benchPaths({ pure: process.argv.includes('--pure') }).catch((error) => {
  console.error(error);
  process.exit(1);
});
