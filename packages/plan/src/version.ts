declare const __PACKAGE_VERSION__: string;

/** This package's version, inlined at build time. */
export const VERSION: string = __PACKAGE_VERSION__;
