"""The import preview: read and plan a file off the GUI thread, show what would happen, import on OK."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import QuickReplyError
from desktop.core.exchange import read_import
from desktop.core.exchange_items import ExchangeError, ImportData
from desktop.core.i18n import Translator
from desktop.core.library import PhraseLibrary
from desktop.core.merge import POLICIES, ImportPlan, RiskChecker, plan_import
from desktop.core.merge_apply import ImportResult, apply_import
from desktop.core.store import paused_gc
from desktop.ui.background import BackgroundTask, Progress
from desktop.ui.exchange_prompts import Prompts

COUNTS = ("new", "identical", "changed", "conflict", "invalid", "duplicates", "risky")


def describe_error(exc: BaseException, tr: Translator) -> str:
    """An exception as a person reads it: the core's message in their language, never a traceback."""
    if isinstance(exc, QuickReplyError):
        return exc.message(tr)
    return tr("error.generic", detail=str(exc) or type(exc).__name__)


class ImportDialog(QDialog):
    """``planned(plan)`` each time a plan is ready; ``failed(message)`` when the file cannot be read.

    Nothing is written until Import is pressed: reading and planning only look at the library.
    """

    planned = Signal(object)
    failed = Signal(str)

    def __init__(self, library: PhraseLibrary, path: Path | str, tr: Translator, *,
                 checker: RiskChecker | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.path = Path(path)
        self.checker = checker
        self.data: ImportData | None = None
        self.plan: ImportPlan | None = None  # the plan on show, for the chosen policy
        self.result: ImportResult | None = None
        self._task: BackgroundTask | None = None
        self._applied_step = -1
        self._tr = tr
        self.setMinimumWidth(520)

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.counts: dict[str, QLabel] = {}
        self._count_names: dict[str, QLabel] = {}
        form = QFormLayout()
        for key in COUNTS:
            self._count_names[key] = QLabel(self)
            self.counts[key] = QLabel("—", self)
            form.addRow(self._count_names[key], self.counts[key])
        self.policy_label = QLabel(self)
        self.policy = QComboBox(self)
        for name in POLICIES:
            self.policy.addItem("", name)
        self.policy.currentIndexChanged.connect(lambda _: self._replan())
        form.addRow(self.policy_label, self.policy)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setMinimumHeight(160)
        self.buttons = QDialogButtonBox(self)
        self.import_button = QPushButton(self)
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.cancel_button = QPushButton(self)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self.import_now)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addLayout(form)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.retranslate(tr)

    @classmethod
    def ask(cls, parent: QWidget | None, library: PhraseLibrary, path: Path | str, tr: Translator, *,
            checker: RiskChecker | None = None) -> ImportResult | None:
        """Preview, then import when the user agrees; None when cancelled or the file was unreadable."""
        dialog = cls(library, path, tr, checker=checker, parent=parent)
        dialog.start()
        dialog.exec()
        result = dialog.result
        dialog.deleteLater()
        return result

    # -- texts -----------------------------------------------------------------------------------

    def retranslate(self, tr: Translator) -> None:
        self._tr = tr
        self.setWindowTitle(tr("import.title"))
        for key, label in self._count_names.items():
            label.setText(tr(f"import.count.{key}"))
        self.policy_label.setText(tr("import.policy"))
        for i in range(self.policy.count()):
            name = self.policy.itemData(i)
            self.policy.setItemText(i, tr(f"import.policy_hint.{name}"))
        self.cancel_button.setText(tr("import.button.cancel"))
        self._show_plan()

    # -- reading and planning (off the GUI thread) -----------------------------------------------

    def start(self) -> None:
        """Read the file and plan it with the chosen policy, in a worker thread."""
        self.status.setText(self._tr("import.reading", name=self.path.name))
        self._run(self._read_and_plan)

    def _read_and_plan(self, progress: Progress) -> tuple[ImportData, ImportPlan]:
        policy = self.current_policy()
        with paused_gc():  # as preview_import: the file's many objects all stay alive
            data = read_import(self.path, locale=self._tr.locale, progress=progress)
            return data, plan_import(self.library, data, policy, checker=self.checker)

    def _replan(self) -> None:
        if self.data is None:
            return
        data, policy = self.data, self.current_policy()
        self.status.setText(self._tr("import.planning"))
        self._run(lambda _progress: (data, plan_import(self.library, data, policy, checker=self.checker)))

    def _run(self, work: Any) -> None:
        if self._task is not None:
            self._task.cancel()  # a policy picked again before the last plan came back
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        task = BackgroundTask(work)
        task.progress.connect(self._on_progress)
        task.finished.connect(self._on_planned)
        task.failed.connect(self._on_failed)
        self._task = task
        task.start()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_planned(self, outcome: tuple[ImportData, ImportPlan]) -> None:
        self._task = None
        self.data, self.plan = outcome
        self.progress.hide()
        self._show_plan()
        self.planned.emit(self.plan)

    def _on_failed(self, exc: BaseException) -> None:
        self._task = None
        message = describe_error(exc, self._tr)
        self.failed.emit(message)
        Prompts.warn(self, self._tr("import.failed.title"), message)
        self.reject()

    def current_policy(self) -> str:
        return str(self.policy.currentData())

    def set_policy(self, policy: str) -> None:
        self.policy.setCurrentIndex(POLICIES.index(policy))

    def _show_plan(self) -> None:
        plan, tr = self.plan, self._tr
        if plan is None:
            self.import_button.setText(tr("import.button.import", count=0))
            return
        counts = plan.counts
        for key, label in self.counts.items():
            label.setText(str(counts[key]))
        self.status.setText(tr("import.summary.head", source=self.path.name, format=plan.data.format,
                               total=len(plan.entries) + counts["invalid"] + counts["duplicates"]))
        self.details.setPlainText("\n".join(plan.summary(tr)))
        writes = counts["add"] + counts["update"]
        self.import_button.setText(tr("import.button.import", count=writes))
        self.import_button.setEnabled(writes > 0 and self._task is None)

    # -- importing -------------------------------------------------------------------------------

    def import_now(self) -> ImportResult | None:
        """Carry the plan out on the GUI thread (listeners update the window as it writes)."""
        if self.plan is None or self._task is not None or not self.plan.writes:
            return None
        self.import_button.setEnabled(False)
        self.status.setText(self._tr("import.writing"))
        self.progress.setRange(0, 0)
        self.progress.show()
        try:
            self.result = apply_import(self.library, self.plan, progress=self._apply_progress)
        except ExchangeError as exc:
            if exc.key == "import.stale":  # the library changed meanwhile: show a fresh plan
                Prompts.warn(self, self._tr("import.failed.title"), exc.message(self._tr))
                self._replan()
                return None
            Prompts.warn(self, self._tr("import.failed.title"), exc.message(self._tr))
            self.reject()
            return None
        except (QuickReplyError, OSError) as exc:
            Prompts.warn(self, self._tr("import.failed.title"), describe_error(exc, self._tr))
            self.reject()
            return None
        self.accept()
        return self.result

    def _apply_progress(self, done: int, total: int) -> None:
        step = done * 100 // max(total, 1)
        if step == self._applied_step:
            return
        self._applied_step = step
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        # Paint the bar while the GUI thread writes; typing and clicks wait until it is done.
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def reject(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None
        super().reject()

