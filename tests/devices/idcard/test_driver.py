"""The real driver against the simulator over a real pty: cards placed and taken, and every fault."""

import dataclasses
import subprocess
import time

import pytest

from devices.base import State
from devices.idcard import codec
from devices.idcard.driver import SamSerialReader
from devices.idcard.errors import NoCardError, ReaderProtocolError, ReaderTimeout
from devices.idcard.presets import PRESETS
from tests.devices.idcard.conftest import settings_for


def ok(dev):
    assert dev.wait_until(lambda s: s.state is State.OK, 10), dev.status


def wait_for(predicate, timeout=10.0):
    end = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < end, "condition not reached"
        time.sleep(0.02)


def test_one_event_per_card_not_re_read_while_it_stays(sim, device, events):
    dev = device()
    ok(dev)
    sim.insert("resident")
    [card] = events.wait("card_inserted")
    assert card.id_number == "360426199101010071" and card.name == "王小明"
    finds = sim.commands[codec.FIND]
    wait_for(lambda: sim.commands[codec.FIND] >= finds + 10)  # many polls with the card still there
    assert events.kinds() == ["card_inserted"]
    assert sim.commands[codec.READ] == 1


def test_removal_and_re_insertion(sim, device, events):
    dev = device()
    ok(dev)
    sim.insert("resident")
    events.wait("card_inserted")
    sim.remove()
    events.wait("card_removed")
    sim.insert("elderly")
    cards = events.wait("card_inserted", 2)
    assert [c.name for c in cards] == ["王小明", "李秀英"]
    assert events.kinds() == ["card_inserted", "card_removed", "card_inserted"]
    assert dev.status.detail["card_present"] is True


@pytest.mark.parametrize("preset", sorted(set(PRESETS) - {"bad_check_digit"}))
def test_every_card_type_through_the_driver(sim, device, preset):
    dev = device()
    ok(dev)
    sim.insert(preset)
    card = dev.call(lambda d: d.read_card(fingerprint=True, address=True))
    expected = PRESETS[preset]
    assert card.as_json() | {"photo_note": ""} == expected.as_json() | {
        "photo_note": "",
        "photo_decoded": False,
    }
    assert card.photo_wlt == expected.photo_wlt and card.fingerprint == expected.fingerprint
    assert card.extra_address == expected.extra_address


def test_fingerprint_and_address_only_on_request(sim, device, events):
    dev = device(read_fingerprint=True, read_address=True)
    ok(dev)
    sim.insert("resident")
    [card] = events.wait("card_inserted")
    assert len(card.fingerprint) == 1024 and card.extra_address.startswith("江西省南昌市")
    assert sim.commands[codec.READ_FINGERPRINT] == 1 and sim.commands[codec.READ] == 0
    plain = dev.call(lambda d: d.read_card(fingerprint=False, address=False))
    assert plain.fingerprint == b"" and plain.extra_address == ""
    assert sim.commands[codec.READ_ADDRESS] == 1


def test_invalid_card_is_reported_once_with_its_reason(sim, device, events):
    dev = device()
    ok(dev)
    sim.insert("bad_check_digit")
    [reason] = events.wait("card_invalid")
    assert "校验位" in str(reason) and "360426********0075" in str(reason)
    finds = sim.commands[codec.FIND]
    wait_for(lambda: sim.commands[codec.FIND] >= finds + 5)
    assert events.kinds() == ["card_invalid"]
    sim.remove()
    events.wait("card_removed")


def test_photo_is_kept_but_not_decodable_without_a_vendor_library(sim, device, events):
    dev = device()
    ok(dev)
    sim.insert("resident")
    [card] = events.wait("card_inserted")
    assert len(card.photo_wlt) == 1024 and card.photo_bmp is None
    assert "未配置照片解码库" in card.photo_note


def test_a_vendor_library_that_will_not_load_degrades_but_cards_still_read(sim, device, events, tmp_path):
    dev = device(photo_decoder=str(tmp_path / "libwlt-missing.so"))
    assert dev.wait_until(lambda s: s.state is State.DEGRADED, 10)
    assert "照片解码库无法加载" in str(dev.status.reason)
    sim.insert("resident")
    [card] = events.wait("card_inserted")
    assert card.photo_bmp is None and "libwlt-missing.so" in card.photo_note


FAKE_WLT = r"""
#include <string.h>
/* stands in for a vendor WLT library: bare BGR rows whose first byte echoes the input */
int unpack(char *wlt, char *out, int mode) {
    if (mode != 602) return -1;
    memset(out, 0x7f, 102 * 126 * 3);
    out[0] = wlt[0];
    return 1;
}
"""


def test_a_vendor_library_decodes_the_photo_through_ctypes(sim, device, events, tmp_path):
    src = tmp_path / "fakewlt.c"
    src.write_text(FAKE_WLT)
    lib = tmp_path / "libfakewlt.so"
    subprocess.run(["cc", "-shared", "-fPIC", "-o", str(lib), str(src)], check=True)
    dev = device(photo_decoder=str(lib))
    ok(dev)
    sim.insert("resident")
    [card] = events.wait("card_inserted")
    bmp = card.photo_bmp
    assert bmp is not None and bmp[:2] == b"BM"
    assert int.from_bytes(bmp[18:22], "little") == 102 and int.from_bytes(bmp[22:26], "little") == 126
    assert len(bmp) == 54 + 308 * 126 and bmp[54] == card.photo_wlt[0]
    assert card.as_json()["photo_decoded"] is True


def test_sam_id(sim, device):
    dev = device()
    ok(dev)
    assert dev.call(lambda d: d.sam_id()) == "05.01-20101008-123456789-000001203"


# ---- faults ----
def test_no_card(sim, device, events):
    dev = device()
    ok(dev)
    with pytest.raises(NoCardError):
        dev.call(lambda d: d.read_card())
    sim.set_fault("no_card")
    sim.insert("resident")
    finds = sim.commands[codec.FIND]
    wait_for(lambda: sim.commands[codec.FIND] >= finds + 5)
    assert events.kinds() == [] and dev.status.state is State.OK
    sim.set_fault("none")
    events.wait("card_inserted")


def test_noise_before_frames_and_tiny_fragments(sim, device, events):
    sim.set_fault("noise")
    sim.chunk = 5  # replies arrive five bytes at a time
    dev = device()
    ok(dev)
    sim.insert("rare_name")
    [card] = events.wait("card_inserted")
    assert card.name == "刘䶮"
    assert dev.call(lambda d: d.link.splitter.discarded) > 0  # garbage was seen and skipped
    assert dev.status.state is State.OK


def test_bad_checksum_is_a_fault_until_it_clears(sim, device, events):
    dev = device()
    ok(dev)
    sim.set_fault("bad_checksum")
    sim.insert("resident")
    with pytest.raises(ReaderProtocolError, match="校验和"):
        dev.call(lambda d: d.read_card())
    assert dev.wait_until(lambda s: s.state is State.FAULT, 10)
    assert "校验和" in str(dev.status.reason)
    assert events.kinds() == []  # a damaged reply never becomes a card
    sim.set_fault("none")
    ok(dev)
    [card] = events.wait("card_inserted")
    assert card.id_number == "360426199101010071"


def test_truncated_reply_times_out_and_the_next_read_works(sim, device, events):
    dev = device()
    ok(dev)
    sim.insert("resident")
    events.wait("card_inserted")
    sim.set_fault("truncated")
    with pytest.raises(ReaderTimeout, match="不完整"):
        dev.call(lambda d: d.read_card())
    sim.set_fault("none")
    assert dev.call(lambda d: d.read_card()).name == "王小明"


def test_slow_reader_goes_offline_then_recovers_without_mixing_up_replies(sim, device, events):
    dev = device(timeout_scale=2.0)
    ok(dev)
    sim.slow_delay = 0.5  # longer than the find and select timeouts (0.1 s x 2)
    sim.set_fault("slow")
    sim.insert("resident")
    assert dev.wait_until(lambda s: s.state is State.OFFLINE, 10)
    assert "无应答" in str(dev.status.reason)
    sim.remove()  # replies about this card may still be on their way
    sim.set_fault("none")
    ok(dev)
    sim.insert("elderly")
    cards = events.wait("card_inserted")
    # late replies meant for timed-out commands were dropped, not taken for new ones
    assert [c.name for c in cards] == ["李秀英"]


def test_slow_but_within_timeouts_still_reads(sim, device, events):
    sim.delays = {codec.FIND: 0.05, codec.SELECT: 0.05, codec.READ: 0.5}
    dev = device(timeout_scale=2.0)
    ok(dev)
    sim.insert("hmt")
    [card] = events.wait("card_inserted")
    assert card.card_type == "hmt"


def test_unplug_goes_offline_and_reconnects_with_the_card_still_reported(sim, device, events):
    dev = device()
    ok(dev)
    sim.insert("resident")
    events.wait("card_inserted")
    sim.unplug()
    assert dev.wait_until(lambda s: s.state is State.OFFLINE, 10)
    sim.remove()
    sim.insert("foreign2023")
    sim.plug()
    ok(dev)
    # the old pty is gone for good: this card can only come through a reopened port
    cards = events.wait("card_inserted", 2)
    assert cards[-1].english_name == PRESETS["foreign2023"].english_name
    assert events.kinds() == ["card_inserted", "card_removed", "card_inserted"]


def test_reader_reset_recovers(sim, device, events):
    dev = device()
    ok(dev)
    sim.reset_reader()
    sim.insert("foreign2017")
    [card] = events.wait("card_inserted")
    assert card.nationality == "USA"
    ok(dev)


def test_sam_failure_is_a_fault(sim, device):
    sim.sam_status = 0x60
    dev = device()
    assert dev.wait_until(lambda s: s.state is State.FAULT, 10)
    assert "SAM 自检失败" in str(dev.status.reason)
    sim.sam_status = codec.SW_OK
    ok(dev)


def test_dead_port_is_offline_with_the_port_named(tmp_path, events):
    from devices.base import Device

    settings = {"port": str(tmp_path / "nothing-here"), "poll_interval": 0.05}
    dev = Device("idcard", lambda emit: SamSerialReader(settings, emit), backoff=(0.05, 0.1))
    dev.start()
    try:
        assert dev.wait_until(lambda s: s.state is State.OFFLINE and "nothing-here" in str(s.reason), 10)
    finally:
        dev.stop()


def test_bad_url_is_a_permanent_fault(events):
    reader = SamSerialReader({"port": "nosuchscheme://x"}, events)
    from devices.base import PermanentFault

    with pytest.raises(PermanentFault):
        reader.open()


def test_driver_alone_needs_no_device_thread(sim, events):
    reader = SamSerialReader(settings_for(sim), events)
    reader.open()
    try:
        sim.insert("elderly")
        assert reader.poll().state is State.OK
        assert reader.poll().detail["card_present"] is True
        [card] = events.wait("card_inserted")
        assert card.age_on(card.valid_from.replace(year=2026)) >= 70
        assert dataclasses.replace(card, photo_note="").valid_until == "长期"
    finally:
        reader.close()
