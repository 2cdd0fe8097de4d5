import pkg from '../../package.json';

/** This hub's version: the project's version in package.json. */
export const HUB_VERSION: string = pkg.version;
