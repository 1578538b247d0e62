window.GLIMPSE_CONFIG = { apiBase: "" };
