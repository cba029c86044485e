// Starts Swagger UI on this service's own document. A file, not an inline script, so the page's
// Content-Security-Policy can stay at script-src 'self'. Relative URLs, so the page works behind a path prefix.
"use strict";
window.ui = SwaggerUIBundle({
  url: "openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  // The default would load a badge from validator.swagger.io: nothing may leave this origin.
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout"
});
