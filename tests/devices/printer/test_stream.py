"""The simulator's ESC/POS reader: commands split across reads, and status queries amid print data."""

from devices.printer import layout as L
from devices.printer.escpos_stream import CommandStream
from devices.printer.paper import Paper
from tests.devices.printer.conftest import SAMPLES


def draw(job: bytes, step: int):
    stream, paper, receipts = CommandStream(), Paper(576), []
    for i in range(0, len(job), step):
        for cmd in stream.feed(job[i : i + step]):
            done = paper.apply(cmd)
            if done is not None:
                receipts.append(done)
    return receipts, stream.pending


def test_bytes_arriving_one_at_a_time_draw_the_same_receipt():
    job = L.job_bytes(L.load_layout("reissue_receipt"), SAMPLES["reissue_receipt"], L.PaperOptions())
    whole, _ = draw(job, len(job))
    trickle, pending = draw(job, 1)
    assert len(whole) == len(trickle) == 1 and pending == 0
    assert trickle[0].text == whole[0].text
    assert trickle[0].qr_codes == ["PICKUP:SL2026010500017:7F3K9Q"]
    assert "公民身份号码：110105********002X" in trickle[0].text


def test_status_queries_between_print_commands_are_seen():
    cmds = CommandStream().feed(b"\x1b@AB\x10\x04\x01C\n\x1dr\x01\x1dV\x00")
    names = [(c.name, c.arg) for c in cmds]
    assert ("dle_eot", 1) in names and ("gs_r", 1) in names and names[-1] == ("cut", 0)


def test_ticket_number_is_printed_six_times_normal_height():
    job = L.job_bytes(L.load_layout("queue_ticket"), SAMPLES["queue_ticket"], L.PaperOptions())
    (receipt,), _ = draw(job, 64)
    heights = sorted({s.height for s in receipt.strips})
    assert 6 * 24 in heights  # the number's row: 144 dots, about 18 mm on a 203 dpi head
