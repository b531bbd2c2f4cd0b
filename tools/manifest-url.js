// Production URL of the add-in and the rewrite of the dev-server URLs in manifest*.xml.
// Used by webpack.config.js (CopyWebpackPlugin transform) and test/manifest.test.ts.

/** Placeholder production location; set REFORM_URL at build time to where dist/ is hosted. */
const DEFAULT_PRODUCTION_URL = "https://www.contoso.com/";

/** Any dev-server URL in the source manifest: https://localhost:<port>/ (every occurrence). */
const DEV_URL = /https:\/\/localhost(?::\d+)?\//g;

/**
 * The production base URL: `REFORM_URL` from the environment, or the placeholder. Must be https; a trailing
 * slash is added when missing.
 * @param {Record<string, string | undefined>} [env]
 * @returns {string}
 */
function productionUrl(env = process.env) {
  const raw = (env.REFORM_URL || DEFAULT_PRODUCTION_URL).trim();
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`REFORM_URL is not a URL: "${raw}"`);
  }
  if (url.protocol !== "https:") throw new Error(`REFORM_URL must be an https URL (Office requires it): "${raw}"`);
  if (url.hostname === "localhost") throw new Error(`REFORM_URL must not be localhost: "${raw}"`);
  return raw.endsWith("/") ? raw : raw + "/";
}

/**
 * Rewrites every https://localhost:<port>/ in a manifest to the production base URL.
 * @param {string} content manifest text
 * @param {string} prodUrl production base URL ending with "/"
 * @returns {string}
 * @example rewriteManifestUrls('<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>', "https://x.example/addin/")
 *   // => '<IconUrl DefaultValue="https://x.example/addin/assets/icon-32.png"/>'
 */
function rewriteManifestUrls(content, prodUrl) {
  if (!prodUrl.endsWith("/")) throw new Error(`production URL must end with "/": "${prodUrl}"`);
  return content.replace(DEV_URL, () => prodUrl);
}

module.exports = { DEFAULT_PRODUCTION_URL, productionUrl, rewriteManifestUrls };
