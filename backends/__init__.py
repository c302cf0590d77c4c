"""Systems the kiosk does not own (government platform, payment gateway), one package each:
interface, HTTP client, reference server with demo data, CLI. Shared plumbing in `http`,
`contract` and `refserver`."""
