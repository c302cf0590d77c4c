"""python -m backends.platform serve|lookup|compare|status|certificates|certificate|verify|openapi

`verify QR --key ISSUER.pub` checks a certificate's QR text offline with the issuer's public key
(exit 0 genuine, 1 tampered or not a certificate QR); `serve --issuer-key FILE` signs with that key
(made, with FILE.pub beside it, when missing)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from backends.cli import OK, REFUSED, USAGE, add_serve, parser, run, run_server, show
from backends.platform import seal
from backends.platform.client import PlatformClient
from backends.platform.contract import DOC
from devices.idcard.record import is_valid_id


def main(argv: list[str] | None = None) -> int:
    p, sub = parser("python -m backends.platform", "Government platform: reference server and client.")
    add_serve(sub, "platform (with the demo people)")
    sub.choices["serve"].add_argument(
        "--issuer-key", type=Path, help="the issuer's Ed25519 private key (PEM; made when missing)"
    )
    v = sub.add_parser("verify", help="check a certificate QR offline with the issuer's public key")
    v.add_argument("qr", help="the QR's text (the verification URL)")
    key = v.add_mutually_exclusive_group(required=True)
    key.add_argument("--key", type=Path, help="the issuer's public key (PEM)")
    key.add_argument("--url", help="a platform to fetch the public key from (then checked offline)")
    sub.add_parser("openapi", help="print the contract (OpenAPI JSON)")
    sub.add_parser("people", help="list the demo people (masked) and what each demonstrates")
    for name, help_ in (
        ("lookup", "look a person up by ID number"),
        ("compare", "compare a photo file with a person's registry photo"),
        ("applications", "a person's applications"),
        ("status", "an application's state by acceptance number"),
        ("certificates", "the certificate catalogue"),
        ("certificate", "a person's certificate data"),
    ):
        c = sub.add_parser(name, help=help_)
        c.add_argument("--url", required=True, help="the platform's base URL")
        c.add_argument("--timeout", type=float, default=8.0)
        if name in ("lookup", "compare", "applications", "certificate"):
            c.add_argument("id_number")
        if name == "compare":
            c.add_argument("photo", type=Path)
        if name == "status":
            c.add_argument("acceptance_no")
        if name == "certificate":
            c.add_argument("code")
    a = p.parse_args(argv)
    if a.command == "serve":
        from backends.platform.server import ReferencePlatform

        issuer = seal.load_signer(a.issuer_key, generate=True) if a.issuer_key else None
        return run_server(ReferencePlatform(issuer=issuer).app(), a.port, "platform")
    if a.command == "verify":
        return _verify(a.qr, a.key, a.url)
    if a.command == "openapi":
        print(json.dumps(DOC, ensure_ascii=False, indent=2))
        return 0
    if a.command == "people":
        from backends.platform.demo import PEOPLE
        from core.redact import mask_id

        show([{"id": mask_id(x.id_number), "case": x.case} for x in PEOPLE])
        return 0
    if hasattr(a, "id_number") and not is_valid_id(a.id_number):
        print("not a valid ID number (18 characters, check digit)", file=sys.stderr)
        return USAGE
    client = PlatformClient(a.url, timeout=a.timeout)
    try:
        if a.command == "lookup":
            return run(lambda: client.lookup(a.id_number))
        if a.command == "compare":
            person = client.lookup(a.id_number)
            return run(lambda: client.compare_face(person.photo_ref, a.photo.read_bytes()))
        if a.command == "applications":
            return run(lambda: client.applications_for(a.id_number))
        if a.command == "status":
            return run(lambda: client.status(a.acceptance_no))
        if a.command == "certificates":
            return run(client.certificate_types)
        return run(lambda: client.certificate(a.code, a.id_number))
    finally:
        client.close()


def _verify(qr: str, key: Path | None, url: str | None) -> int:
    if key is not None:
        pem = key.read_text(encoding="utf-8")
    else:
        client = PlatformClient(str(url))
        try:
            pem = client.issuer_key()
        finally:
            client.close()
    try:
        sealed = seal.verify_qr(qr, seal.load_verifier(pem))
    except seal.BadSeal as e:
        what = {"tampered": "TAMPERED: the QR was altered or forged"}.get(e.code, f"not valid: {e.code}")
        print(f"{what} ({e})", file=sys.stderr)
        return REFUSED
    show({"valid": True, **{k: getattr(sealed, k) for k in ("serial", "kind", "id_masked", "issued_at")}})
    return OK


if __name__ == "__main__":
    sys.exit(main())
