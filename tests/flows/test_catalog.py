"""The catalog names each journey's code rather than importing it: every name must lead to a
flow, or the tile would be on and the citizen's tap would end on the error screen."""

from __future__ import annotations

import inspect

from devices.manager import load_object
from flows.catalog import CATALOG
from flows.runtime import FlowRef


def test_every_journey_on_home_starts_a_flow_found_where_the_catalog_says() -> None:
    for key, spec in CATALOG.items():
        assert spec.key == key
        assert isinstance(spec.start, FlowRef), f"{key} imports its journey with the catalog"
        assert inspect.isgeneratorfunction(load_object(spec.start.target)), spec.start.target
