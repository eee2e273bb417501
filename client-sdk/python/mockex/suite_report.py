"""The suite report of the pytest plugin: per test the scenario, seed, faults injected and what
the client did, and the chaos coverage matrix, as JSON and Markdown."""

import json
import pathlib

from . import coverage


def test_record(session, report, scenario, seed, clock):
    """What one test's session saw, gathered before the session is deleted."""
    hits = {}
    for entry in session.faults_applied():
        data = entry.data
        key = (data.get("fault_kind", "?"), data.get("name", "?"), data.get("target", ""))
        hits[key] = hits.get(key, 0) + 1
    entries = session.entries(kinds="ws_open,ws_in")
    raw = report.raw
    orders = raw["orders"]
    return {
        "session": session.id, "scenario": scenario, "seed": report.seed, "clock": clock,
        "requested_seed": seed,
        "faults": {"total": report.faults_total, "by_kind": report.faults_by_kind,
                   "by_name": report.faults_by_name},
        "fault_hits": [{"kind": k, "name": n, "target": t, "count": c}
                       for (k, n, t), c in sorted(hits.items())],
        "surfaces": sorted(coverage.client_surfaces(raw, entries)),
        "client": {"http_requests": report.http_requests,
                   "http_by_endpoint": report.http_by_endpoint,
                   "rate_limit_hits": report.rate_limit_hits,
                   "orders": {k: orders[k] for k in ("placed", "filled", "rejected", "canceled",
                                                     "cancel_rejected")},
                   "retries": raw["client"]["retries"], "ws": raw["client"]["ws"],
                   "depth": raw["client"]["depth"]},
    }


def build(records):
    cells = coverage.matrix(records)
    return {"tests": records,
            "coverage": {"matrix": cells, "never_tried": coverage.never_tried(cells),
                         "kinds_never_used": coverage.kinds_never_used(records),
                         "kinds": list(coverage.ALL_KINDS)}}


def _cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def _table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines


def _faults_text(record):
    by_kind = record["faults"]["by_kind"]
    return ", ".join(f"{k} ×{n}" for k, n in sorted(by_kind.items())) or "none"


def _client_text(record):
    client = record["client"]
    orders = client["orders"]
    ws = client["ws"]
    retries = client["retries"]
    return (f"{client['http_requests']} requests, {client['rate_limit_hits']} rate-limited; "
            f"orders {orders['placed']} placed / {orders['filled']} filled / "
            f"{orders['rejected']} rejected / {orders['canceled']} canceled; "
            f"ws {ws['connects']} connects / {ws['reconnects']} reconnects; "
            f"retries {retries['same_client_order_id'] + retries['repeated_request']}")


def markdown(document):
    tests = document["tests"]
    cov = document["coverage"]
    injected = sum(t["faults"]["total"] for t in tests)
    lines = ["# mockex suite report", "",
             f"{len(tests)} tests on mockex sessions, {injected} faults injected.", "",
             "## Tests", ""]
    lines += _table(["test", "outcome", "scenario", "seed", "faults injected", "what the client did"],
                    [[t["nodeid"], t.get("outcome", "?"), t["scenario"], t["seed"],
                      _faults_text(t), _client_text(t)] for t in tests])
    used = [k for k in cov["kinds"] if k not in cov["kinds_never_used"]]
    lines += ["", "## Chaos coverage", "",
              "Tests that exercised each fault kind on each endpoint, stream or method the "
              "clients used (· never), and the kinds that apply there but no test tried.", ""]
    rows = []
    for surface in sorted(cov["matrix"]):
        row = cov["matrix"][surface]
        rows.append([surface] + [row.get(k, "·") for k in used]
                    + [", ".join(cov["never_tried"].get(surface, [])) or "—"])
    lines += _table(["endpoint / stream"] + used + ["never tried"], rows)
    lines += ["", "Fault kinds no test used: "
              + (", ".join(cov["kinds_never_used"]) or "none") + ".", ""]
    return "\n".join(lines)


def write(directory, records):
    directory = pathlib.Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    document = build(sorted(records, key=lambda r: r["nodeid"]))
    (directory / "mockex-report.json").write_text(json.dumps(document, indent=2) + "\n")
    (directory / "mockex-report.md").write_text(markdown(document))
    return document
