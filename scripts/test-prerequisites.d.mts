// Types of test-prerequisites.mjs, plain JavaScript so that the install script runs before any TypeScript tooling.
export declare const CHROMIUM: string;
export declare const BZIP2: string;
export declare function postgresBinDir(): string | undefined;
export declare function missingDebianPackages(): string[];
