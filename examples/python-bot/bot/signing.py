"""Binance's HMAC-SHA256 signatures (spec §3.2 for REST, §11.3 for the WebSocket API)."""

import hashlib
import hmac
import urllib.parse


def hmac_hex(secret: str, payload: str) -> str:
    return hmac.new(secret.encode(), payload.encode(), hashlib.sha256).hexdigest()


def signed_query(params: dict, secret: str) -> str:
    """The urlencoded parameters with `signature` appended last, as every Binance client does.

    The server signs the bytes it receives, so the string signed here is exactly the one sent,
    whether it travels in the query string (GET, DELETE) or in a form body (POST).
    """
    query = urllib.parse.urlencode(params)
    return f"{query}&signature={hmac_hex(secret, query)}"


def signed_ws_params(params: dict, secret: str) -> dict:
    """WebSocket API params plus `signature`: HMAC over `k=v` pairs sorted by name, unencoded."""
    payload = "&".join(f"{key}={params[key]}" for key in sorted(params))
    return {**params, "signature": hmac_hex(secret, payload)}
