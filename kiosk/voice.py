"""Spoken prompts through speech-dispatcher, from one worker thread the GUI never waits on.

Why our own SSIP client rather than QtTextToSpeech: its speechd engine blocks the calling thread
(in the constructor while the daemon runs, in stop() otherwise) and must live in a thread with a
Qt event loop; a QThread stuck inside libspeechd can neither be joined nor abandoned safely at
exit. SSIP (speech-dispatcher's protocol) is text lines on a Unix socket: a plain socket with a
timeout on every read turns a dead or stopped daemon into a degraded voice within seconds, needs
no Qt plugin in the bundle, and lets us pick the espeak-ng voice for each language explicitly.

speak(text, lang, interrupt=True) returns at once. interrupt=False queues behind what is being
said (the display board calls a number twice); speech-dispatcher plays one client's messages of
priority "message" in order, never overlapping.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from core.redact import redact

if TYPE_CHECKING:
    import socket

log = logging.getLogger(__name__)

# speech-dispatcher's language codes, best first. Plain "cmn" is espeak-ng's Mandarin that reads
# Latin letters in English, as a called number like "A005" needs.
LANGUAGES: dict[str, tuple[str, ...]] = {
    "zh": ("cmn", "zh-cn", "zh"),
    "en": ("en-us", "en-gb", "en"),
}

STARTING, OK, DEGRADED, OFF = "starting", "ok", "degraded", "off"
BEGIN, END, CANCELLED = 701, 702, 703
STARTUP_GRACE = 3  # times `timeout`: starting the daemon, and its first answers after a start
EVENTS = {BEGIN: "begin", END: "end", CANCELLED: "cancelled"}


@dataclass(frozen=True)
class VoiceStatus:
    """Whether the kiosk can be heard, and why not."""

    state: str  # starting, ok, degraded, off
    reason: str = ""

    def as_json(self) -> dict[str, str]:
        return {"state": self.state, "reason": self.reason}


@dataclass(frozen=True)
class SynthVoice:
    """A voice the speech engine offers, with its language code."""

    name: str
    language: str


@dataclass(frozen=True)
class Utterance:
    """A prompt queued for the voice's worker."""

    text: str
    lang: str
    interrupt: bool


@dataclass(frozen=True)
class Spoken:
    """What was handed to the engine (masked), and in which voice."""

    text: str
    lang: str
    voice: str


class SpeechError(Exception):
    """The speech service did not answer in time, refused a command or is not there."""


def default_address() -> str:
    """Where libspeechd looks: $SPEECHD_ADDRESS, else the per-user runtime socket."""
    addr = os.environ.get("SPEECHD_ADDRESS", "")
    if addr:
        return addr
    runtime = os.environ.get("XDG_RUNTIME_DIR") or str(Path.home() / ".cache")
    return f"unix_socket:{runtime}/speech-dispatcher/speechd.sock"


def choose_voice(voices: list[SynthVoice], lang: str) -> SynthVoice | None:
    """The engine's base voice (no "+variant") for our language code, by LANGUAGES' preference."""
    base = [v for v in voices if "+" not in v.name] or voices
    for code in LANGUAGES.get(lang, (lang,)):
        for v in base:
            if v.language.lower() == code:
                return v
    prefix = LANGUAGES.get(lang, (lang,))[-1]
    return next((v for v in base if v.language.lower().startswith(prefix + "-")), None)


class Ssip:
    """One client connection to speech-dispatcher. Every read waits at most `timeout` seconds.

    Made on the voice's worker thread, which starts after the first paint: the socket modules
    load with it, not on the home's path (the kiosk builds its Voice before the window)."""

    def __init__(self, address: str, timeout: float) -> None:
        import socket

        kind, _, where = address.partition(":")
        self._sock: socket.socket
        if kind == "unix_socket":
            self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self._sock.settimeout(timeout)
            try:
                self._sock.connect(where)
            except OSError:
                self._sock.close()
                raise
        elif kind == "inet_socket":
            host, _, port = where.rpartition(":")
            self._sock = socket.create_connection((host or "127.0.0.1", int(port)), timeout)
        else:
            raise SpeechError(f"unsupported speech-dispatcher address {address!r}")
        self.timeout = timeout
        self._buf = b""
        self.events: list[tuple[int, str]] = []  # (701 BEGIN / 702 END / 703 CANCELLED, message id)

    def close(self) -> None:
        self._sock.close()

    def set_timeout(self, timeout: float) -> None:
        self.timeout = timeout
        self._sock.settimeout(timeout)

    def _send(self, data: str) -> None:
        try:
            self._sock.sendall(data.encode("utf-8"))
        except OSError as e:
            raise SpeechError(f"speech service unreachable: {e}") from e

    def _line(self) -> str:
        while b"\r\n" not in self._buf:
            try:
                chunk = self._sock.recv(65536)
            except TimeoutError as e:
                raise SpeechError(f"speech service did not answer within {self.timeout:g} s") from e
            except OSError as e:
                raise SpeechError(f"speech service unreachable: {e}") from e
            if not chunk:
                raise SpeechError("speech service closed the connection")
            self._buf += chunk
        line, self._buf = self._buf.split(b"\r\n", 1)
        return line.decode("utf-8", "replace")

    def _block(self) -> tuple[int, list[str]]:
        """One reply or event: "NNN-data" lines, then "NNN text"."""
        lines: list[str] = []
        while True:
            line = self._line()
            lines.append(line[4:])
            if line[3:4] == " ":
                try:
                    return int(line[:3]), lines
                except ValueError as e:
                    raise SpeechError(f"not a speech-dispatcher reply: {line[:40]!r}") from e

    def _reply(self) -> tuple[int, list[str]]:
        """The reply to our command; events (7xx) met on the way are kept."""
        while True:
            code, lines = self._block()
            if not 700 <= code < 800:
                return code, lines
            self.events.append((code, lines[0]))

    def command(self, line: str) -> list[str]:
        """Send one command; its data lines (the status text last). 3xx/4xx/5xx raise."""
        self._send(line + "\r\n")
        code, lines = self._reply()
        if code >= 300:
            raise SpeechError(f"speech service refused {line.split(' ')[0]}: {code} {lines[-1]}")
        return lines

    def speak(self, text: str) -> str:
        """Queue one message; its id."""
        self.command("SPEAK")
        text = " ".join(text.split())  # one line, so no line of it can end the data block
        self._send((".." + text if text.startswith(".") else text) + "\r\n.\r\n")
        code, lines = self._reply()
        if code != 225:
            raise SpeechError(f"message refused: {code} {lines[-1]}")
        return lines[0]

    def voices(self) -> list[SynthVoice]:
        out = []
        for row in self.command("LIST SYNTHESIS_VOICES")[:-1]:
            name, _, rest = row.partition("\t")
            out.append(SynthVoice(name, rest.partition("\t")[0]))
        return out

    def poll(self) -> None:
        """Collect the events that have arrived, without waiting for more."""
        import select  # see the class's doc

        while b"\r\n" in self._buf or select.select([self._sock], [], [], 0)[0]:
            code, lines = self._block()
            if 700 <= code < 800:
                self.events.append((code, lines[0]))


class Voice:
    """The kiosk's voice. speak() never blocks and never raises; status says if it is heard."""

    def __init__(
        self,
        enabled: bool = True,
        *,
        address: str | None = None,
        timeout: float = 3.0,
        retry_after: float = 30.0,
        spawn: bool = True,
    ) -> None:
        self.enabled = enabled
        self.address = address or default_address()
        self.timeout = timeout
        self.retry_after = retry_after
        self.spawn = spawn
        self.last_spoken = ""
        self.spoken: deque[Spoken] = deque(maxlen=50)
        self.played: deque[tuple[str, str]] = deque(maxlen=100)  # ("begin"/"end"/"cancelled", masked text)
        self._status = VoiceStatus(STARTING) if enabled else VoiceStatus(OFF, "voice = false")
        self._listeners: list[Callable[[VoiceStatus], None]] = []
        self._lock = threading.Lock()
        self._queue: queue.Queue[Utterance | None] = queue.Queue(maxsize=20)
        self._conn: Ssip | None = None
        self._voices: dict[str, SynthVoice | None] = {}
        self._current: str | None = None  # language the connection is set to
        self._pending: dict[str, str] = {}  # message id -> text, until the engine finishes it
        self._deadline = 0.0  # the engine must report progress on _pending by then
        self._stalled = False
        self._next_try = 0.0
        self._spawned: Path | None = None  # pid file of the daemon we started, if we did
        self._thread: threading.Thread | None = None

    def start(self) -> Voice:
        """Start the worker (after subscribing, so no change of status is missed)."""
        if self.enabled and self._thread is None:
            # daemon: a worker stuck in a socket read (at most `timeout`) never holds up exit
            self._thread = threading.Thread(target=self._run, name="voice", daemon=True)
            self._thread.start()
        return self

    # ---- any thread ----
    @property
    def status(self) -> VoiceStatus:
        return self._status

    def subscribe(self, listener: Callable[[VoiceStatus], None]) -> None:
        """Called on the worker thread at every change of status."""
        self._listeners.append(listener)

    def speak(self, text: str, lang: str = "zh", interrupt: bool = True) -> None:
        """Say text in "zh" or "en". interrupt=True stops what is being said and what is queued."""
        self.last_spoken = text
        if not self.enabled or not text:
            return
        if interrupt:
            self._drain()
        try:
            self._queue.put_nowait(Utterance(text, lang, interrupt))
        except queue.Full:  # the worker is stuck; the newest prompt matters most
            self._drain()
            with contextlib.suppress(queue.Full):  # another thread refilled it meanwhile
                self._queue.put_nowait(Utterance(text, lang, interrupt))

    def stop(self) -> None:
        if self._thread is None:
            return
        self._drain()
        self._queue.put(None)
        self._thread.join(self.timeout + 1)
        self._thread = None
        if self._status.state == DEGRADED:
            self._end_spawned()  # a healthy spawned daemon exits by itself once we leave

    def _drain(self) -> None:
        try:
            while True:
                self._queue.get_nowait()
        except queue.Empty:
            pass

    def _set(self, state: str, reason: str = "") -> None:
        status = VoiceStatus(state, reason)
        with self._lock:
            if status == self._status:
                return
            self._status = status
        (log.info if state == OK else log.warning)("voice %s%s", state, f": {reason}" if reason else "")
        for listener in list(self._listeners):
            try:
                listener(status)
            except Exception:
                log.exception("voice status listener failed")

    # ---- worker thread ----
    def _run(self) -> None:
        while True:
            try:
                # follow a message being spoken closely; otherwise wake rarely
                item = self._queue.get(timeout=0.05 if self._pending else 0.5)
            except queue.Empty:
                item = Utterance("", "", False)  # a tick: watch the engine's progress
            if item is None:
                break
            try:
                if self._conn is None and time.monotonic() < self._next_try:
                    if item.text:  # a dead engine is retried every retry_after, not at every prompt
                        log.info("not spoken (%s): %s", self._status.reason, item.text)
                elif item.text:
                    self._say(item)
                elif self._conn is not None:
                    self._watch()
                else:
                    self._connect()
            except (SpeechError, OSError) as e:
                self._fail(str(e))
                if item.text:
                    log.info("not spoken (%s): %s", self._status.reason, item.text)
        self._disconnect()

    def _fail(self, reason: str) -> None:
        self._disconnect()
        self._end_spawned()  # the next try starts a fresh one
        self._next_try = time.monotonic() + self.retry_after
        self._set(DEGRADED, reason)

    def _end_spawned(self) -> None:
        """End a daemon we started ourselves and that failed us (stuck, e.g. with no audio device);
        left alone it would hold the socket unanswered forever. One someone else runs is theirs."""
        import signal  # here: the module makes its enums at import, off the first paint's path

        pidfile, self._spawned = self._spawned, None
        try:
            pid = int(pidfile.read_text()) if pidfile else 0
            if pid and b"speech-dispatcher" in Path(f"/proc/{pid}/cmdline").read_bytes():
                os.killpg(pid, signal.SIGKILL) if os.getpgid(pid) == pid else os.kill(pid, signal.SIGKILL)
                log.warning("ended the speech-dispatcher we started (pid %d): it stopped answering", pid)
        except (OSError, ValueError):
            pass  # already gone

    def _disconnect(self) -> None:
        if self._conn is not None:
            self._conn.close()
        self._conn = None
        self._current = None
        self._pending.clear()

    def _connect(self) -> Ssip:
        if self._conn is not None:
            return self._conn
        # the greeting gets the grace a spawn gets: a daemon that has just started (ours or the
        # session's) loads its output module on the first LIST, which on a loaded machine takes
        # seconds; every later command answers at once or the daemon is stuck
        grace = self.timeout * STARTUP_GRACE
        try:
            conn = Ssip(self.address, grace)
        except (FileNotFoundError, ConnectionRefusedError):
            self._spawn()
            conn = Ssip(self.address, grace)
        try:
            conn.command("SET self CLIENT_NAME kiosk:kiosk:voice")
            conn.command("SET self NOTIFICATION all on")
            conn.command("SET self PRIORITY message")  # queued in order, never dropped for another
            voices = conn.voices()
        except SpeechError:
            conn.close()
            raise
        conn.set_timeout(self.timeout)
        self._voices = {lang: choose_voice(voices, lang) for lang in LANGUAGES}
        self._conn = conn
        missing = [lang for lang, v in self._voices.items() if v is None]
        chosen = ", ".join(f"{lang}={v.name}" for lang, v in self._voices.items() if v)
        log.info("speech-dispatcher at %s: %s", self.address, chosen)
        if missing:
            self._set(DEGRADED, f"no speech voice for {', '.join(missing)}")
        elif not self._stalled:
            self._set(OK)
        return conn

    def _spawn(self) -> None:
        """Start speech-dispatcher as libspeechd's autospawn would, but on our socket path
        (--spawn refuses any path but its default) and within the timeout."""
        import shutil
        import subprocess  # here only: the worker's first connection, after the first paint

        exe = shutil.which("speech-dispatcher")
        kind, _, path = self.address.partition(":")
        if not self.spawn or exe is None or kind != "unix_socket":
            raise SpeechError(
                "speech-dispatcher is not running" if exe else "speech-dispatcher not installed"
            )
        sock = Path(path)
        sock.parent.mkdir(parents=True, exist_ok=True)
        sock.unlink(missing_ok=True)  # refused us: left by a daemon that died
        pidfile = sock.with_suffix(".pid")
        # -t 5: like an autospawned daemon, it exits 5 s after its last client leaves
        cmd = [exe, "-d", "-t", "5", "-c", "unix_socket", "-S", path, "-P", str(pidfile)]
        deadline = time.monotonic() + self.timeout * STARTUP_GRACE
        try:
            subprocess.run(cmd, timeout=self.timeout * STARTUP_GRACE, capture_output=True)
        except subprocess.TimeoutExpired as e:
            raise SpeechError("speech-dispatcher did not start in time") from e
        self._spawned = pidfile
        while not sock.exists():  # the daemon binds its socket after the launcher returns
            if time.monotonic() > deadline:
                raise SpeechError("speech-dispatcher did not start in time")
            time.sleep(0.05)

    def _say(self, u: Utterance) -> None:
        conn = self._connect()
        if u.interrupt and self._pending:
            conn.command("CANCEL self")
            self._watch()  # record the cancellations while the ids are known
            self._pending.clear()
        voice = self._voices.get(u.lang)
        if u.lang != self._current:
            conn.command(f"SET self LANGUAGE {voice.language if voice else u.lang}")
            if voice is not None:
                conn.command(f"SET self SYNTHESIS_VOICE {voice.name}")
            self._current = u.lang
        if not self._pending:
            self._deadline = time.monotonic() + self._allowance(u.text)
        self._pending[conn.speak(u.text)] = u.text
        self.spoken.append(Spoken(redact(u.text), u.lang, voice.name if voice else ""))
        log.info("spoken [%s]: %s", voice.name if voice else u.lang, u.text)  # logs are masked
        self._watch()

    def _allowance(self, text: str) -> float:
        """How long the engine may take to start and finish one message before it counts as stalled."""
        return self.timeout * 2 + 0.5 * len(text)

    def _watch(self) -> None:
        """Follow the engine's BEGIN/END events: a queued message nobody plays is a stall."""
        conn = self._conn
        if conn is None:
            return
        conn.poll()
        for code, msg_id in conn.events:
            if code in EVENTS and msg_id in self._pending:
                self.played.append((EVENTS[code], redact(self._pending[msg_id])))
            if code in (END, CANCELLED):
                self._pending.pop(msg_id, None)
            if code in (BEGIN, END, CANCELLED):
                head = next(iter(self._pending.values()), "")
                self._deadline = time.monotonic() + self._allowance(head)
                if self._stalled:
                    self._stalled = False
                    self._set(OK)
        conn.events.clear()
        if self._pending and time.monotonic() > self._deadline:
            self._stalled = True
            raise SpeechError("speech engine stopped speaking")
