/** Types of tools/functions-sources.js (CommonJS, shared by webpack.config.js and the tests). */
export declare function customFunctionSources(rootDir?: string): string[];
