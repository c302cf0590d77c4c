"""The payment gateway: interface (api), contract, HTTP client, reference gateway with scripted
behaviour, CLI (`python -m backends.payment`)."""
