// Installs what the tests need from Debian (chromium, postgresql, bzip2) when it is missing.
import { installDebianPackages } from './install-debian-packages.mjs';
import { missingDebianPackages } from './test-prerequisites.mjs';

const missing = missingDebianPackages();
if (missing.length > 0) installDebianPackages([...missing, 'fonts-dejavu-core'], missingDebianPackages, 'The tests');
