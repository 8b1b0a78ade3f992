// /docs: the API reference, rendered by Scalar from /api/openapi.json. The renderer is served from
// this app (public/vendor/scalar, copied from the npm package on install), with its default fonts,
// request proxy and telemetry off, so the page works offline and sends nothing elsewhere; Scalar's hosted
// extras (the "Ask AI" agent, MCP and SDK generation, the developer toolbar) are off — they need its cloud.
const CONFIGURATION = {
  url: "/api/openapi.json",
  withDefaultFonts: false,
  proxyUrl: "",
  telemetry: false,
  agent: { disabled: true },
  mcp: { disabled: true },
  showDeveloperTools: "never",
  showToolbar: "never",
  hideClientButton: false,
  theme: "default",
  metaData: { title: "Vocelio API reference" },
};

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Vocelio API reference</title>
    <style>body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }</style>
  </head>
  <body>
    <div id="app"></div>
    <noscript>The API reference needs JavaScript. The raw document is at <a href="/api/openapi.json">/api/openapi.json</a>.</noscript>
    <script src="/vendor/scalar/standalone.js"></script>
    <script>Scalar.createApiReference("#app", ${JSON.stringify(CONFIGURATION)});</script>
  </body>
</html>`;

export function GET(): Response {
  return new Response(PAGE, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
