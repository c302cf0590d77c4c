"""Spoken prompts through QtTextToSpeech; silent, never failing, where no engine exists."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


class VoiceGuide:
    def __init__(self, enabled: bool = True) -> None:
        self._tts = None
        self.last_spoken = ""
        if not enabled:
            return
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech

            if QTextToSpeech.availableEngines():
                self._tts = QTextToSpeech()
        except Exception as e:  # no module, no engine, broken speech daemon
            log.info("voice guide silent: %s", e)

    @property
    def available(self) -> bool:
        return self._tts is not None

    def speak(self, text: str, lang: str = "zh") -> None:
        self.last_spoken = text
        if self._tts is None or not text:
            return
        try:
            from PySide6.QtCore import QLocale

            self._tts.setLocale(
                QLocale(QLocale.Language.Chinese if lang == "zh" else QLocale.Language.English)
            )
            self._tts.stop()
            self._tts.say(text)
        except Exception as e:
            log.warning("speech failed: %s", e)
