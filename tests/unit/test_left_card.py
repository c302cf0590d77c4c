"""kiosk/left_card.py on its own: when staff are told of a card left on the reader, and when not."""

from __future__ import annotations

from core.clock import FakeClock
from kiosk.alerts import Alerts
from kiosk.left_card import ALERT_AFTER_S, LeftCard


def watch() -> tuple[LeftCard, Alerts, FakeClock]:
    clock, alerts = FakeClock(), Alerts(None)
    return LeftCard(alerts, clock.monotonic), alerts, clock


def codes(alerts: Alerts) -> list[str]:
    return [a.code for a in alerts.active()]


def test_a_journey_in_between_does_not_restart_the_wait_nor_repeat_the_alert():
    """A passer-by's journey that never asks for the card ends with the card still there: staff
    were told once, and are not told again (each alert reaches the webhook)."""
    card, alerts, clock = watch()
    assert card.journey_ended(True)
    clock.advance(ALERT_AFTER_S * 0.75)
    assert card.journey_ended(True)  # another journey ended; the card lies there still
    clock.advance(ALERT_AFTER_S * 0.3)
    assert card.check(True) and codes(alerts) == ["card_left"]
    raised = alerts.recent()
    clock.advance(ALERT_AFTER_S * 2)
    assert card.journey_ended(True) and card.check(True)
    assert alerts.recent() == raised  # not raised again


def test_a_reader_that_cannot_tell_keeps_the_card_left_and_taking_it_clears_the_alert():
    card, alerts, clock = watch()
    card.journey_ended(True)
    clock.advance(ALERT_AFTER_S + 1)
    assert card.check(None) and codes(alerts) == ["card_left"]  # unknown: still left, and told
    assert not card.check(False) and not card.left and codes(alerts) == []


def test_no_card_or_an_unknown_reader_at_the_journeys_end_leaves_nothing():
    card, alerts, clock = watch()
    assert not card.journey_ended(False) and not card.journey_ended(None)
    clock.advance(ALERT_AFTER_S * 3)
    assert not card.check(True) and codes(alerts) == []  # a card put down since is someone's to use
