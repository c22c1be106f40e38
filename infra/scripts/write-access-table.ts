import { writeAccessTable } from './access-table';

/** `npm run access-table`: writes the access table of libs/contracts into the README. */
writeAccessTable();
process.stdout.write('README.md: access table written\n');
