// Types of install-debian-packages.mjs, plain JavaScript so that the install script runs before any TypeScript tooling.
export declare function installDebianPackages(packages: readonly string[], stillMissing: () => readonly string[], purpose: string): void;
