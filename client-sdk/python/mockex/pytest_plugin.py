"""The pytest plugin: a mockexd for the test run, an isolated exchange per test, a suite report.

Fixtures:
  mockexd  (session scope) the daemon: started from the binary on port 0 (--mockexd, $MOCKEXD
           or PATH), or the one at $MOCKEX_URL / --mockex-url. Each xdist worker starts its own.
  mockex   (function scope) a `mockex.Session` of its own, deleted after the test, made from
           @pytest.mark.mockex(scenario=..., seed=..., clock=..., start=..., speed=...,
           scenario_yaml=...).
  amockex  (function scope) the same session as a `mockex.AsyncSession`, for async tests.
"""

import json
import os
import pathlib

import pytest

from . import suite_report
from .daemon import Daemon
from .errors import NotFound

_RECORD = "mockex_record"
_SESSION_KEY = pytest.StashKey()
_MARKER_KEYS = {"scenario", "scenario_yaml", "seed", "clock", "start", "speed"}


def pytest_addoption(parser):
    group = parser.getgroup("mockex", "mockex mock exchange")
    group.addoption("--mockexd", metavar="PATH", help="the mockexd binary to start "
                    "(default: $MOCKEXD, then mockexd on PATH)")
    group.addoption("--mockex-url", metavar="URL", help="use the mockexd at URL instead of "
                    "starting one (default: $MOCKEX_URL)")
    group.addoption("--mockex-scenarios", metavar="DIR", action="append", default=[],
                    help="a scenario directory of the daemon the plugin starts (repeatable)")
    group.addoption("--mockex-report", metavar="DIR", help="write mockex-report.md and "
                    "mockex-report.json (tests, faults, chaos coverage) to DIR")
    group.addoption("--mockex-journal-lines", metavar="N", type=int, default=40,
                    help="journal entries attached to a failed test's report (default 40)")
    parser.addini("mockex_scenario_dirs", "scenario directories of the daemon the plugin "
                  "starts, relative to the ini file", type="paths", default=[])


def pytest_configure(config):
    config.addinivalue_line("markers", "mockex(scenario=None, seed=None, clock=None, start=None, "
                            "speed=None, scenario_yaml=None): the session the `mockex` fixture "
                            "creates; `scenario` is a file beside the test or a name in the "
                            "daemon's scenario directories")
    if config.getoption("--mockex-report") and not _is_worker(config):
        config.pluginmanager.register(_SuiteReport(config), "mockex-suite-report")


def _is_worker(config):
    return hasattr(config, "workerinput")


@pytest.fixture(scope="session")
def mockexd(request, tmp_path_factory):
    """The daemon of this test run (of this xdist worker)."""
    config = request.config
    url = config.getoption("--mockex-url") or os.environ.get("MOCKEX_URL")
    if url:
        daemon = Daemon.external(url)
        yield daemon
        daemon.stop()
        return
    dirs = [pathlib.Path(d) for d in config.getoption("--mockex-scenarios")]
    dirs += [pathlib.Path(d) for d in config.getini("mockex_scenario_dirs")]
    daemon = Daemon.start(tmp_path_factory.mktemp("mockexd"), config.getoption("--mockexd"),
                          dirs)
    yield daemon
    code = daemon.stop()
    if code != 0:
        raise RuntimeError(f"mockexd exited with {code}:\n{daemon.log()[-4000:]}")


def _session_options(request):
    marker = request.node.get_closest_marker("mockex")
    options = dict(marker.kwargs) if marker else {}
    unknown = set(options) - _MARKER_KEYS
    if unknown:
        raise pytest.UsageError(f"@pytest.mark.mockex: unknown option(s) {sorted(unknown)}; "
                                f"known: {sorted(_MARKER_KEYS)}")
    scenario = options.pop("scenario", None)
    if scenario is None and "scenario_yaml" not in options:
        scenario = "quickstart"
    if scenario is not None:
        beside = pathlib.Path(request.node.path).parent / scenario
        if beside.is_file():
            options["scenario_file"] = beside
        else:
            options["scenario"] = scenario
    return options


@pytest.fixture
def mockex(request, mockexd):
    """A session of its own for this test, deleted afterwards."""
    options = _session_options(request)
    try:
        session = mockexd.client.create_session(**options)
    except NotFound as error:
        if error.code != "scenario_not_found":
            raise
        raise pytest.UsageError(
            f"mockex: {error.message}: name a scenario file beside the test, or give the daemon "
            f"scenario directories (--mockex-scenarios=DIR or the ini option "
            f"mockex_scenario_dirs)") from error
    request.node.stash[_SESSION_KEY] = session
    try:
        yield session
        if request.config.getoption("--mockex-report"):
            _keep_record(request, session, options)
    finally:
        session.close()


@pytest.fixture
def amockex(mockex):
    """The test's session for asyncio code: the methods of `mockex`, each a coroutine."""
    return mockex.aio()


def _keep_record(request, session, options):
    scenario = options.get("scenario") or (pathlib.Path(options["scenario_file"]).name
                                           if "scenario_file" in options else "<inline>")
    record = suite_report.test_record(session, session.report(), scenario,
                                      options.get("seed"), options.get("clock"))
    # Carried to the controller inside the test report, so it works under xdist too.
    request.node.user_properties.append((_RECORD, json.dumps(record)))


def _journal_excerpt(session, lines):
    last = session.journal(limit=1).last_seq
    page = session.journal(after=max(0, last - lines), limit=lines)
    out = [f"session {session.id}, last {len(page.entries)} of {last} journal entries:"]
    for entry in page.entries:
        data = json.dumps(entry.data, separators=(",", ":"))
        out.append(f"{entry.seq:>6} t={entry.t} {entry.kind:<13} "
                   f"{data[:400] + '…' if len(data) > 400 else data}")
    return "\n".join(out)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    session = item.stash.get(_SESSION_KEY, None)
    if session is None or report.when != "call" or not report.failed:
        return
    try:
        excerpt = _journal_excerpt(session, item.config.getoption("--mockex-journal-lines"))
    except Exception as error:  # noqa: BLE001 - the failure itself matters more
        excerpt = f"(journal unavailable: {error})"
    report.sections.append(("mockex journal", excerpt))


class _SuiteReport:
    """Gathers the tests' records (on the xdist controller, or the only process) and writes the
    suite report at the end of the run."""

    def __init__(self, config):
        self.directory = config.getoption("--mockex-report")
        self.records = []
        self.outcomes = {}

    def pytest_runtest_logreport(self, report):
        if report.when == "call" or report.failed:
            self.outcomes.setdefault(report.nodeid, report.outcome if report.when == "call"
                                     else f"{report.when} {report.outcome}")
        for name, value in report.user_properties:
            if name == _RECORD:
                record = json.loads(value)
                record["nodeid"] = report.nodeid
                self.records.append(record)

    def pytest_sessionfinish(self):
        for record in self.records:
            record["outcome"] = self.outcomes.get(record["nodeid"], "?")
        suite_report.write(self.directory, self.records)

    def pytest_terminal_summary(self, terminalreporter):
        terminalreporter.write_line(
            f"mockex: suite report of {len(self.records)} tests in "
            f"{pathlib.Path(self.directory) / 'mockex-report.md'}")
