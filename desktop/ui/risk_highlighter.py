"""Live risk marks in a text box: wavy underlines from the core checker, advice on hover."""

from __future__ import annotations

import bisect
from typing import Any, NamedTuple, Protocol

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer, Signal
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from desktop.core.i18n import Translator
from desktop.ui.editor_strings import advice_text, describe, with_editor_strings

# Text beyond this is not checked: a huge paste must not stall typing (a reply is at most 2000).
CHECK_LIMIT = 5_000
# Re-check after typing pauses this long: dense text costs the checker tens of ms per pass.
CHECK_DELAY_MS = 90
BLOCK_COLOUR = QColor("#d93025")
WARN_COLOUR = QColor("#e8a100")


class RiskChecker(Protocol):
    def check(self, text: str) -> list[Any]: ...


def _utf16_offsets(text: str) -> list[int] | None:
    """Qt counts UTF-16 units, Python counts code points; None when the two agree (no emoji)."""
    if text.isascii() or all(ord(c) < 0x10000 for c in text):
        return None
    out = [0]
    for c in text:
        out.append(out[-1] + (2 if ord(c) >= 0x10000 else 1))
    return out


def _format(colour: QColor) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    fmt.setUnderlineColor(colour)
    tint = QColor(colour)
    tint.setAlpha(40)
    fmt.setBackground(tint)
    return fmt


class Mark(NamedTuple):
    """One finding as document positions (UTF-16 units, like ``QTextBlock.position()``)."""

    start: int
    end: int
    severity: str
    finding: Any

    def key(self) -> tuple[int, int, str]:
        return self.start, self.end, self.severity


class RiskHighlighter(QSyntaxHighlighter):
    """Checks the whole document shortly after typing pauses and marks each finding in its blocks.

    A block is marked by clipping each mark to ``[block.position(), block.position() + length)``.
    Between an edit and the re-check, marks on untouched text move with the edit, so nothing is
    ever drawn at a stale offset; only the words being typed wait for the re-check.
    """

    findingsChanged = Signal()

    def __init__(self, document: QTextDocument, checker: RiskChecker, tr: Translator,
                 parent: QObject | None = None, *, delay_ms: int = CHECK_DELAY_MS) -> None:
        super().__init__(parent)  # type: ignore[arg-type]  # None is fine at run time
        self._checker = checker
        self._tr = with_editor_strings(tr)
        self._dirty = True
        self._length = 0
        self._applying = False
        self.findings: list[Any] = []
        self._marks: list[Mark] = []  # sorted by start
        self._starts: list[int] = []
        self._longest = 0
        self._formats = {"block": _format(BLOCK_COLOUR), "warn": _format(WARN_COLOUR)}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.ensure_current)
        # Connected before the document is attached, so marks are moved before the highlighting
        # that the same edit causes.
        document.contentsChange.connect(self._edited)
        self.setDocument(document)
        self._timer.start()

    @property
    def truncated(self) -> bool:
        """True when the text was longer than CHECK_LIMIT and only its start was checked."""
        return self._length > CHECK_LIMIT

    def retranslate(self, tr: Translator) -> None:
        self._tr = with_editor_strings(tr)

    def _set_marks(self, marks: list[Mark]) -> None:
        self._marks = marks
        self._starts = [m.start for m in marks]
        self._longest = max((m.end - m.start for m in marks), default=0)

    def _edited(self, position: int, removed: int, added: int) -> None:
        if self._applying:
            return
        delta, edit_end = added - removed, position + removed
        kept = [m if m.end <= position else m._replace(start=m.start + delta, end=m.end + delta)
                for m in self._marks if m.end <= position or m.start >= edit_end]
        self._set_marks(kept)
        self._dirty = True
        self._timer.start()

    def ensure_current(self) -> None:
        """Check the document's text now if it changed since the last check."""
        self._timer.stop()
        doc = self.document()
        if not self._dirty or doc is None:
            return
        self._dirty = False
        full = doc.toPlainText()
        self._length = len(full)
        text = full[:CHECK_LIMIT]
        self.findings = list(self._checker.check(text)) if text.strip() else []
        u16 = _utf16_offsets(text)
        marks = []
        for f in self.findings:
            start, end = int(f.start), int(f.end)
            if u16 is not None:
                start, end = u16[start], u16[end]
            marks.append(Mark(start, end, str(getattr(f, "severity", "warn")), f))
        marks.sort(key=Mark.key)
        changed = {m.key() for m in self._marks} ^ {m.key() for m in marks}
        self._set_marks(marks)
        if changed:
            self._redraw(changed)
            self.findingsChanged.emit()

    def _redraw(self, spans: set[tuple[int, int, str]]) -> None:
        """Re-highlight only the blocks whose marks changed (all of them if that is most)."""
        doc = self.document()
        self._applying = True
        try:
            if len(spans) > 200:
                self.rehighlight()
                return
            numbers: set[int] = set()
            for start, end, _ in spans:
                block = doc.findBlock(start)
                while block.isValid() and block.position() < max(end, start + 1):
                    numbers.add(block.blockNumber())
                    block = block.next()
            for n in sorted(numbers):
                self.rehighlightBlock(doc.findBlockByNumber(n))
        finally:
            self._applying = False

    def marks_in(self, first: int, last: int) -> list[Mark]:
        """Marks overlapping the document range [first, last)."""
        lo = bisect.bisect_left(self._starts, first - self._longest)
        hi = bisect.bisect_left(self._starts, last)
        return [m for m in self._marks[lo:hi] if m.end > first]

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        block = self.currentBlock()
        first, last = block.position(), block.position() + block.length()
        # Warnings first, so a must-fix mark wins where two overlap.
        for m in sorted(self.marks_in(first, last), key=lambda m: m.severity == "block"):
            s, e = max(m.start, first) - first, min(m.end, last) - first
            if e > s:
                self.setFormat(s, e - s, self._formats.get(m.severity, self._formats["warn"]))

    def finding_at(self, position: int) -> Any | None:
        """The finding covering the character at this document position, must-fix first."""
        self.ensure_current()
        found = sorted(self.marks_in(position, position + 1), key=lambda m: m.severity != "block")
        return found[0].finding if found else None

    def describe(self, finding: Any) -> str:
        category, severity = describe(finding, self._tr)
        return self._tr("finding.tooltip", category=category, severity=severity,
                        match=getattr(finding, "match", ""), advice=advice_text(finding, self._tr.locale))


class RiskTextEdit(QPlainTextEdit):
    """A plain text box with live risk marks, hover advice and a cap on what a paste may insert."""

    pasteRefused = Signal(int)  # length of the refused text

    def __init__(self, checker: RiskChecker, tr: Translator, *, paste_limit: int = CHECK_LIMIT,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paste_limit = paste_limit
        self.highlighter = RiskHighlighter(self.document(), checker, tr, self)
        self.setMouseTracking(True)

    def retranslate(self, tr: Translator) -> None:
        self.highlighter.retranslate(tr)

    def composing(self) -> bool:
        """True while an input method shows uncommitted text (pinyin being turned into words)."""
        layout = self.textCursor().block().layout()
        return layout is not None and bool(layout.preeditAreaText())

    def set_text_checked(self, text: str) -> bool:
        """Replace the text unless it is over the paste limit (then emit pasteRefused)."""
        if len(text) > self.paste_limit:
            self.pasteRefused.emit(len(text))
            return False
        self.setPlainText(text)
        return True

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 (Qt's name)
        incoming = source.text() if source.hasText() else ""
        selected = len(self.textCursor().selectedText())
        if len(self.toPlainText()) - selected + len(incoming) > self.paste_limit:
            self.pasteRefused.emit(len(incoming))
            return
        super().insertFromMimeData(source)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.ToolTip:
            pos = event.pos()  # type: ignore[attr-defined]
            cursor = self.cursorForPosition(pos)
            # cursorForPosition gives the nearest gap; the character under the mouse is on its
            # left when the mouse is past the middle of that character.
            at = cursor.position()
            left = self.cursorRect(cursor).left()
            finding = self.highlighter.finding_at(at - 1 if pos.x() < left and at > 0 else at)
            if finding is not None:
                QToolTip.showText(event.globalPos(), self.highlighter.describe(finding), self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)
