/** Types of tools/manifest-url.js (CommonJS, shared by webpack.config.js and the tests). */
export declare const DEFAULT_PRODUCTION_URL: string;
export declare function productionUrl(env?: Record<string, string | undefined>): string;
export declare function rewriteManifestUrls(content: string, prodUrl: string): string;
