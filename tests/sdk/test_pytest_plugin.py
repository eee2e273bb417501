"""The pytest plugin, run for real: inner test suites in a subprocess pytest with
`-p mockex.pytest_plugin`, against the real daemon it starts (or finds at MOCKEX_URL)."""

import json
import os
import subprocess
import textwrap

from conftest import SCENARIOS, SDK, TINY
from mockex.daemon import Daemon


def run_pytest(tmp_path, files, *args, env=None):
    for name, text in files.items():
        (tmp_path / name).write_text(textwrap.dedent(text))
    full_env = {**os.environ, "PYTHONPATH": str(SDK), **(env or {})}
    return subprocess.run(
        ["/usr/bin/python3", "-m", "pytest", "-p", "mockex.pytest_plugin", "-p",
         "no:cacheprovider", "-q", f"--mockex-scenarios={SCENARIOS}", *args],
        cwd=tmp_path, env=full_env, capture_output=True, text=True, timeout=240)


def passed(result, count):
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert f"{count} passed" in output, output


FIXTURES = """
    import pytest

    def test_the_default_session_is_quickstart(mockex, mockexd):
        info = mockex.info()
        assert info.scenario == "quickstart" and not info.default
        assert mockex.rest_url.startswith(mockexd.url + "/s/")
        assert mockex.ccxt_urls()["api"]["public"] == mockex.rest_url + "/api/v3"
        open("first-session", "w").write(mockex.id)

    @pytest.mark.mockex(scenario="flash-crash", seed=7, clock="stepped", start=1700000000000)
    def test_the_marker_names_scenario_seed_clock_and_start(mockex):
        info = mockex.info()
        assert (info.scenario, info.seed, info.clock) == ("flash-crash", 7, "stepped")
        assert mockex.clock.get().now == 1700000000000

    @pytest.mark.mockex(scenario="beside.yaml")
    def test_a_scenario_file_beside_the_test_is_sent_inline(mockex):
        assert set(mockex.balances("k1")) == {"BTC", "USDT"}

    @pytest.mark.mockex(scenario_yaml=open("beside.yaml").read(), seed=3)
    def test_inline_yaml(mockex):
        assert mockex.info().seed == 3

    @pytest.mark.asyncio
    async def test_the_async_view_of_the_same_session(mockex, amockex):
        assert amockex.id == mockex.id
        assert (await amockex.info()).scenario == "quickstart"

    def test_each_session_is_deleted_after_its_test(mockexd):
        ids = [s.id for s in mockexd.client.sessions()]
        assert ids == ["default"]
        assert open("first-session").read() not in ids
"""

def test_fixtures_and_the_marker(tmp_path):
    relative = os.path.relpath(os.environ["MOCKEXD"], tmp_path)   # resolved before it runs
    result = run_pytest(tmp_path, {"test_inner.py": FIXTURES, "beside.yaml": TINY},
                        env={"MOCKEXD": relative})
    passed(result, 6)


PARALLEL = """
    import pytest

    @pytest.mark.parametrize("n", range(12))
    @pytest.mark.mockex(clock="stepped")
    def test_isolated(mockex, mockexd, n):
        with mockex.faults.hang(name=f"only-mine-{n}"):
            assert [f.name for f in mockex.faults.list()] == [f"only-mine-{n}"]
        mockex.clock.advance(f"{n + 1}s")
        with open(f"run-{n}", "w") as out:
            out.write(f"{mockexd.url} {mockex.id}")
"""


def test_xdist_workers_each_start_a_daemon_of_their_own(tmp_path):
    result = run_pytest(tmp_path, {"test_parallel.py": PARALLEL}, "-n", "4")
    passed(result, 12)
    runs = [(tmp_path / f"run-{n}").read_text().split() for n in range(12)]
    daemons = {url for url, _ in runs}
    assert 2 <= len(daemons) <= 4, daemons       # one per worker that ran tests
    assert len({(url, sid) for url, sid in runs}) == 12


EXTERNAL = """
    import os

    def test_uses_the_running_daemon(mockexd, mockex):
        assert mockexd.url == os.environ["MOCKEX_URL"]
        assert mockex.id in [s.id for s in mockexd.client.sessions()]
"""


def test_mockex_url_uses_a_running_daemon_instead_of_starting_one(tmp_path):
    daemon = Daemon.start(tmp_path / "d", scenario_dirs=[SCENARIOS])
    try:
        result = run_pytest(tmp_path, {"test_external.py": EXTERNAL},
                            env={"MOCKEX_URL": daemon.url, "MOCKEXD": "/nonexistent"})
        passed(result, 1)
        assert [s.id for s in daemon.client.sessions()] == ["default"]   # cleaned up
    finally:
        assert daemon.stop() == 0


REPORTED = """
    import asyncio
    import json
    import urllib.error
    import urllib.request

    import aiohttp
    import pytest

    def get(url):
        try:
            with urllib.request.urlopen(url, timeout=10) as answer:
                return answer.status
        except urllib.error.HTTPError as error:
            return error.code

    @pytest.mark.mockex(seed=11)
    def test_rate_limited(mockex):
        with mockex.faults.http_error(429, "GET /api/v3/ticker/price", first=1):
            assert get(mockex.rest_url + "/api/v3/ticker/price?symbol=BTCUSDT") == 429
            assert get(mockex.rest_url + "/api/v3/ticker/price?symbol=BTCUSDT") == 200
        assert get(mockex.rest_url + "/api/v3/depth?symbol=BTCUSDT") == 200

    def test_dropped_trade(mockex):
        mockex.faults.drop(stream="btcusdt@trade", first=1)
        async def listen():
            async with aiohttp.ClientSession() as http:
                async with http.ws_connect(mockex.ws_root + "/ws/btcusdt@trade") as ws:
                    message = await ws.receive(timeout=20)
                    return json.loads(message.data)["e"]
        assert asyncio.run(listen()) == "trade"
        assert mockex.faults.list()[0].fired == 1

    def test_untouched(mockex):
        assert get(mockex.rest_url + "/api/v3/time") == 200
"""


def test_the_suite_report_has_tests_faults_and_chaos_coverage(tmp_path):
    result = run_pytest(tmp_path, {"test_reported.py": REPORTED},
                        f"--mockex-report={tmp_path / 'report'}")
    passed(result, 3)
    assert "mockex: suite report of 3 tests" in result.stdout
    document = json.loads((tmp_path / "report" / "mockex-report.json").read_text())
    tests = {t["nodeid"].split("::")[1]: t for t in document["tests"]}
    limited = tests["test_rate_limited"]
    assert (limited["scenario"], limited["seed"], limited["outcome"]) == \
        ("quickstart", 11, "passed")
    assert limited["faults"]["by_kind"] == {"http_error": 1}
    assert limited["client"]["rate_limit_hits"] == 1
    assert limited["client"]["http_by_endpoint"]["GET /api/v3/ticker/price"] == \
        {"200": 1, "429": 1}
    assert limited["fault_hits"] == [{"kind": "http_error", "name": "http_error-1",
                                      "target": "GET /api/v3/ticker/price", "count": 1}]
    assert tests["test_dropped_trade"]["faults"]["by_kind"] == {"ws_drop": 1}
    assert tests["test_untouched"]["faults"]["total"] == 0
    coverage = document["coverage"]
    matrix = coverage["matrix"]
    assert matrix["GET /api/v3/ticker/price"] == {"http_error": 1}
    assert matrix["stream btcusdt@trade"] == {"ws_drop": 1}
    assert matrix["GET /api/v3/depth"] == {} and matrix["GET /api/v3/time"] == {}
    never = coverage["never_tried"]
    assert "latency" in never["GET /api/v3/ticker/price"]
    assert "http_error" not in never["GET /api/v3/ticker/price"]
    assert "stale" in never["GET /api/v3/depth"] and "clock_skew" in never["GET /api/v3/time"]
    assert "ws_drop" not in never["stream btcusdt@trade"] and "lag" in never["stream btcusdt@trade"]
    assert never["upgrade /ws"] == ["ws_refuse", "ws_no_pong", "ws_disconnect"]
    assert "http_error" not in coverage["kinds_never_used"]
    assert "ack_lost" in coverage["kinds_never_used"]
    markdown = (tmp_path / "report" / "mockex-report.md").read_text()
    assert "## Chaos coverage" in markdown and "| GET /api/v3/ticker/price |" in markdown
    assert "test_reported.py::test_rate_limited | passed | quickstart | 11 | http_error ×1" \
        in markdown


FAILING = """
    def test_fails_after_trading_activity(mockex):
        mockex.market.halt("BTCUSDT")
        assert mockex.book("BTCUSDT").status == "TRADING"
"""


def test_a_failed_test_carries_its_journal_excerpt(tmp_path):
    result = run_pytest(tmp_path, {"test_failing.py": FAILING}, "-n", "2")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "mockex journal" in result.stdout
    assert '"event":"halt BTCUSDT"' in result.stdout
    assert "journal entries:" in result.stdout


def test_bad_marker_options_and_a_missing_binary_are_clear_errors(tmp_path):
    typo = run_pytest(tmp_path, {"test_typo.py": """
        import pytest
        @pytest.mark.mockex(senario="quickstart")
        def test_typo(mockex):
            pass
    """})
    assert typo.returncode != 0 and "unknown option(s) ['senario']" in typo.stdout
    nowhere = run_pytest(tmp_path, {"test_typo.py": """
        import pytest
        @pytest.mark.mockex(scenario="no-such-scenario")
        def test_nowhere(mockex):
            pass
    """})
    assert nowhere.returncode != 0
    assert "give the daemon scenario directories (--mockex-scenarios=DIR" in nowhere.stdout
    missing = run_pytest(tmp_path, {"test_typo.py": "def test_x(mockex):\n    pass\n"},
                         env={"MOCKEXD": str(tmp_path / "nope")})
    assert missing.returncode != 0
    assert "is not an executable file" in missing.stdout
