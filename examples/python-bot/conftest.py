"""Shared by both suites: pytest puts this directory on sys.path (so `import bot` works without
PYTHONPATH), and `make_config` gives the bot test timings."""

from decimal import Decimal

import pytest

from bot import Config

TEST_TIMINGS = dict(
    request_timeout=1.0,        # a lost answer costs a second, not five
    stale_after=0.6,
    resubscribe_after=1.5,
    reconnect_delay=0.05,
    default_retry_after=0.5,
    replace_bps=Decimal("50"),  # the test market drifts less; tests shock it by 2 %
)


@pytest.fixture
def make_config():
    def make(**fields):
        return Config(**{**TEST_TIMINGS, **fields})
    return make
