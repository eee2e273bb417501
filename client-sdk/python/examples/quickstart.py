# examples/quickstart.py: a session of its own, a fault, a client request, the journal.
import json
import urllib.error
import urllib.request

import mockex

client = mockex.Client()  # $MOCKEX_URL, else http://127.0.0.1:8765 (`make run`)

with client.create_session("quickstart", seed=7, clock="stepped") as session:
    # Your client would use session.rest_url as its base URL; here, plain urllib.
    ticker = session.rest_url + "/api/v3/ticker/price?symbol=BTCUSDT"
    with session.faults.http_error(429, "GET /api/v3/ticker/price", retry_after=3, first=1):
        try:
            urllib.request.urlopen(ticker)
        except urllib.error.HTTPError as error:
            print("first call:", error.code, error.headers["Retry-After"], json.load(error))
        print("second call:", json.load(urllib.request.urlopen(ticker)))

    session.market.shock("BTCUSDT", pct=-10)        # the market drops 10 % now
    session.clock.advance("5s")                     # and five seconds pass
    print("mid after the shock:", session.book("BTCUSDT", limit=1).bids[0][0])

    for entry in session.faults_applied():
        print("fault:", entry.data["fault_kind"], entry.data["effect"], entry.data["target"])
    report = session.report()
    print("faults injected:", report.faults_by_kind, "rate-limit hits:", report.rate_limit_hits)
# leaving the block deleted the session
