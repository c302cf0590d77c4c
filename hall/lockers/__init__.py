"""The pickup locker wall (plain Python on hall.db, no Qt; every call blocks, so call it from a
flow's Work or a worker): `model` (states, tables, Compartment, errors), `boards` (what the
inventory needs from the lock boards), `inventory` (rows, history, every state change, each door
open a step of hall/journal.py), `doors` (supervision), `reconcile` (after a crash, never by
opening), `wall` (Lockers: all of it put together). The `wall` column keeps the kiosks of a hall
apart in a shared PostgreSQL database."""

from hall.lockers.boards import Boards, DeviceBoards, DriverBoards
from hall.lockers.inventory import OPEN_STEP, Inventory
from hall.lockers.model import (
    Alerting,
    Compartment,
    CompartmentBusy,
    CState,
    HistoryEntry,
    ItemNotFound,
    LockerError,
    LockerJammed,
    LockerOutcomeUnknown,
    LockerUnavailable,
    NoFreeCompartment,
    Purpose,
    compartments,
    history,
)
from hall.lockers.wall import Lockers

__all__ = [
    "OPEN_STEP",
    "Alerting",
    "Boards",
    "CState",
    "Compartment",
    "CompartmentBusy",
    "DeviceBoards",
    "DriverBoards",
    "HistoryEntry",
    "Inventory",
    "ItemNotFound",
    "LockerError",
    "LockerJammed",
    "LockerOutcomeUnknown",
    "LockerUnavailable",
    "Lockers",
    "NoFreeCompartment",
    "Purpose",
    "compartments",
    "history",
]
