from collections.abc import Iterator

import pytest

from tests.queue.helpers import Db, database


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path) -> Iterator[Db]:  # type: ignore[no-untyped-def]
    with database(request.param, tmp_path) as d:
        yield d
