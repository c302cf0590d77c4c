"""The government service platform: interface (api), contract, HTTP client, reference server
with demo data, CLI (`python -m backends.platform`)."""
