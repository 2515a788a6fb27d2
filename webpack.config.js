// Builds the task pane and ribbon-command pages, copies icons and writes dist/manifest.xml with
// every dev URL (https://localhost:3000/) replaced by YARDSTICK_PUBLIC_URL.
const path = require("node:path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const DEV_PORT = Number(
  process.env.YARDSTICK_DEV_PORT || process.env.npm_package_config_dev_server_port || 3000,
);

/** The production origin, with exactly one trailing slash. */
function publicUrl(isProduction) {
  const raw = process.env.YARDSTICK_PUBLIC_URL;
  if (!raw) {
    if (isProduction) {
      console.warn(
        "\n[yardstick] YARDSTICK_PUBLIC_URL is not set: dist/manifest.xml keeps https://localhost:3000/.\n" +
          "            For a deployment run: YARDSTICK_PUBLIC_URL=https://your.host/path/ npm run build\n",
      );
    }
    return DEV_URL;
  }
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`YARDSTICK_PUBLIC_URL must be an absolute https URL, got "${raw}"`);
  }
  if (url.protocol !== "https:")
    throw new Error(`YARDSTICK_PUBLIC_URL must use https (Office requires it), got "${raw}"`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/**
 * HTTPS for the dev server: the Office dev certificates where they can be installed (trusted by
 * Excel), otherwise webpack-dev-server's own self-signed certificate with a clear message.
 */
async function httpsOptions() {
  if (process.env.YARDSTICK_DEV_CERTS === "0") {
    console.log("[yardstick] YARDSTICK_DEV_CERTS=0: serving with a self-signed certificate.");
    return undefined;
  }
  try {
    const devCerts = require("office-addin-dev-certs");
    const timeout = new Promise((_, reject) =>
      setTimeout(() => reject(new Error("timed out after 20 s")), 20000),
    );
    const options = await Promise.race([devCerts.getHttpsServerOptions(), timeout]);
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (error) {
    console.warn(
      "\n[yardstick] Could not install the Office dev certificates (" +
        String(error && error.message ? error.message.split("\n")[0] : error) +
        ").\n" +
        "            Serving https://localhost:" +
        DEV_PORT +
        " with a self-signed certificate instead: browsers will ask you to accept it,\n" +
        "            and Excel will not load the pane until you trust a certificate. On Windows or Mac run\n" +
        "            `npx office-addin-dev-certs install` once; see README, Troubleshooting.\n",
    );
    return undefined;
  }
}

module.exports = async (env, options) => {
  const isProduction = options.mode === "production";
  const prodUrl = publicUrl(isProduction);
  const isServe = Boolean(process.env.WEBPACK_SERVE);
  const https = isServe ? await httpsOptions() : undefined;

  return {
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: isProduction ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: isProduction ? "[name].[contenthash:8].chunk.js" : "[name].chunk.js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // ExcelJS and friends reach for node built-ins; the pane never needs them at run time.
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false, zlib: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
        },
      ],
    },
    plugins: [
      // The xlsx reader inflates with node's zlib on the command line and with the browser's
      // DecompressionStream in the pane (loaded only by the Share tab's lazy chunk).
      new webpack.NormalModuleReplacementPlugin(/^\.\/inflate$/, (resource) => {
        if (path.resolve(resource.context) === path.resolve(__dirname, "src/xlsx"))
          resource.request = "./inflateBrowser";
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "public/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => content.toString().split(DEV_URL).join(prodUrl),
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      port: DEV_PORT,
      host: "localhost",
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : { type: "https" },
      static: { directory: path.resolve(__dirname, "dist"), publicPath: "/" },
      client: { overlay: { warnings: false, errors: true } },
      hot: false,
      liveReload: true,
    },
  };
};
