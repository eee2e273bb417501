"""The exceptions of the SDK: the daemon's own errors, carried over, and transport failures."""


class MockexError(Exception):
    """The daemon answered with an error: `{"error": {"code", "message"}, ...}`.

    `status` is the HTTP status, `code` the daemon's error code (`session_not_found`, ...),
    `errors` the positioned scenario errors of a 422 (`file:line:column: message`), `field` the
    culprit of an `invalid_fault`, `body` the whole decoded answer.
    """

    def __init__(self, status, code, message, *, errors=None, field=None, body=None):
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.errors = list(errors or [])
        self.field = field
        self.body = body


class InvalidRequest(MockexError):
    """400: a malformed body, an unknown field, a bad duration, amount or fault rule."""


class Unauthorized(MockexError):
    """401: the daemon has an admin token and the client did not send it."""


class NotFound(MockexError):
    """404: no such session, scenario, symbol, account, asset or fault."""


class Conflict(MockexError):
    """409: the default session, a stepped clock, a fault name taken, funds short."""


class InvalidScenario(MockexError):
    """422: the scenario has errors; `errors` lists them, positioned."""


class TooManySessions(MockexError):
    """429: the daemon's session limit is reached."""


class Unavailable(MockexError):
    """503: the daemon is shutting down."""


_BY_STATUS = {400: InvalidRequest, 401: Unauthorized, 404: NotFound, 409: Conflict,
              422: InvalidScenario, 429: TooManySessions, 503: Unavailable}


def error_from_answer(status, body):
    """The exception for an error answer; `body` is its decoded JSON, or text when it was not."""
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        text = body if isinstance(body, str) else repr(body)
        return _BY_STATUS.get(status, MockexError)(status, "unexpected_answer", text[:500],
                                                   body=body)
    field = body.get("field", error.get("field"))
    return _BY_STATUS.get(status, MockexError)(
        status, error.get("code", "unknown"), error.get("message", ""),
        errors=body.get("errors"), field=field, body=body)


class ConnectionFailed(Exception):
    """The daemon could not be reached, or the connection broke before an answer."""


class MockexTimeout(Exception):
    """What a test waited for did not happen in time (`Session.wait_for`)."""
