// Glimpse site settings, read at start. Edit this file where the site is deployed (it is served
// with no-cache); no rebuild needed.
//   apiBase: origin of the Glimpse API, e.g. "https://api.example.com"; "" = the site's own origin.
window.GLIMPSE_CONFIG = { apiBase: "" };
