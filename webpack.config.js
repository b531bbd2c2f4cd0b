// Webpack: task pane (React + Fluent UI v9), custom functions and commands, all loaded by taskpane.html,
// which is the shared runtime page (manifest.xml). Merges OfficeDev/Excel-Custom-Functions-Shared
// (CustomFunctionsMetadataPlugin, manifest copy) with OfficeDev/Office-Addin-TaskPane-React (tsx).
//
//   npm run build        webpack --mode production: dist/ with manifest.xml pointing at $REFORM_URL
//   npm run dev-server   webpack serve: https://localhost:3000 with office-addin-dev-certs
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const webpack = require("webpack");
const { productionUrl, rewriteManifestUrls } = require("./tools/manifest-url");
const { customFunctionSources } = require("./tools/functions-sources");

const FUNCTIONS_JSON = "functions.json";
const FUNCTIONS_ZH_JSON = "functions-zh-CN.json";

/**
 * Emits functions-zh-CN.json from the functions.json that CustomFunctionsMetadataPlugin put in the
 * compilation, with the translation table of src/functions/i18n (tools/build-functions-zh.ts, loaded
 * through tsx so that the build and the test run the same code). Also writes an empty functions.json
 * when there are no custom functions yet. Translation problems fail a production build and warn in
 * development.
 */
class FunctionsZhCnPlugin {
  constructor(options) {
    this.strict = options.strict;
  }

  apply(compiler) {
    const name = "FunctionsZhCnPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        // A fresh load on every compilation, so that `webpack serve` picks up edited translations.
        const tsx = require("tsx/cjs/api");
        const zh = tsx.require("./tools/build-functions-zh.ts", __filename);
        const i18nDir = path.join(__dirname, "src", "functions", "i18n");
        for (const f of require("fs").readdirSync(i18nDir)) compilation.fileDependencies.add(path.join(i18nDir, f));

        const existing = compilation.getAsset(FUNCTIONS_JSON);
        const source = existing ? existing.source.source().toString() : "";
        if (!existing || source.trim() === "") {
          const empty = JSON.stringify(zh.EMPTY_METADATA, null, 4);
          if (existing) compilation.updateAsset(FUNCTIONS_JSON, new webpack.sources.RawSource(empty));
          else compilation.emitAsset(FUNCTIONS_JSON, new webpack.sources.RawSource(empty));
        }
        const { text, problems } = zh.buildZhMetadataText(source);
        for (const p of problems) {
          const err = new webpack.WebpackError(`${FUNCTIONS_ZH_JSON}: ${p}`);
          (this.strict ? compilation.errors : compilation.warnings).push(err);
        }
        compilation.emitAsset(FUNCTIONS_ZH_JSON, new webpack.sources.RawSource(text));
      });
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const prodUrl = dev ? undefined : productionUrl();
  const functionSources = customFunctionSources(__dirname);

  const config = {
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      // exceljs: its package.json "browser" field already points webpack (target web) at the prebuilt
      // dist/exceljs.min.js; the alias makes that explicit so that no Node core module is pulled in.
      alias: { exceljs$: require.resolve("exceljs/dist/exceljs.min.js") },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico|ttf|woff|woff2)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    optimization: {
      // One runtime for the page, so that the three entries loaded by taskpane.html share module instances.
      runtimeChunk: "single",
      splitChunks: { chunks: "all" },
    },
    performance: { hints: false },
    plugins: [
      ...(functionSources.length > 0
        ? [new CustomFunctionsMetadataPlugin({ output: FUNCTIONS_JSON, input: functionSources })]
        : []),
      new FunctionsZhCnPlugin({ strict: !dev }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the task pane page also hosts the custom functions and the commands.
        chunks: ["taskpane", "functions", "commands"],
      }),
      new HtmlWebpackPlugin({
        filename: "functions.html",
        template: "./src/functions/functions.html",
        chunks: ["functions"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext][query]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : rewriteManifestUrls(content.toString(), prodUrl);
            },
          },
        ],
      }),
    ],
  };

  if (serving) {
    // Only `webpack serve` needs the dev certificates (office-addin-dev-certs may run sudo on Linux).
    const devCerts = require("office-addin-dev-certs");
    const https = await devCerts.getHttpsServerOptions();
    config.devServer = {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: { ca: https.ca, key: https.key, cert: https.cert } },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    };
  }

  return config;
};
