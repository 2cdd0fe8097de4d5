import pkg from '../../package.json';

/** This desktop's version (package.json; electron-builder stamps the same into the installer). */
export const DESKTOP_VERSION: string = pkg.version;
